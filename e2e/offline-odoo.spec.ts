import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { createMemorySecretStore } from '../electron/core/secrets';
import { startOdooSimulator } from '../electron/odoo-sim/server';
import { buildSmallDataset } from '../electron/odoo-sim/seed-small';
import type { ReportResult } from '../shared/reports/types';
import { AppPage, DashboardPage } from './pages/AppPage';
import { relaunch } from './pages/boot';
import { engineReport, TILES } from './pages/engine';
import { SyncCenterPage } from './pages/SyncCenterPage';
import { cacheFileOf, dashboardMonth } from './pages/workspace-files';

/** What the dashboard shows with no company picked: the consolidated group, or the only company. */
function headlineKpis(report: ReportResult): Record<string, number | null> {
  const kpis = report.consolidated?.kpis ?? report.companies[0]?.kpis;
  if (!kpis) throw new Error('the report has no figures');
  return Object.fromEntries(TILES.map((id) => [id, kpis[id].month]));
}

const test = base;

test('an Odoo profile synced from a server that then goes away starts offline, from the cache', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'boardpack-e2e-offline-'));
  // The OS keychain outlives the app: both launches share one secret store.
  const secrets = createMemorySecretStore();
  const sim = await startOdooSimulator({ dataset: buildSmallDataset(), version: 19, port: 0 });
  let simRunning = true;
  const launches: Array<Awaited<ReturnType<typeof relaunch>>> = [];
  try {
    const shell = new AppPage(page);
    const dashboard = new DashboardPage(page);
    let online: Record<string, number | null> = {};
    let month = '';

    await test.step('connect through the Connection screen, save, sync', async () => {
      const first = await relaunch(dataDir, { secrets });
      launches.push(first);
      await page.goto(first.host.appUrl);
      await page.locator('[data-app-state="ready"]').waitFor();
      await page.getByRole('button', { name: 'Connect to Odoo' }).click();
      await page.getByLabel('Odoo address').fill(sim.credentials.url);
      await page.getByRole('combobox', { name: 'Database' }).fill(sim.credentials.db);
      await page.getByLabel('Login (email)').fill(sim.credentials.login);
      await page.getByLabel('API key').fill(sim.credentials.api_key);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'is the active connection' })).toBeVisible();
      await page.getByRole('button', { name: 'Sync now' }).click();
      const sync = new SyncCenterPage(page);
      await expect(shell.nav('Sync')).toHaveAttribute('aria-current', 'page');
      await expect(sync.status(sync.runs.first())).toHaveText('ok', { timeout: 60_000 });
      await expect(shell.onlineState).toHaveText('Online');

      await shell.go('Dashboard');
      await expect(dashboard.tile('net_revenue')).toBeVisible();
      month = await dashboardMonth(page);
      online = headlineKpis(engineReport(cacheFileOf(dataDir), month));
      for (const id of TILES) expect.soft(await dashboard.tileValue(id), id).toBe(online[id]);
    });

    await test.step('stop the server and the app, relaunch over the same data folder', async () => {
      await launches.pop()!.close();
      await sim.close();
      simRunning = false;
      const second = await relaunch(dataDir, { secrets });
      launches.push(second);
      await page.goto(second.host.appUrl);
      await page.locator('[data-app-state="ready"]').waitFor();
    });

    await test.step('"Offline" shows and the tiles equal the engine figures from the cache', async () => {
      await expect(shell.onlineState).toHaveText('Offline · working from the cache', { timeout: 30_000 });
      await expect(shell.snapshotAge).toContainText('data synced');
      await expect(dashboard.tile('net_revenue')).toBeVisible();
      expect(await dashboardMonth(page)).toBe(month);
      const cached = headlineKpis(engineReport(cacheFileOf(dataDir), month));
      expect(cached).toEqual(online);
      for (const id of TILES) expect.soft(await dashboard.tileValue(id), id).toBe(cached[id]);
    });
  } finally {
    for (const launch of launches) await launch.close();
    if (simRunning) await sim.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
