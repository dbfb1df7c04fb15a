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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerKey, CompanyMonthFigures } from '../../demo/answer-key';
import { openCache } from '../db/open';
import { silentLogger } from '../logging/logger';
import { syncDemoCompany } from '../reconcile/demo-check';
import type { BreakdownRow, CompanyReport, ReportResult } from '../../../shared/reports/types';
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
