// @vitest-environment node
/**
 * End to end on the demo company (small scale, seed 1): the generator's Odoo records are served by
 * the simulator and synced through the real client into a temporary cache, a report is built for
 * every month of the history, and every figure must equal the generator's answer key to the cent
 * (integer cents, exact equality): every company and month, and the consolidated group where the
 * key gives its inputs (the FX rates).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerKey, CompanyMonthFigures } from '../../demo/answer-key';
import { convertMinor } from '../../../shared/money/money';
import { openCache } from '../db/open';
import { silentLogger } from '../logging/logger';
import { syncDemoCompany } from '../reconcile/demo-check';
import type { BreakdownRow, CompanyReport, ConsolidatedReport, ReportResult } from '../../../shared/reports/types';
import { buildReport } from './index';

/** One figure that differs from the key, as a readable line (the test lists them all at once). */
type Mismatch = string;

/** A breakdown as label → month value, zero rows dropped (the key lists only non-empty channels). */
function byLabel(rows: readonly BreakdownRow[] | undefined): Map<string, number | null> {
  return new Map((rows ?? []).filter((row) => row.month !== 0).map((row) => [row.label, row.month]));
}

/** Compares two label → amount maps over the union of their labels (a missing label counts as 0). */
function compareMaps(prefix: string, want: Record<string, number>, got: Map<string, number | null>, out: [string, number | null, number | null][]): void {
  for (const label of new Set([...Object.keys(want), ...got.keys()])) out.push([`${prefix}.${label}`, want[label] ?? 0, got.get(label) ?? 0]);
}

/** Every company-level comparison of one month: [figure, key, engine]. */
function companyChecks(key: CompanyMonthFigures, report: CompanyReport): [string, number | null, number | null][] {
  const k = report.kpis;
  const checks: [string, number | null, number | null][] = [
    ['net_revenue', key.net_revenue, k.net_revenue.month],
    ['cogs', key.cogs, k.cogs.month],
    ['gross_margin', key.gross_margin, k.gross_margin.month],
    ['opex', key.opex, k.opex.month],
    ['ebitda', key.ebitda, k.ebitda.month],
    ['cash', key.cash, k.cash.month],
    ['ar_total', key.ar_total, k.ar_total.month],
    ['ap_total', key.ap_total, k.ap_total.month],
    ['inventory_value', key.inventory_value, k.inventory_value.month],
  ];
  for (const [bucket, amount] of Object.entries(key.ar_aging)) {
    checks.push([`ar_aging.${bucket}`, amount, k.ar_aging.breakdown?.find((row) => row.key === bucket)?.month ?? null]);
  }
  if (key.pipeline_weighted !== null) checks.push(['pipeline_weighted', key.pipeline_weighted, k.pipeline_weighted.month]);
  compareMaps('revenue_by_channel', key.revenue_by_channel, byLabel(k.revenue_by_channel.breakdown), checks);
  compareMaps('orders_count', key.orders_count, byLabel(k.orders_count.breakdown), checks);
  return checks;
}

/** The consolidated report's GBP→EUR factor of a month (the engine's decimal string). */
function factorOf(group: ConsolidatedReport, month: string, kind: 'average' | 'closing'): string {
  const rate = group.fxRates.find((r) => r.from === 'GBP' && r.to === 'EUR' && r.month === month && r.kind === kind)?.rate;
  if (!rate) throw new Error(`no ${kind} GBP→EUR factor for ${month}`);
  return rate;
}

/**
 * Every group comparison of one month, the expectation built from the key alone: each company's
 * figure translated (P&L at the month's average factor, balances at the closing factor), plus or
 * minus the intercompany elimination. The factors are the key's, which the first checks prove the
 * engine uses (the key prints the average to 10 decimals, so amounts use the engine's full string).
 */
function groupChecks(key: AnswerKey, month: string, group: ConsolidatedReport): [string, number | string | null, number | string | null][] {
  const [parent, sub] = key.companies.map((c) => c.months.find((m) => m.month === month)!) as [CompanyMonthFigures, CompanyMonthFigures];
  const keyRates = key.fx_rates.find((r) => r.company_id === 1 && r.currency === 'GBP' && r.month === month)!;
  const average = factorOf(group, month, 'average');
  const closing = factorOf(group, month, 'closing');
  const flow = (pick: (f: CompanyMonthFigures) => number): number => pick(parent) + convertMinor(pick(sub), average);
  const balance = (pick: (f: CompanyMonthFigures) => number): number => pick(parent) + convertMinor(pick(sub), closing);
  const k = group.kpis;
  const icSales = flow((f) => f.intercompany_sales);
  const contribution = (companyId: number, kpi: string): number | null => group.contributions.find((c) => c.companyId === companyId && c.kpi === kpi)?.month ?? null;
  const pair = group.intercompany.pairs.find((p) => p.sellerCompanyId === 1 && p.buyerCompanyId === 2);
  const equity = new Map(group.balanceSheet.map((row) => [row.key, row.closing]));
  const channels = (k.revenue_by_channel.breakdown ?? []).reduce((sum, row) => sum + (row.month ?? 0), 0);
  return [
    // Closing: the factor is 1 / Odoo's rate of the last day, which the key gives as stored (6 decimals).
    ['fx.closing_factor', new Decimal(1).dividedBy(keyRates.closing_rate).toDecimalPlaces(12, Decimal.ROUND_HALF_UP).toFixed(), closing],
    // Average: the key prints the day-weighted mean factor rounded to 10 decimals; the engine's
    // 12-decimal factor must round to within half a unit of that last place (a rate, not money).
    ['fx.average_factor within 0.5e-10', 'yes', new Decimal(average).minus(keyRates.average_factor).abs().lte('0.0000000000505') ? 'yes' : `no (${average})`],
    ['contribution.1.net_revenue', parent.net_revenue, contribution(1, 'net_revenue')],
    ['contribution.2.net_revenue', convertMinor(sub.net_revenue, average), contribution(2, 'net_revenue')],
    ['contribution.2.cogs', convertMinor(sub.cogs, average), contribution(2, 'cogs')],
    ['contribution.2.opex', convertMinor(sub.opex, average), contribution(2, 'opex')],
    ['intercompany.eliminated_revenue', icSales, group.intercompany.eliminatedRevenueMonth],
    ['intercompany.seller_revenue', parent.intercompany_sales, pair?.sellerRevenue ?? 0],
    ['intercompany.buyer_purchases', convertMinor(sub.intercompany_purchases, average), pair?.buyerCost ?? 0],
    ['net_revenue', flow((f) => f.net_revenue) - icSales, k.net_revenue.month],
    ['cogs', flow((f) => f.cogs) - icSales, k.cogs.month],
    ['gross_margin', flow((f) => f.net_revenue) - flow((f) => f.cogs), k.gross_margin.month],
    ['opex', flow((f) => f.opex), k.opex.month],
    ['ebitda', flow((f) => f.net_revenue) - flow((f) => f.cogs) - flow((f) => f.opex), k.ebitda.month],
    ['revenue_by_channel (sum)', k.net_revenue.month, channels],
    ['orders_count', [parent, sub].reduce((s, f) => s + Object.values(f.orders_count).reduce((a, b) => a + b, 0), 0), k.orders_count.month],
    ['cash', balance((f) => f.cash), k.cash.month],
    ['inventory_value', balance((f) => f.inventory_value), k.inventory_value.month],
    ['ar_total', balance((f) => f.ar_total) - group.intercompany.eliminatedReceivables, k.ar_total.month],
    ['ap_total', balance((f) => f.ap_total) - group.intercompany.eliminatedPayables, k.ap_total.month],
    // Companies translated plus their CTA tie to the group: the group reserve is the companies' CTA
    // plus whatever the intercompany receivable and payable eliminations left unmatched.
    ['cta', (group.ctaTotal ?? NaN) - group.intercompany.eliminatedReceivables + group.intercompany.eliminatedPayables, equity.get('cta') ?? null],
    ['total_equity = net_assets', equity.get('net_assets') ?? null, equity.get('total_equity') ?? null],
  ];
}

describe('the reporting engine equals the demo answer key to the cent', () => {
  let dir = '';
  let answerKey: AnswerKey;
  const reports = new Map<string, ReportResult>();
  let months: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bp-report-demo-'));
    const cacheFile = join(dir, 'cache.sqlite');
    const synced = await syncDemoCompany({ scale: 'small', seed: 1, cacheFile, exportsDir: join(dir, 'exports'), logger: silentLogger });
    expect(synced.sync.status).toBe('ok');
    answerKey = synced.answerKey;
    months = answerKey.companies[0]!.months.map((m) => m.month);
    // Odoo has no company timezone field; the request carries each entity's zone (as `boardpack
    // report --company-tz` does), else order months would be cut in the synced user's zone.
    const companyTimezones = Object.fromEntries(answerKey.companies.map((c) => [c.id, c.timezone]));
    const cache = openCache(cacheFile, { logger: silentLogger, readonly: true });
    try {
      for (const month of months) reports.set(month, buildReport(cache.db, { month, companies: 'all' }, { companyTimezones }));
    } finally {
      cache.close();
    }
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('covers every company and month of the key', () => {
    expect(months).toHaveLength(24);
    expect(answerKey.companies.map((c) => c.id)).toEqual([1, 2]);
    for (const month of months) {
      const report = reports.get(month)!;
      expect(report.companies.map((c) => [c.companyId, c.currency, c.timezone])).toEqual(answerKey.companies.map((c) => [c.id, c.currency, c.timezone]));
    }
  });

  it('every company KPI of every month equals the key (P&L, cash, AR and its aging, AP, inventory, channels, orders, pipeline)', () => {
    const mismatches: Mismatch[] = [];
    let compared = 0;
    for (const company of answerKey.companies) {
      for (const figures of company.months) {
        const report = reports.get(figures.month)!.companies.find((c) => c.companyId === company.id)!;
        for (const [name, want, got] of companyChecks(figures, report)) {
          compared += 1;
          if (want !== got) mismatches.push(`${figures.month} company ${company.id} ${name}: key ${want}, engine ${got}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // 2 companies × 24 months × at least 9 P&L/balance figures + 5 aging buckets + channels and orders.
    expect(compared).toBeGreaterThan(2 * 24 * 16);
  });

  it('the consolidated group equals the key translated at its FX rates, eliminations and CTA included', () => {
    const mismatches: Mismatch[] = [];
    for (const month of months) {
      const group = reports.get(month)!.consolidated!;
      expect(group.currency).toBe('EUR');
      for (const [name, want, got] of groupChecks(answerKey, month, group)) if (want !== got) mismatches.push(`${month} group ${name}: key ${want}, engine ${got}`);
      for (const row of group.cta) {
        const tie = (row.translatedEquityAtHistorical ?? NaN) + (row.translatedRetainedEarnings ?? NaN) + (row.cta ?? NaN);
        if (row.translatedNetAssets !== tie) mismatches.push(`${month} company ${row.companyId} CTA: net assets ${row.translatedNetAssets} ≠ equity + earnings + CTA ${tie}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('the key itself ties: aging sums to AR, channels sum to net revenue, margin and EBITDA follow from their parts', () => {
    for (const company of answerKey.companies) {
      for (const f of company.months) {
        expect(Object.values(f.ar_aging).reduce((s, v) => s + v, 0), `${company.id} ${f.month} aging`).toBe(f.ar_total);
        expect(Object.values(f.revenue_by_channel).reduce((s, v) => s + v, 0), `${company.id} ${f.month} channels`).toBe(f.net_revenue);
        expect(f.gross_margin).toBe(f.net_revenue - f.cogs);
        expect(f.ebitda).toBe(f.net_revenue - f.cogs - f.opex);
      }
      expect(company.months.at(-1)!.pipeline_weighted).not.toBeNull();
    }
  });
});
