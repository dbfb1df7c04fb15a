import { expect, type Locator, type Page } from '@playwright/test';

/** The sync center: start, cancel, live progress, history. */
export class SyncCenterPage {
  constructor(readonly page: Page) {}

  get progress(): Locator {
    return this.page.getByTestId('sync-progress');
  }

  /** History rows, newest first. */
  get runs(): Locator {
    return this.page.getByRole('table', { name: 'Sync history' }).getByTestId('sync-run');
  }

  /** Starts a full re-sync and waits until the live panel says it runs. */
  async startFull(): Promise<void> {
    await this.page.getByRole('button', { name: 'Full re-sync' }).click();
    await expect(this.page.getByText(/Syncing: step \d+ of \d+/)).toBeVisible();
  }

  async syncNow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sync now' }).click();
  }

  /** Waits until at least one model of the running sync has finished (records are being written). */
  async waitForFirstModelDone(): Promise<void> {
    await expect(this.page.getByRole('table', { name: 'Progress per model' }).locator('tr[data-model]').filter({ hasText: /done$/ }).first()).toBeVisible();
  }

  async cancel(): Promise<void> {
    await this.page.getByRole('button', { name: 'Cancel sync' }).click();
  }

  /** The Status badge of a history row. */
  status(run: Locator): Locator {
    return run.getByRole('cell').nth(1);
  }
}
