import { openCache } from '../electron/core/db/open';
import { silentLogger } from '../electron/core/logging/logger';
import { buildReport } from '../electron/core/reports/index';
import type { ReportResult } from '../shared/reports/types';
import { expect, test } from './fixtures/app';
import { AppPage, DashboardPage, WelcomePage } from './pages/AppPage';
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
  });
});
