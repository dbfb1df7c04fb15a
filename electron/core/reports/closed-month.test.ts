import { chmodSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportResult } from '../../../shared/reports/types';
import { openCache } from '../db/open';
import { silentLogger } from '../logging/logger';
import { closeSnapshot } from '../snapshot/snapshot-file';
import type { TestCore } from '../workspace/test-core';
import { buildReport } from './index';
import { startFixtureCore } from './fixture-core';

let core: TestCore;
let cacheFile: string;
beforeEach(() => {
  ({ core, cacheFile } = startFixtureCore({ startAt: '2025-04-07T08:00:00Z', syncedAt: '2025-04-06T00:00:00.000Z' }));
});
afterEach(async () => {
  await core.close();
});

/** A backdated Odoo change synced later: March's invoice M3 doubled, written by another connection like a CLI sync. */
function doubleInvoiceM3(): void {
  const writer = new Database(cacheFile);
  writer.prepare('UPDATE odoo_move_line SET balance = balance * 2, debit = debit * 2, credit = credit * 2 WHERE sync_company_id = 1 AND move_id = 3').run();
  writer.close();
}

const figures = (report: ReportResult, companyId: number) => {
  const kpis = report.companies.find((c) => c.companyId === companyId)?.kpis;
  return { revenue: kpis?.net_revenue.month, revenueYtd: kpis?.net_revenue.ytd, ebitda: kpis?.ebitda.month, opex: kpis?.opex.month };
};

describe('a closed month on the dashboard', () => {
  it('keeps its figures after a backdated change and a new mapping rule, while an open month shows them', async () => {
    const liveMarch = await core.call('reports.get', { month: '2025-03', companies: 'all' });
    expect(liveMarch.source).toEqual({ kind: 'live' });
    const aprilBefore = await core.call('reports.get', { month: '2025-04', companies: 'all' });

    const snapshot = closeSnapshot(cacheFile, '2025-03', { logger: silentLogger, clock: { now: () => new Date('2025-04-07T09:00:00Z') } });
    const closed = await core.call('reports.get', { month: '2025-03', companies: 'all' });
    expect(closed.source).toEqual({ kind: 'snapshot', closedAt: '2025-04-07T09:00:00.000Z', contentHash: snapshot.content_hash });
    expect(closed.companies).toEqual(liveMarch.companies);
    expect(closed.consolidated).toEqual(liveMarch.consolidated);

    doubleInvoiceM3();
    await core.call('mapping.saveRule', { companyId: 1, codePrefix: '6000', category: 'interest' });

    const after = await core.call('reports.get', { month: '2025-03', companies: 'all' });
    expect(after.companies).toEqual(closed.companies);
    expect(after.consolidated).toEqual(closed.consolidated);
    expect(after.dataQuality).toEqual(closed.dataQuality);
    expect(after.source).toEqual(closed.source);

    // The live cache did move: the same month computed from it shows both changes.
    const live = openCache(cacheFile, { logger: silentLogger, readonly: true });
    try {
      const moved = figures(buildReport(live.db, { month: '2025-03', companies: [1], tz: 'Europe/Berlin' }), 1);
      expect(moved.revenue).toBe(25_000);
      expect(moved.opex).toBe(0);
    } finally {
      live.close();
    }

    // April is open: the backdated March revenue reaches its YTD, and the rule moves its opex to interest.
    const aprilAfter = await core.call('reports.get', { month: '2025-04', companies: 'all' });
    expect(aprilAfter.source).toEqual({ kind: 'live' });
    expect(figures(aprilAfter, 1).revenueYtd).toBe((figures(aprilBefore, 1).revenueYtd ?? 0) + 10_000);

    // The drill-down of the frozen tile sums to the frozen figure, not the live one.
    const frozenRevenue = figures(after, 1).revenue;
    expect(frozenRevenue).toBe(15_000);
    const drill = await core.call('reports.drilldown', { month: '2025-03', companyId: 1, kpi: 'net_revenue', column: 'month' });
    expect(drill.total).toBe(frozenRevenue);
    const frozenOpex = figures(after, 1).opex;
    const opexDrill = await core.call('reports.drilldown', { month: '2025-03', companyId: 1, kpi: 'opex', column: 'month' });
    expect(opexDrill.total).toBe(frozenOpex);
    expect(frozenOpex).toBe(3_000);
  });

  it('goes back to live figures when the snapshot is moved aside, and reads a re-closed month afresh', async () => {
    const snapshot = closeSnapshot(cacheFile, '2025-03', { logger: silentLogger });
    const closed = await core.call('reports.get', { month: '2025-03', companies: [1] });
    expect(closed.source?.kind).toBe('snapshot');

    doubleInvoiceM3();
    expect(figures(await core.call('reports.get', { month: '2025-03', companies: [1] }), 1).revenue).toBe(15_000);

    renameSync(snapshot.file, `${snapshot.file}.aside`);
    const live = await core.call('reports.get', { month: '2025-03', companies: [1] });
    expect(live.source).toEqual({ kind: 'live' });
    expect(figures(live, 1).revenue).toBe(25_000);

    const reclosed = closeSnapshot(cacheFile, '2025-03', { logger: silentLogger });
    const again = await core.call('reports.get', { month: '2025-03', companies: [1] });
    expect(again.source).toMatchObject({ kind: 'snapshot', contentHash: reclosed.content_hash });
    expect(figures(again, 1).revenue).toBe(25_000);
  });

  it('refuses a snapshot that was modified after closing', async () => {
    const snapshot = closeSnapshot(cacheFile, '2025-03', { logger: silentLogger });
    chmodSync(snapshot.file, 0o644);
    const tamper = new Database(snapshot.file);
    tamper.prepare('UPDATE odoo_move_line SET balance = balance + 1 WHERE id = 1').run();
    tamper.close();
    await expect(core.call('reports.get', { month: '2025-03', companies: 'all' })).rejects.toMatchObject({ code: 'cache.damaged' });
    // The open months are unaffected.
    expect((await core.call('reports.get', { month: '2025-04', companies: 'all' })).source).toEqual({ kind: 'live' });
  });
});
