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

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Exceptions' });
  }

  /** Rows the table holds after its filters (aria-rowcount counts the header row too; rows are virtualised). */
  async rowCount(): Promise<number> {
    return Number(await this.table.getAttribute('aria-rowcount')) - 1;
  }

  /** Clears a select filter ("Status" or "Category") by deselecting its chosen option. */
  async clearSelect(name: 'Status' | 'Category'): Promise<void> {
    const select = this.page.getByRole('combobox', { name });
    if ((await select.inputValue()) === '') return;
    await select.click();
    await this.page.getByRole('option', { selected: true }).click();
    await expect(select).toHaveValue('');
  }

  async showCategory(category: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Category' }).click();
    await this.page.getByRole('option', { name: category, exact: true }).click();
  }

  /** Opens the resolve or ignore dialog of one exception (by shop order and category). */
  async openDecision(action: 'Resolve' | 'Ignore', sourceRef: string, category: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `${action} ${sourceRef} ${category}`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: `${action} exception` });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
