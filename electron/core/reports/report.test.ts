import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { openCache, type CacheDb } from '../db/open';
import { silentLogger } from '../logging/logger';
import { ReportResultSchema, type ReportResult } from '../../../shared/reports/types';
import { buildReport } from './index';
import { drilldown } from './drilldown';
import { unpackDrilldownRows } from '../../../shared/reports/drilldown-columns';
import { loadCompany } from './context';
import { seedTwoCompanyGroup } from './test-fixture';
import { command as reportCommand } from '../../cli/commands/report';

let dir: string;
let file: string;
let cache: CacheDb;
let report: ReportResult;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-report-'));
  file = join(dir, 'cache.sqlite');
  const writable = openCache(file, { logger: silentLogger });
  seedTwoCompanyGroup(writable.db);
  writable.close();
  cache = openCache(file, { logger: silentLogger, readonly: true });
  report = buildReport(cache.db, { month: '2025-03', companies: 'all', currency: 'EUR' }, { companyTimezones: { 1: 'Europe/Berlin', 2: 'Europe/London' } });
});

afterAll(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

const avgGbpEur = new Decimal(15).times(1.25).plus(new Decimal(16).times(new Decimal(1).dividedBy(0.9))).dividedBy(31).toDecimalPlaces(12);
const tr = (minor: number, factor: Decimal): number => new Decimal(minor).times(factor).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();

describe('company KPIs from a real cache file', () => {
  it('matches the schema', () => {
    expect(ReportResultSchema.parse(report)).toBeTruthy();
  });

  it('computes the P&L, balances and as-of-month-end aging of the EUR parent', () => {
    const c1 = report.companies.find((c) => c.companyId === 1)!;
    const k = c1.kpis;
    expect(c1.currency).toBe('EUR');
    expect([k.net_revenue.month, k.cogs.month, k.gross_margin.month, k.opex.month, k.ebitda.month]).toEqual([15_000, 4_000, 11_000, 3_000, 8_000]);
    expect(k.gross_margin_pct.month).toBe(0.733333);
    expect(k.net_revenue.priorYearMonth).toBe(7_000);
    expect(k.net_revenue.ytd).toBe(15_000);
    expect(k.net_revenue.trend).toHaveLength(13);
    expect(k.cash.month).toBe(9_993_000);
    expect(k.ap_total.month).toBe(3_000);
    expect(k.inventory_value.month).toBe(16_000);
    // The payment of 5 April must not reduce the March aging (Odoo's residual is "as of today").
    expect(k.ar_total.month).toBe(9_000);
    expect(Object.fromEntries(k.ar_aging.breakdown!.map((b) => [b.key, b.month]))).toEqual({ current: 5_000, d1_30: 4_000, d31_60: 0, d61_90: 0, d90_plus: 0 });
    expect(k.ar_aging.month).toBe(k.ar_total.month);
    expect(k.dso_days.month).toBe(18.6);
  });

  it('cuts orders in the company timezone (23:30 on the last day stays in the month) and converts foreign orders', () => {
    const k = report.companies.find((c) => c.companyId === 1)!.kpis;
    expect(k.orders_count.month).toBe(2);
    expect(k.average_order_value.month).toBe(10_000);
    expect(k.orders_count.trend.at(-1)?.value).toBe(2);
    expect(Object.fromEntries(k.orders_count.breakdown!.map((b) => [b.key, b.month]))).toMatchObject({ 'team:1': 1, 'team:2': 1 });
  });

  it('revenue by channel sums to net revenue; pipeline, win rate and concentration', () => {
    const k = report.companies.find((c) => c.companyId === 1)!.kpis;
    const channels = Object.fromEntries(k.revenue_by_channel.breakdown!.map((b) => [b.key, b.month]));
    expect(channels).toMatchObject({ 'team:1': 10_000, unassigned: 5_000 });
    expect(k.revenue_by_channel.breakdown!.reduce((s, b) => s + (b.month ?? 0), 0)).toBe(k.net_revenue.month);
    expect(k.pipeline_weighted.month).toBe(5_000);
    expect(k.pipeline_weighted.trend.at(-2)?.value).toBeNull();
    expect(k.pipeline_coverage.status).toBe('unavailable');
    expect(k.win_rate.month).toBe(0.5);
    expect(k.top10_customer_share.month).toBe(1);
    expect(k.csat.status).toBe('unavailable');
    expect(k.budget_variance.status).toBe('unavailable');
  });

  it('uses the fiscal year of each company (GBP subsidiary: FY ends March)', () => {
    const c2 = report.companies.find((c) => c.companyId === 2)!;
    expect(c2.period.fiscalYearStart).toBe('2024-04-01');
    expect(c2.kpis.net_revenue.month).toBe(20_000);
    expect(c2.kpis.net_revenue.ytd).toBe(20_000);
  });

  it('reports data-quality findings', () => {
    const unposted = report.dataQuality.find((f) => f.code === 'unposted_entries' && f.companyId === 1);
    expect(unposted?.sampleIds).toEqual([9]);
    expect(report.dataQuality.some((f) => f.code === 'intercompany_mismatch')).toBe(true);
  });
});

describe('consolidation', () => {
  it('translates P&L at the day-weighted average, eliminates intercompany revenue and cost', () => {
    const g = report.consolidated!;
    expect(g.currency).toBe('EUR');
    expect(g.kpis.net_revenue.month).toBe(15_000 + tr(20_000, avgGbpEur) - 5_000);
    // The seller's intercompany revenue leaves revenue and cost of sales alike; the buyer's own cost
    // (4,500 GBP, translated) stays, so only the difference between the two sides remains in COGS.
    expect(g.kpis.cogs.month).toBe(4_000 + tr(4_500, avgGbpEur) - 5_000);
    expect(g.kpis.gross_margin.month).toBe(15_000 + tr(20_000, avgGbpEur) - 4_000 - tr(4_500, avgGbpEur));
    expect(g.intercompany.eliminatedRevenueMonth).toBe(5_000);
    const pair = g.intercompany.pairs.find((p) => p.sellerCompanyId === 1 && p.buyerCompanyId === 2)!;
    expect(pair.sellerRevenue).toBe(5_000);
    expect(pair.buyerCost).toBe(tr(4_500, avgGbpEur));
    expect(pair.status).toBe('mismatch');
    expect(g.fxRates.find((r) => r.kind === 'average' && r.month === '2025-03')?.rate).toBe(avgGbpEur.toFixed());
  });

  it('channels sum to the consolidated total; companies translated minus eliminations equal the group', () => {
    const g = report.consolidated!;
    const channelSum = g.kpis.revenue_by_channel.breakdown!.reduce((s, b) => s + (b.month ?? 0), 0);
    expect(channelSum).toBe(g.kpis.net_revenue.month);
    const contributions = g.contributions.filter((c) => c.kpi === 'net_revenue').reduce((s, c) => s + (c.month ?? 0), 0);
    expect(contributions - g.intercompany.eliminatedRevenueMonth).toBe(g.kpis.net_revenue.month);
    const ytd = g.contributions.filter((c) => c.kpi === 'net_revenue').reduce((s, c) => s + (c.ytd ?? 0), 0);
    expect(ytd - g.intercompany.eliminatedRevenueYtd).toBe(g.kpis.net_revenue.ytd);
  });

  it('the translated balance sheet balances with the CTA, and each company CTA satisfies its identity', () => {
    const g = report.consolidated!;
    const row = (key: string) => g.balanceSheet.find((r) => r.key === key)!;
    expect(row('net_assets').closing).toBe(row('total_equity').closing);
    expect(row('net_assets').priorMonthClosing).toBe(row('total_equity').priorMonthClosing);
    for (const cta of g.cta) {
      expect(cta.translatedNetAssets! - cta.translatedEquityAtHistorical! - cta.translatedRetainedEarnings!).toBe(cta.cta);
    }
    expect(g.cta.find((c) => c.companyId === 1)?.cta).toBe(0);
    expect(g.cta.find((c) => c.companyId === 2)?.cta).not.toBe(0);
  });

  it('a missing rate is reported and leaves translated figures empty, never 1.0', () => {
    const usd = buildReport(cache.db, { month: '2025-03', companies: 'all', currency: 'USD' });
    expect(usd.consolidated?.kpis.net_revenue.month).toBeNull();
    expect(usd.consolidated?.kpis.net_revenue.status).toBe('missing_rate');
    expect(usd.dataQuality.some((f) => f.code === 'missing_fx_rate')).toBe(true);
  });
});

describe('drill-down', () => {
  it('lists records whose amounts sum exactly to the figure', () => {
    const company = loadCompany(cache.db, 1, 'Europe/Berlin');
    const k = report.companies.find((c) => c.companyId === 1)!.kpis;
    const cases = [
      { kpi: 'net_revenue' as const, expected: k.net_revenue.month },
      { kpi: 'cash' as const, expected: k.cash.month },
      { kpi: 'ar_total' as const, expected: k.ar_total.month },
      { kpi: 'inventory_value' as const, expected: k.inventory_value.month },
      { kpi: 'orders_count' as const, expected: k.orders_count.month },
      { kpi: 'ar_aging' as const, key: 'd1_30', expected: 4_000 },
      { kpi: 'revenue_by_channel' as const, key: 'team:1', expected: 10_000 },
    ];
    for (const c of cases) {
      const d = drilldown(cache.db, company, { kpi: c.kpi, months: ['2025-03'], column: 'month', key: c.key });
      expect(unpackDrilldownRows(d).reduce((s, r) => s + r.amount, 0), c.kpi).toBe(c.expected);
      expect(d.total).toBe(c.expected);
    }
    const ytd = drilldown(cache.db, company, { kpi: 'net_revenue', months: ['2025-01', '2025-02', '2025-03'], column: 'ytd' });
    expect(ytd.total).toBe(k.net_revenue.ytd);
  });
});

describe('boardpack report CLI', () => {
  const run = async (argv: string[]) => {
    const out: string[] = [];
    const code = await reportCommand.run(argv, { out: (l) => out.push(l), err: () => undefined, env: {}, cwd: dir, signal: new AbortController().signal });
    return { code, out };
  };

  it('--json prints exactly one ReportResult document', async () => {
    const { code, out } = await run(['--cache', file, '--month', '2025-03', '--company', '1', '--json']);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const parsed = ReportResultSchema.parse(JSON.parse(out[0]!));
    expect(parsed.companies.map((c) => c.companyId)).toEqual([1]);
    expect(parsed.consolidated).toBeNull();
  });

  it('prints a compact table and rejects bad flags', async () => {
    const { out } = await run(['--cache', file, '--month', '2025-03']);
    expect(out.join('\n')).toMatch(/net_revenue\s+150\.00 EUR/);
    await expect(run(['--cache', file, '--month', '2025-13'])).rejects.toThrow(/YYYY-MM/);
    await expect(run(['--cache', file, '--month', '2025-03', '--company', '99'])).rejects.toThrow(/Company 99/);
  });
});
