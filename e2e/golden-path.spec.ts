import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openCache } from '../electron/core/db/open';
import { buildAnswerKey } from '../electron/demo/index';
import { severityOf, type CategoryCode } from '../shared/reconcile/categories';
import { silentLogger } from '../electron/core/logging/logger';
import { buildReport } from '../electron/core/reports/index';
import type { ReportResult } from '../shared/reports/types';
import { expect, test } from './fixtures/app';
import { AppPage, DashboardPage, WelcomePage } from './pages/AppPage';
import { ReconcilePage } from './pages/ReconcilePage';
import { cacheFileOf, dashboardMonth } from './pages/workspace-files';

const TILES = ['net_revenue', 'gross_margin_pct', 'dso_days', 'pipeline_coverage', 'inventory_days_of_supply', 'csat'] as const;

/** The engine's own answer, computed in the test from the same cache file the app reads. */
function engineReport(cacheFile: string, month: string, companies: number[] | 'all'): ReportResult {
  const cache = openCache(cacheFile, { logger: silentLogger, readonly: true });
  try {
    return buildReport(cache.db, { month, companies, staleDraftDays: 30 });
  } finally {
    cache.close();
  }
}

test('golden path: demo company, sync with progress, dashboard equals the engine, drill-down sums to the tile', async ({ page, app }) => {
  test.setTimeout(240_000);
  const shell = new AppPage(page);
  const welcome = new WelcomePage(page);
  const dashboard = new DashboardPage(page);
  await app.open(page);

  await test.step('explore the demo company, with visible sync progress', async () => {
    await welcome.exploreDemo();
    await expect(welcome.progress).toBeVisible();
    await expect(page.getByText(/Syncing: step \d+ of \d+/)).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'Overall sync progress' })).toBeVisible();
    await expect(dashboard.root).toBeVisible({ timeout: 120_000 });
    await expect(shell.onlineState).toHaveText('Online');
  });

  const cacheFile = cacheFileOf(app.dataDir);
  const month = await dashboardMonth(page);

  await test.step('consolidated tiles show exactly the reporting engine figures', async () => {
    const expected = engineReport(cacheFile, month, 'all');
    expect(expected.consolidated).not.toBeNull();
    for (const id of TILES) {
      expect.soft(await dashboard.tileValue(id), id).toBe(expected.consolidated!.kpis[id].month);
    }
  });

  await test.step('one company: tiles equal the engine, drill-down rows sum to the tile', async () => {
    const expected = engineReport(cacheFile, month, 'all');
    const company = expected.companies[0]!;
    await shell.chooseCompanies([company.name]);
    await expect(dashboard.root).toHaveAttribute('data-entity', company.name);
    for (const id of TILES) {
      expect.soft(await dashboard.tileValue(id), id).toBe(company.kpis[id].month);
    }
    const drawer = await dashboard.openDrilldown('net_revenue');
    const figure = drawer.getByTestId('drilldown-figure');
    await expect(figure).toHaveAttribute('data-minor', String(company.kpis.net_revenue.month));
    await expect(drawer.getByTestId('datatable-total-amount')).toHaveAttribute('data-minor', String(company.kpis.net_revenue.month));
    await expect(drawer.getByTestId('datatable-row').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  });

  await test.step('import the demo Shopify export: the planted exceptions appear', async () => {
    await shell.go('Reconcile');
    const reconcile = new ReconcilePage(page);
    await reconcile.upload(join(app.dataDir, 'demo', 'exports', 'shopify', `orders_export_${month}.csv`));
    await expect(reconcile.detectedFormat).toContainText('shopify');
    const planted = buildAnswerKey({ scale: 'small', seed: 1 }).discrepancies.filter(
      (d) => d.channel === 'shopify' && d.month === month && d.shop_order !== null && severityOf(d.category as CategoryCode) === 'exception',
    );
    expect(planted.length).toBeGreaterThan(0);
    for (const plant of planted) {
      await reconcile.filter(plant.shop_order!);
      await expect(reconcile.rows.filter({ hasText: plant.category }).first(), `${plant.shop_order} ${plant.category}`).toBeVisible();
    }
    await reconcile.filter('');
  });

  await test.step('resolve one exception with a note', async () => {
    const reconcile = new ReconcilePage(page);
    const plant = buildAnswerKey({ scale: 'small', seed: 1 }).discrepancies.find((d) => d.channel === 'shopify' && d.month === month && d.category === 'AMOUNT_MISMATCH_SHIPPING')!;
    await reconcile.filter(plant.shop_order!);
    await reconcile.resolveFirst('Shipping line added to the Odoo invoice');
    await reconcile.showStatus('Resolved');
    await expect(reconcile.rows.first()).toContainText('resolved');
    await expect(reconcile.rows.first()).toContainText(plant.shop_order!);
  });

  await test.step('export the board pack: the files exist and re-open', async () => {
    await shell.go('Board pack');
    await expect(page.getByTestId('pack-preview')).toBeVisible({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Export XLSX and PDF' }).click();
    const files = page.getByTestId('exported-file');
    await expect(files).toHaveCount(2, { timeout: 90_000 });
    const paths = await files.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-path') ?? ''));
    const xlsx = paths.find((p) => p.endsWith('.xlsx'))!;
    const pdf = paths.find((p) => p.endsWith('.pdf'))!;
    expect(existsSync(xlsx) && existsSync(pdf)).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.length).toBeGreaterThan(2);
    const pdfBytes = readFileSync(pdf);
    expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfBytes.subarray(-1024).toString()).toContain('%%EOF');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).last().click()]);
    const saved = join(app.dataDir, 'downloaded.pdf');
    await download.saveAs(saved);
    expect(readFileSync(saved).equals(pdfBytes)).toBe(true);
  });
});
