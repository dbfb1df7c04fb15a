import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { createCore } from '../electron/core/index';
import { createLogger } from '../electron/core/logging/logger';
import { createMemorySecretStore } from '../electron/core/secrets';
import { apiKeyName } from '../electron/core/workspace/workspace';
import { ensureRendererBuilt } from '../electron/node-host/renderer-build';
import { startBrowserHost } from '../electron/node-host/server';
import { startOdooSimulator } from '../electron/odoo-sim/server';
import { buildSmallDataset } from '../electron/odoo-sim/seed-small';
import { expect, test } from './pages/demo-fixture';
import { AppPage } from './pages/AppPage';
import { dashboardMonth } from './pages/workspace-files';

const DAY = 86_400_000;

/** Axe over the given parts of the page, in light and dark; any violation fails with its rule ids. */
async function expectAccessibleParts(page: Page, selectors: string[]): Promise<void> {
  for (const theme of ['Light', 'Dark'] as const) {
    await page.getByRole('radiogroup', { name: 'Theme' }).first().getByText(theme, { exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', theme.toLowerCase());
    let builder = new AxeBuilder({ page });
    for (const selector of selectors) builder = builder.include(selector);
    const result = await builder.analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`), theme).toEqual([]);
  }
}

/**
 * A data folder holding one real-Odoo profile whose API key was saved `keyAgeDays` ago (profiles.json
 * carries keySavedAt; the key itself sits in this session's secret store, as after "Save" in Connection).
 */
const withAgedKey = (keyAgeDays: number) => base.extend<{ agedKeyApp: { open(page: Page): Promise<void> } }>({
  agedKeyApp: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'boardpack-e2e-key-'));
    const now = Date.now();
    const profile = {
      id: 'acme', name: 'Acme Odoo', kind: 'odoo', url: 'http://127.0.0.1:9', db: 'acme', login: 'finance@acme.test', protocol: 'auto',
      companies: null, keySavedAt: new Date(now - keyAgeDays * DAY).toISOString(), createdAt: new Date(now - 200 * DAY).toISOString(),
    };
    writeFileSync(join(dataDir, 'profiles.json'), JSON.stringify({ version: 1, activeProfileId: 'acme', profiles: [profile] }));
    const secrets = createMemorySecretStore();
    await secrets.set(apiKeyName('acme'), 'k'.repeat(40));
    const logger = createLogger({ level: 'warn' });
    const core = createCore({ dataDir, secrets, logger });
    const host = await startBrowserHost({ core, rendererDir: await ensureRendererBuilt(logger), logger });
    await use({
      open: async (page) => {
        await page.goto(host.appUrl);
        await page.locator('[data-app-state="ready"]').waitFor();
      },
    });
    await host.close();
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

withAgedKey(80)('a key saved 80 days ago shows the expiry reminder in the status bar, and "Update key" opens Connection', async ({ page, agedKeyApp }) => {
  await agedKeyApp.open(page);
  const reminder = page.getByTestId('key-age-reminder');
  await expect(reminder).toHaveAttribute('data-status', 'expiring');
  await expect(reminder).toContainText('API key expires soon');
  await expectAccessibleParts(page, ['[data-testid="key-age-reminder"]']);
  await reminder.getByRole('button', { name: 'Update key' }).click();
  await expect(page.getByRole('heading', { name: 'Connect to Odoo' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'expires in about 10 days' }).first()).toBeVisible();
  await expectAccessibleParts(page, ['main']);
});

withAgedKey(20)('a fresh key shows no reminder', async ({ page, agedKeyApp }) => {
  await agedKeyApp.open(page);
  await expect(page.getByTestId('snapshot-age')).toContainText('Acme Odoo');
  await expect(page.getByTestId('key-age-reminder')).toHaveCount(0);
});

test('the demo company never asks for a key', async ({ page, synced }) => {
  await synced.open(page);
  await expect(new AppPage(page).snapshotAge).toContainText('Demo company');
  await expect(page.getByTestId('key-age-reminder')).toHaveCount(0);
});

test('Alt+S starts a sync from any screen (a history row appears); a second Alt+S while it runs says why it did not start', async ({ page, synced }) => {
  await synced.open(page);
  const shell = new AppPage(page);
  await shell.go('Sync');
  const runs = page.getByTestId('sync-run');
  await expect(runs.first()).toBeVisible();
  const before = await runs.count();
  await shell.go('Dashboard');
  await page.keyboard.press('Alt+S');
  await expect(shell.nav('Sync')).toHaveAttribute('aria-current', 'page');
  await expect(runs).toHaveCount(before + 1, { timeout: 90_000 });
  await page.keyboard.press('Alt+S');
  const notice = page.getByTestId('shortcut-error');
  const finished = page.getByTestId('sync-run').first().filter({ hasNotText: /running/i });
  // The small demo may finish before the second key press lands; only a refusal must be explained.
  await expect(notice.or(finished).first()).toBeVisible({ timeout: 90_000 });
  if (await notice.isVisible()) await expect(notice).toContainText('A sync is already running');
});

test('Alt+E exports XLSX and PDF on the Board pack screen, with progress beside Cancel export', async ({ page, synced }) => {
  await synced.open(page);
  const shell = new AppPage(page);
  await shell.go('Board pack');
  await expect(page.getByTestId('pack-preview')).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press('Alt+E');
  await expect(page.getByRole('button', { name: 'Cancel export' })).toBeVisible();
  await expect(page.getByTestId('export-progress')).toBeVisible();
  const files = page.getByTestId('exported-file');
  await expect(files).toHaveCount(2, { timeout: 90_000 });
  await expect(files.nth(0)).toContainText(/\.(xlsx|pdf)/);
  await expect(page.getByRole('button', { name: 'Cancel export' })).toHaveCount(0);
});

test('the navigation stays hidden after a reload once the user hid it', async ({ page, synced }) => {
  await synced.open(page);
  await page.getByRole('button', { name: 'Hide navigation' }).click();
  await expect(page.getByRole('button', { name: 'Show navigation' })).toBeVisible();
  await page.reload();
  await page.locator('[data-app-state="ready"]').waitFor();
  await expect(page.getByRole('button', { name: 'Show navigation' })).toBeVisible();
});

test('Test connection lists every model it checked, with its status and whether the pack needs it', async ({ page, app }) => {
  const sim = await startOdooSimulator({ dataset: buildSmallDataset(), version: 19, port: 0 });
  try {
    await app.open(page);
    await page.getByRole('button', { name: 'Connect to Odoo' }).click();
    await page.getByLabel('Odoo address').fill(sim.credentials.url);
    await page.getByRole('combobox', { name: 'Database' }).fill(sim.credentials.db);
    await page.getByLabel('Login (email)').fill(sim.credentials.login);
    await page.getByLabel('API key').fill(sim.credentials.api_key);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByText('Connection works')).toBeVisible();
    const models = page.getByRole('table', { name: 'Odoo models' }).getByTestId('connection-model');
    await expect(models.filter({ hasText: 'account.move.line' })).toContainText('readable');
    await expect(models.filter({ hasText: 'account.move.line' })).toContainText('required');
    const summary = await page.getByTestId('connection-report').getByText(/of \d+ reporting models are readable/).textContent();
    const [, readable, total] = /(\d+) of (\d+)/.exec(summary ?? '') ?? [];
    await expect(models).toHaveCount(Number(total));
    await expect(models.and(page.locator('[data-status="readable"]'))).toHaveCount(Number(readable));
    await expectAccessibleParts(page, ['[data-testid="connection-report"]']);
  } finally {
    await sim.close();
  }
});

/** A Shopify orders export of the demo month whose `count` order lines all carry a broken date (each one rejected). */
function brokenShopifyExport(dataDir: string, month: string, count: number): string {
  const source = readFileSync(join(dataDir, 'demo', 'exports', 'shopify', `orders_export_${month}.csv`), 'utf8').split(/\r?\n/);
  const header = source[0]!.split(',');
  const dateColumn = header.indexOf('Created at');
  const nameColumn = header.indexOf('Name');
  const lines = [source[0]!];
  for (let i = 0; i < count; i++) {
    const cells = source[1]!.split(',');
    cells[dateColumn] = 'yesterday';
    cells[nameColumn] = `#BROKEN${i}`;
    lines.push(cells.join(','));
  }
  const file = join(dataDir, `orders_export_${count}_broken.csv`);
  writeFileSync(file, lines.join('\n'));
  return file;
}

test('more than 200 rejected rows: the list says how many more and saves all of them', async ({ page, synced }) => {
  await synced.open(page);
  const shell = new AppPage(page);
  await expect(page.getByTestId('snapshot-age')).toBeVisible();
  const month = await dashboardMonth(page);
  await shell.go('Reconcile');
  await page.locator('input[type="file"]').setInputFiles(brokenShopifyExport(synced.dataDir, month, 250));
  const rejected = page.getByTestId('rejected-rows');
  await expect(rejected).toBeVisible({ timeout: 60_000 });
  await expect(rejected.getByRole('row')).toHaveCount(201);
  const more = page.getByTestId('rejected-more');
  await expect(more).toContainText('…and 50 more rejected rows (all 250 in the saved file).');
  await expectAccessibleParts(page, ['[data-testid="import-results"]']);
  const [download] = await Promise.all([page.waitForEvent('download'), more.getByRole('button', { name: 'Save all rejected rows' }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0]!;
  // Header row + every rejected line.
  expect(sheet.actualRowCount).toBe(251);
});
