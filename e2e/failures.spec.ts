import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startOdooSimulator } from '../electron/odoo-sim/server';
import { buildSmallDataset } from '../electron/odoo-sim/seed-small';
import { expect, test } from './pages/demo-fixture';
import { AppPage, DashboardPage } from './pages/AppPage';
import { dashboardMonth } from './pages/workspace-files';

test('a wrong API key shows the diagnosis in plain words', async ({ page, app }) => {
  const sim = await startOdooSimulator({ dataset: buildSmallDataset(), version: 19, port: 0 });
  try {
    await app.open(page);
    await page.getByRole('button', { name: 'Connect to Odoo' }).click();
    await page.getByLabel('Odoo address').fill(sim.credentials.url);
    await page.getByRole('combobox', { name: 'Database' }).fill(sim.credentials.db);
    await page.getByLabel('Login (email)').fill(sim.credentials.login);
    await page.getByLabel('API key').fill('0000000000000000000000000000000000000000');
    await page.getByRole('button', { name: 'Test connection' }).click();
    const diagnosis = page.getByTestId('connection-report').getByRole('alert');
    await expect(diagnosis).toHaveAttribute('data-error-code', 'odoo.auth');
    await expect(diagnosis).toContainText('Odoo refused the credentials');
    await expect(diagnosis).toContainText('What to do:');

    await page.getByLabel('API key').fill(sim.credentials.api_key);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByText('Connection works')).toBeVisible();
    await expect(page.getByTestId('connection-report')).toContainText('Odoo 19');
  } finally {
    await sim.close();
  }
});

test('a malformed CSV lists its rejected lines, an unknown file says what was expected', async ({ page, synced }) => {
  await synced.open(page);
  const shell = new AppPage(page);
  await expect(new DashboardPage(page).root).toBeVisible();
  const month = await dashboardMonth(page);
  await shell.go('Reconcile');

  const source = readFileSync(join(synced.dataDir, 'demo', 'exports', 'shopify', `orders_export_${month}.csv`), 'utf8').split(/\r?\n/);
  const header = source[0]!.split(',');
  const totalColumn = header.indexOf('Total');
  const dateColumn = header.indexOf('Created at');
  // Break line 2's date and line 3's total; keep everything else as exported.
  const broken = source.map((line, index) => {
    if (index !== 1 && index !== 2) return line;
    const cells = line.split(',');
    if (index === 1 && dateColumn >= 0) cells[dateColumn] = 'yesterday';
    if (index === 2 && totalColumn >= 0) cells[totalColumn] = 'twelve';
    return cells.join(',');
  });
  const malformed = join(synced.dataDir, 'orders_export_broken.csv');
  writeFileSync(malformed, broken.join('\n'));
  await page.locator('input[type="file"]').setInputFiles(malformed);
  const rejected = page.getByTestId('rejected-rows');
  await expect(rejected).toBeVisible();
  await expect(rejected.getByRole('row').nth(1)).toContainText(/^\s*2/);
  await expect(page.getByTestId('import-results')).toContainText(/rows read = \d+ imported \+ [1-9]\d* rejected/);

  const unknown = join(synced.dataDir, 'notes.csv');
  writeFileSync(unknown, 'Colour,Mood\nblue,calm\n');
  await page.locator('input[type="file"]').setInputFiles(unknown);
  await expect(page.getByRole('alert').filter({ hasText: 'Unknown file format' })).toBeVisible();
});

test('an offline start works from the cache and says so', async ({ page, synced }) => {
  await synced.open(page);
  const dashboard = new DashboardPage(page);
  await expect(dashboard.root).toBeVisible();
  await expect(new AppPage(page).onlineState).toContainText('Offline · working from the cache');
  await expect(new AppPage(page).snapshotAge).toContainText('data synced');
  expect(await dashboard.tileValue('net_revenue')).not.toBeNull();
});
