import { AppPage, DashboardPage } from './pages/AppPage';
import { callCore } from './pages/core-api';
import { expect, test } from './pages/demo-fixture';
import { consolidatedTiles, engineReport, TILES } from './pages/engine';
import { SyncCenterPage } from './pages/SyncCenterPage';
import { cacheFileOf, dashboardMonth } from './pages/workspace-files';

test('a cancelled full re-sync is logged with its counts, keeps the data, and the next sync completes', async ({ page, synced }) => {
  test.setTimeout(90_000);
  await synced.open(page);
  const shell = new AppPage(page);
  const dashboard = new DashboardPage(page);
  const sync = new SyncCenterPage(page);
  await expect(dashboard.tile('net_revenue')).toBeVisible();
  const month = await dashboardMonth(page);
  const cacheFile = cacheFileOf(synced.dataDir);
  const before = consolidatedTiles(engineReport(cacheFile, month));
  const runsBefore = (await callCore(page, 'sync.history', { limit: 50 })).runs;

  await test.step('start a full re-sync and cancel it once records are being written', async () => {
    await shell.go('Sync');
    await sync.startFull();
    await sync.waitForFirstModelDone();
    await sync.cancel();
    await expect(page.getByText(/Syncing: step/)).toBeHidden();
    await expect(sync.progress).toContainText('Last sync: cancelled');
  });

  await test.step('the history shows the cancelled run with the core\'s counts', async () => {
    const { runs } = await callCore(page, 'sync.history', { limit: 50 });
    expect(runs).toHaveLength(runsBefore.length + 1);
    const cancelled = runs[0]!;
    expect(cancelled).toMatchObject({ status: 'cancelled', full: true });
    expect(cancelled.calls).toBeGreaterThan(0);
    expect(cancelled.fetched).toBeGreaterThan(0);
    // Cancelled before the end: fewer records than the complete run before it fetched.
    expect(cancelled.fetched).toBeLessThan(runsBefore[0]!.fetched);
    await expect(sync.runs).toHaveCount(runs.length);
    const row = sync.runs.first();
    await expect(sync.status(row)).toHaveText('cancelled');
    await expect(row.getByRole('cell').nth(2)).toHaveText('full');
    const recordsText = await row.getByRole('cell').nth(3).innerText();
    expect(Number(recordsText.replace(/\D/g, ''))).toBe(cancelled.fetched);
    await expect(row.getByRole('cell').nth(4)).toHaveText(String(cancelled.deleted));
    await expect(row.getByRole('cell').nth(5)).toHaveText(String(cancelled.calls));
  });

  await test.step('the previous data is intact: tiles equal the engine figures from before the sync', async () => {
    expect(consolidatedTiles(engineReport(cacheFile, month))).toEqual(before);
    await shell.go('Dashboard');
    for (const id of TILES) expect.soft(await dashboard.tileValue(id), id).toBe(before[id]);
  });

  await test.step('a new sync completes', async () => {
    await shell.go('Sync');
    await sync.syncNow();
    await expect(sync.status(sync.runs.first())).toHaveText('ok', { timeout: 60_000 });
    await expect(sync.runs).toHaveCount(runsBefore.length + 2);
    const { runs } = await callCore(page, 'sync.history', { limit: 50 });
    expect(runs[0]).toMatchObject({ status: 'ok', errorCode: null });
    expect(consolidatedTiles(engineReport(cacheFile, month))).toEqual(before);
    await shell.go('Dashboard');
    for (const id of TILES) expect.soft(await dashboard.tileValue(id), id).toBe(before[id]);
  });
});
