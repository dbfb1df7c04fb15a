import { execFileSync } from 'node:child_process';
import { AppPage, DashboardPage } from './pages/AppPage';
import { BoardPackScreen } from './pages/BoardPackScreen';
import { callCore } from './pages/core-api';
import { expect, test } from './pages/demo-fixture';
import { consolidatedTiles, snapshotReport, TILES } from './pages/engine';
import { SyncCenterPage } from './pages/SyncCenterPage';
import { dashboardMonth } from './pages/workspace-files';

function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

test('closing a month: waiver, lock, snapshot, diff; closed figures equal the snapshot and stay put after a sync', async ({ page, synced }) => {
  test.setTimeout(120_000);
  await synced.open(page);
  const shell = new AppPage(page);
  const dashboard = new DashboardPage(page);
  const pack = new BoardPackScreen(page);
  await expect(dashboard.tile('net_revenue')).toBeVisible();
  const month = await dashboardMonth(page);
  await expect(shell.closedMonth).toBeHidden();

  let needsWaiver = false;
  await test.step('mark final (with a written waiver when the data-quality checks found errors)', async () => {
    await shell.go('Board pack');
    await pack.waitForPreview();
    await expect(pack.status).toHaveText('Draft');
    const report = await callCore(page, 'reports.get', { month, companies: 'all' });
    const errors = report.dataQuality.filter((f) => f.severity === 'error');
    needsWaiver = await pack.markFinal('Dana Controller', 'Stale drafts are known and immaterial; reviewed with the auditors.');
    expect(needsWaiver, 'a waiver is asked for exactly when the checks found errors').toBe(errors.length > 0);
  });

  const snapshots = (await callCore(page, 'boardpack.snapshots', {})).snapshots;
  const closed = snapshots.find((s) => s.month === month)!;

  await test.step('the lock shows for the closed month, and the snapshot is listed and verified', async () => {
    expect(snapshots).toHaveLength(1);
    expect(closed.verified).toBe(true);
    await expect(shell.closedMonth).toContainText(`${month} closed (snapshot)`);
    await expect(pack.snapshotRows).toHaveCount(1);
    await expect(pack.snapshotRows.first()).toContainText(closed.content_hash.slice(0, 16));
    await expect(pack.snapshotRows.first()).toContainText('verified');
  });

  const frozen = consolidatedTiles(snapshotReport(closed.file, month));
  await test.step('the closed month\'s tiles equal the engine figures of its snapshot', async () => {
    await shell.go('Dashboard');
    for (const id of TILES) expect.soft(await dashboard.tileValue(id), id).toBe(frozen[id]);
  });

  await test.step('after a new sync the closed month\'s tiles have not moved', async () => {
    const sync = new SyncCenterPage(page);
    await shell.go('Sync');
    const before = await sync.runs.count();
    await sync.syncNow();
    await expect(sync.runs).toHaveCount(before + 1, { timeout: 60_000 });
    await expect(sync.status(sync.runs.first())).toHaveText('ok', { timeout: 60_000 });
    await shell.go('Dashboard');
    await expect(shell.closedMonth).toBeVisible();
    for (const id of TILES) expect.soft(await dashboard.tileValue(id), id).toBe(frozen[id]);
    // The snapshot file itself is untouched by the sync.
    const after = (await callCore(page, 'boardpack.snapshots', {})).snapshots.find((s) => s.month === month)!;
    expect(after).toMatchObject({ content_hash: closed.content_hash, verified: true });
  });

  await test.step('close the month before: two snapshots, and their comparison renders what the core diffs', async () => {
    const earlier = previousMonth(month);
    await shell.chooseMonth(earlier);
    await expect(shell.closedMonth).toBeHidden();
    await shell.go('Board pack');
    await pack.waitForPreview();
    await expect(pack.status).toHaveText('Draft');
    await pack.markFinal('Dana Controller', 'Stale drafts are known and immaterial; reviewed with the auditors.');
    await expect(shell.closedMonth).toContainText(`${earlier} closed (snapshot)`);
    await expect(pack.snapshotRows).toHaveCount(2);
    const both = (await callCore(page, 'boardpack.snapshots', {})).snapshots;
    expect(both.map((s) => s.month)).toEqual([month, earlier]);

    await pack.compare(0, 1);
    const diff = await callCore(page, 'boardpack.diff', { a: both[0]!.file, b: both[1]!.file });
    const changed = diff.models.filter((m) => m.added.count + m.changed.count + m.deleted.count > 0);
    const table = page.getByRole('table', { name: 'Snapshot differences' });
    await expect(table).toBeVisible();
    await expect(table.locator('tbody tr')).toHaveCount(changed.length);
    if (changed.length === 0) await expect(page.getByText('No differences.')).toBeVisible();
    else await expect(table.locator('tbody tr').first()).toContainText(changed[0]!.model);
  });
});

test('board pack: commentary survives a reload, a switched-off section leaves the preview and the PDF', async ({ page, synced }) => {
  test.setTimeout(120_000);
  await synced.open(page);
  const shell = new AppPage(page);
  const pack = new BoardPackScreen(page);
  await expect(new DashboardPage(page).root).toBeVisible();
  await shell.go('Board pack');
  await pack.waitForPreview();
  const text = `Revenue grew on the web shop; margin held despite freight. (${Date.now()})`;

  await test.step('commentary typed in a section persists after a reload', async () => {
    await pack.saveCommentary('executive-summary', 'Executive summary', text);
    await page.reload();
    await page.locator('[data-app-state="ready"]').waitFor();
    await shell.go('Board pack');
    await pack.waitForPreview();
    await expect(pack.commentary('Executive summary')).toHaveValue(text);
  });

  await test.step('a section switched off is absent from the preview and from the exported PDF', async () => {
    await expect(pack.section('receivables')).toBeVisible();
    await pack.sectionSwitch('Receivables ageing').uncheck();
    await expect(pack.section('receivables')).toHaveCount(0);
    await expect(pack.section('pnl')).toBeVisible();
    const [pdf] = await pack.export('PDF only');
    expect(pdf).toMatch(/\.pdf$/);
    const pdfText = execFileSync('pdftotext', ['-layout', pdf!, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain('Profit and loss');
    expect(pdfText).toContain('Executive summary');
    expect(pdfText).not.toContain('Receivables ageing');
    // The saved commentary travels into the PDF.
    expect(pdfText.replace(/\s+/g, ' ')).toContain(text.slice(0, 40));
  });
});
