import { expect, type Locator, type Page } from '@playwright/test';

/** The board-pack builder: sections, commentary, export, mark final, closed months. */
export class BoardPackScreen {
  constructor(readonly page: Page) {}

  get preview(): Locator {
    return this.page.getByTestId('pack-preview');
  }

  get status(): Locator {
    return this.page.getByTestId('pack-status');
  }

  async waitForPreview(): Promise<void> {
    await expect(this.preview).toBeVisible({ timeout: 60_000 });
  }

  /** A section card of the preview, by section id (e.g. 'receivables'). */
  section(id: string): Locator {
    return this.preview.locator(`[data-section="${id}"]`);
  }

  commentary(sectionTitle: string): Locator {
    return this.page.getByRole('textbox', { name: `Commentary: ${sectionTitle}` });
  }

  /** Types a section's commentary and saves it; waits until the saved text is the editor's baseline. */
  async saveCommentary(sectionId: string, sectionTitle: string, text: string): Promise<void> {
    await this.commentary(sectionTitle).fill(text);
    const save = this.section(sectionId).getByRole('button', { name: 'Save commentary' });
    await save.click();
    await expect(save).toBeDisabled();
  }

  sectionSwitch(sectionTitle: string): Locator {
    return this.page.getByRole('checkbox', { name: sectionTitle, exact: true });
  }

  /** Exports and returns the written files' paths (the core's data folder). */
  async export(button: 'Export XLSX and PDF' | 'PDF only' | 'XLSX only'): Promise<string[]> {
    await this.page.getByRole('button', { name: button, exact: true }).click();
    const files = this.page.getByTestId('exported-file');
    await expect(files).toHaveCount(button === 'Export XLSX and PDF' ? 2 : 1, { timeout: 90_000 });
    return files.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-path') ?? ''));
  }

  async openMarkFinal(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Mark final…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Mark the pack final' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /**
   * Marks the pack final as `by`; writes `waiver` when the data-quality checks found errors (the
   * dialog then asks for one). Returns whether a waiver was needed.
   */
  async markFinal(by: string, waiver: string): Promise<boolean> {
    const dialog = await this.openMarkFinal();
    await dialog.getByRole('textbox', { name: 'Approved by' }).fill(by);
    const waiverBox = dialog.getByRole('textbox', { name: 'Waiver' });
    const needsWaiver = await waiverBox.isVisible();
    if (needsWaiver) await waiverBox.fill(waiver);
    await dialog.getByRole('button', { name: 'Mark final', exact: true }).click();
    await expect(dialog).toBeHidden({ timeout: 60_000 });
    await expect(this.status).toHaveText(`Final (${by})`);
    return needsWaiver;
  }

  get snapshotRows(): Locator {
    return this.page.getByRole('table', { name: 'Closed snapshots' }).getByTestId('snapshot-row');
  }

  /** Picks two snapshots by their place in the list (newest month first) and asks for their differences. */
  async compare(a: number, b: number): Promise<void> {
    for (const [name, index] of [['Compare', a], ['with', b]] as const) {
      await this.page.getByRole('combobox', { name, exact: true }).click();
      await this.page.getByRole('listbox').getByRole('option').nth(index).click();
    }
    await this.page.getByRole('button', { name: 'Show changes' }).click();
  }
}
