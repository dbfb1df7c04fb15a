import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCache } from '../db/open';
import { silentLogger } from '../logging/logger';
import type { ReportResult } from '../../../shared/reports/types';
import { command as importCommand } from '../../cli/commands/import';
import { buildReport } from './index';
import { seedTwoCompanyGroup } from './test-fixture';

let dir: string;
let file: string;

const runImport = async (argv: string[]): Promise<{ code: number; out: string[] }> => {
  const out: string[] = [];
  const code = await importCommand.run(argv, { out: (l) => out.push(l), err: () => undefined, env: {}, cwd: dir, signal: new AbortController().signal });
  return { code, out };
};
const write = (name: string, lines: string[]): string => {
  writeFileSync(join(dir, name), lines.join('\n'));
  return name;
};
const report = (): ReportResult => {
  const cache = openCache(file, { logger: silentLogger, readonly: true });
  try {
    return buildReport(cache.db, { month: '2025-03', companies: 'all', currency: 'EUR' }, { companyTimezones: { 1: 'Europe/Berlin', 2: 'Europe/London' } });
  } finally {
    cache.close();
  }
};
const row = (result: ReportResult, companyId: number | null, kpi: string) => {
  const kpis = companyId === null ? result.consolidated!.kpis : result.companies.find((c) => c.companyId === companyId)!.kpis;
  return kpis.budget_variance.breakdown?.find((b) => b.key === kpi);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-budget-report-'));
  file = join(dir, 'cache.sqlite');
  const cache = openCache(file, { logger: silentLogger });
  seedTwoCompanyGroup(cache.db);
  cache.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('budget vs actual from an imported budget (boardpack import budget)', () => {
  it('imports through the CLI with one JSON document and signs variances Better/(Worse)', async () => {
    // Company 1, March 2025 actuals: revenue 150.00, COGS 40.00, opex 30.00, EBITDA 80.00 (EUR).
    const name = write('budget-2025.csv', [
      'company;account_or_kpi;month;amount',
      '1;net_revenue;2025-01;10,00',
      '1;net_revenue;2025-02;0',
      '1;net_revenue;2025-03;140,00',
      '1;net_revenue;2025-06;100,00',
      '1;500000;2025-03;35,00',
      '1;opex;2025-03;25,00',
      '1;ebitda;2025-03;90,00',
    ]);
    const { code, out } = await runImport(['budget', '--cache', file, '--file', name, '--json']);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]!)).toEqual({ file: 'budget-2025.csv', kind: 'budget', read: 7, imported: 7, rejected: [], replaced: 0 });

    const result = report();
    const kpi = result.companies.find((c) => c.companyId === 1)!.kpis.budget_variance;
    expect(kpi.status).toBe('ok');
    // Headline: revenue 150.00 vs 140.00 → 10.00 Better; YTD 150.00 vs 150.00 → 0.
    expect([kpi.month, kpi.ytd]).toEqual([1_000, 0]);
    expect(row(result, 1, 'net_revenue')).toMatchObject({ month: 1_000, ytd: 0, extra: { actual_month: 15_000, budget_month: 14_000, variance_pct_month: 0.071429 } });
    // Costs above budget are Worse (negative): COGS 40.00 vs 35.00 (by account 500000), opex 30.00 vs 25.00.
    expect(row(result, 1, 'cogs')).toMatchObject({ month: -500, extra: { actual_month: 4_000, budget_month: 3_500 } });
    expect(row(result, 1, 'opex')).toMatchObject({ month: -500, extra: { actual_month: 3_000, budget_month: 2_500 } });
    // EBITDA below budget is Worse: 80.00 vs 90.00.
    expect(row(result, 1, 'ebitda')).toMatchObject({ month: -1_000, ytd: null });
    // The June revenue budget is the target for the rest of the year: open pipeline 50.00 closing in June → 0.5×.
    expect(result.companies.find((c) => c.companyId === 1)!.kpis.pipeline_coverage.month).toBe(0.5);
    // Company 2 has no budget, so the group has none either (never a partial group budget).
    expect(result.companies.find((c) => c.companyId === 2)!.kpis.budget_variance.status).toBe('unavailable');
    expect(result.consolidated!.kpis.budget_variance.status).toBe('unavailable');
  });

  it('a group budget translates each company budget at the month average rate and compares it with the eliminated group actual', async () => {
    const { code } = await runImport(['budget', '--cache', file, '--file', write('uk.csv', ['company,kpi,month,amount', 'UK Ltd,net_revenue,2025-03,180.00']), '--json']);
    expect(code).toBe(0);
    const result = report();
    const avg = new Decimal(15).times(1.25).plus(new Decimal(16).times(new Decimal(1).dividedBy(0.9))).dividedBy(31).toDecimalPlaces(12);
    const tr = (minor: number): number => new Decimal(minor).times(avg).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
    const groupRevenue = result.consolidated!.kpis.net_revenue.month!;
    expect(groupRevenue).toBe(15_000 + tr(20_000) - 5_000);
    expect(row(result, null, 'net_revenue')).toMatchObject({ month: groupRevenue - (14_000 + tr(18_000)), extra: { budget_month: 14_000 + tr(18_000) } });
    expect(row(result, 2, 'net_revenue')).toMatchObject({ month: 2_000 });
  });

  it('a rejected row makes the CLI exit 1 and is listed with its line', async () => {
    const { code, out } = await runImport(['budget', '--cache', file, '--file', write('typo.csv', ['company,kpi,month,amount', '1,net_revenue,2025-04,abc'])]);
    expect(code).toBe(1);
    expect(out.join('\n')).toMatch(/typo\.csv: 1 row\(s\) read, 0 imported, 1 rejected\n {2}line 2: amount "abc" is not an amount\nNothing was imported/);
    await expect(runImport(['payroll', '--cache', file, '--file', 'x.csv'])).rejects.toThrow(/"budget" or "csat", not "payroll"/);
    await expect(runImport(['budget', '--cache', join(dir, 'none.sqlite'), '--file', 'typo.csv'])).rejects.toMatchObject({ code: 'cache.missing' });
  });
});

describe('customer satisfaction from an imported survey (boardpack import csat)', () => {
  it('is the share of satisfied responses per company, each group-wide response counted once in the group', async () => {
    const companies = write('survey.csv', [
      'response_id,date,company,score',
      'r1,2025-03-05,1,5',
      'r3,2025-03-10,1,3',
      'r8,2025-03-09,1,4.5',
      'r9,2025-03-09,1,3.9',
      'r4,2025-03,2,5',
      'r0,2025-02-20,1,1',
    ]);
    expect((await runImport(['csat', '--cache', file, '--file', companies])).code).toBe(0);
    const group = write('group-survey.csv', ['response_id,submitted_at,rating,scale', 'g1,2025-03-15,9,10', 'g2,2025-03-16,7,10']);
    expect((await runImport(['csat', '--cache', file, '--file', group, '--json'])).code).toBe(0);

    const result = report();
    const c1 = result.companies.find((c) => c.companyId === 1)!.kpis.csat;
    // Company 1 in March: r1, r8, g1 satisfied of r1, r3, r8, r9, g1, g2.
    expect(c1.month).toBe(0.5);
    expect(c1.breakdown).toEqual([
      { key: 'responses', label: 'Responses', month: 6, ytd: 7 },
      { key: 'satisfied', label: 'Satisfied responses', month: 3, ytd: 3 },
    ]);
    expect(c1.ytd).toBe(0.428571);
    expect(c1.trend.find((p) => p.month === '2025-02')?.value).toBe(0);
    expect(result.companies.find((c) => c.companyId === 2)!.kpis.csat.month).toBe(0.666667);
    // Group: r1, r3, r8, r9, r4, g1, g2 — 4 satisfied of 7 (g1, g2 once, not once per company).
    expect(result.consolidated!.kpis.csat.month).toBe(0.571429);
  });
});
