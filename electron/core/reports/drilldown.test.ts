import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelTotals, unpackDrilldownRows } from '../../../shared/reports/drilldown-columns';
import { DrilldownSchema, type ReportResult } from '../../../shared/reports/types';
import { openCache, type CacheDb } from '../db/open';
import { silentLogger } from '../logging/logger';
import { loadCompany } from './context';
import { drilldown } from './drilldown';
import { buildReport } from './index';
import { seedTwoCompanyGroup } from './test-fixture';

let dir: string;
let cache: CacheDb;
let report: ReportResult;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-drilldown-'));
  const file = join(dir, 'cache.sqlite');
  const writable = openCache(file, { logger: silentLogger });
  seedTwoCompanyGroup(writable.db);
  writable.close();
  cache = openCache(file, { logger: silentLogger, readonly: true });
  report = buildReport(cache.db, { month: '2025-03', companies: [1] }, { companyTimezones: { 1: 'Europe/Berlin' } });
});

afterAll(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('drill-down channels', () => {
  it('revenue records carry their channel; the channel totals equal the revenue-by-channel breakdown', () => {
    const company = loadCompany(cache.db, 1, 'Europe/Berlin');
    const d = DrilldownSchema.parse(drilldown(cache.db, company, { kpi: 'net_revenue', months: ['2025-03'], column: 'month' }));
    expect(d.columns.channel).toBeDefined();
    const rows = unpackDrilldownRows(d);
    expect(rows).toHaveLength(d.count);
    expect(rows.every((r) => r.channel !== null)).toBe(true);
    const breakdown = report.companies[0]!.kpis.revenue_by_channel.breakdown ?? [];
    expect(breakdown.length).toBeGreaterThan(0);
    const byLabel = new Map(channelTotals(rows).map((t) => [t.channel, t.amount]));
    for (const b of breakdown) expect(byLabel.get(b.label) ?? 0, b.label).toBe(b.month);
    expect([...byLabel.values()].reduce((s, a) => s + a, 0)).toBe(d.total);
  });

  it('a channel key keeps only that channel; receivables have no channel column', () => {
    const company = loadCompany(cache.db, 1, 'Europe/Berlin');
    const web = unpackDrilldownRows(drilldown(cache.db, company, { kpi: 'revenue_by_channel', key: 'team:1', months: ['2025-03'], column: 'month' }));
    expect(web.length).toBeGreaterThan(0);
    expect(new Set(web.map((r) => r.channel))).toEqual(new Set(['Direct Sales']));
    const ar = drilldown(cache.db, company, { kpi: 'ar_total', months: ['2025-03'], column: 'month' });
    expect(ar.columns.channel).toBeUndefined();
    expect(unpackDrilldownRows(ar).every((r) => r.channel === null)).toBe(true);
  });
});
