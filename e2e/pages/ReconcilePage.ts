import { expect, type Locator, type Page } from '@playwright/test';

/** The reconciliation workspace. */
export class ReconcilePage {
  constructor(readonly page: Page) {}

  async upload(...files: string[]): Promise<void> {
    await this.page.locator('input[type="file"]').setInputFiles(files);
    await expect(this.page.getByTestId('import-results')).toBeVisible({ timeout: 60_000 });
  }

  get detectedFormat(): Locator {
    return this.page.getByTestId('detected-format').first();
  }

  get rows(): Locator {
    return this.page.getByRole('table', { name: 'Exceptions' }).getByTestId('datatable-row');
  }

  async filter(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Filter Exceptions' }).fill(text);
  }

  async showStatus(status: 'Open' | 'Resolved' | 'Ignored'): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Status' }).click();
    await this.page.getByRole('option', { name: status, exact: true }).click();
  }

  async resolveFirst(note: string): Promise<void> {
    await this.rows.first().getByRole('button', { name: /^Resolve / }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Resolve exception' });
    await dialog.getByRole('textbox', { name: 'Note' }).fill(note);
    await dialog.getByRole('button', { name: 'Resolve', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}
