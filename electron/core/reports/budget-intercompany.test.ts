import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBoardPack } from '../../../shared/boardpack/build';
import type { ReportResult } from '../../../shared/reports/types';
import { openCache, type CacheDb } from '../db/open';
import { importBudgetFile } from '../importers/budget/import-budget';
import { silentLogger } from '../logging/logger';
import { buildReport } from './index';
import { seedTwoCompanyGroup } from './test-fixture';

// The fixture's EU GmbH (1, EUR) invoices UK Ltd (2, GBP) 50.00 in March (move M4): intercompany revenue
// the consolidated actuals eliminate from revenue and COGS.
let dir: string;
let cache: CacheDb;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-budget-ic-'));
  cache = openCache(join(dir, 'cache.sqlite'), { logger: silentLogger });
  seedTwoCompanyGroup(cache.db);
});
afterEach(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

const ENTITY_BUDGET = ['company,kpi,month,amount', '1,net_revenue,2025-03,160.00', '1,cogs,2025-03,45.00', '1,gross_margin,2025-03,115.00', '2,net_revenue,2025-03,180.00', '2,cogs,2025-03,0.00', '2,gross_margin,2025-03,180.00'];

async function importLines(name: string, lines: string[]) {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return importBudgetFile(cache.db, path);
}
const report = (): ReportResult =>
  buildReport(cache.db, { month: '2025-03', companies: 'all', currency: 'EUR' }, { companyTimezones: { 1: 'Europe/Berlin', 2: 'Europe/London' } });
const groupBudget = (result: ReportResult, kpi: string) => result.consolidated?.kpis.budget_variance.breakdown?.find((b) => b.key === kpi)?.extra?.budget_month ?? null;
const footnoteV = (result: ReportResult) =>
  buildBoardPack(result, { template: 'board', scope: { kind: 'consolidated' }, status: 'draft', snapshot: { createdAt: '2025-04-06T00:00:00Z', hash: 'f'.repeat(64) } }).footnotes.find((n) => n.marker === 'v')?.text ?? '';
const groupActual = (result: ReportResult, kpi: string) => result.consolidated?.kpis.budget_variance.breakdown?.find((b) => b.key === kpi)?.extra?.actual_month ?? null;

describe('group budget and intercompany sales', () => {
  it('without an intercompany line, sums the entity budgets and says intercompany is not eliminated', async () => {
    await importLines('entities.csv', ENTITY_BUDGET);
    const result = report();
    expect(result.consolidated?.kpis.budget_variance.note).toContain('intercompany sales not eliminated');
    expect(result.consolidated?.intercompany.eliminatedRevenueMonth).toBe(5_000);
    expect(result.consolidated?.budgetBasis).toBe('entity_sum');
    expect(footnoteV(result)).toContain('intercompany sales are not eliminated');
  });

  it('eliminates the budgeted intercompany sales from group revenue and COGS, like the actuals; margin is unchanged', async () => {
    await importLines('entities.csv', ENTITY_BUDGET);
    const summed = report();
    const outcome = await importLines('intercompany.csv', ['company,kpi,month,amount', '1,Intercompany revenue,2025-03,50.00', '2,intercompany_revenue,2025-03,0']);
    expect(outcome.rejected).toEqual([]);
    expect(outcome.imported).toBe(2);
    const eliminated = report();

    // The seller reports in EUR, the presentation currency: the elimination is exactly its 50.00.
    expect(groupBudget(eliminated, 'net_revenue')).toBe((groupBudget(summed, 'net_revenue') ?? 0) - 5_000);
    expect(groupBudget(eliminated, 'cogs')).toBe((groupBudget(summed, 'cogs') ?? 0) - 5_000);
    expect(groupBudget(eliminated, 'gross_margin')).toBe(groupBudget(summed, 'gross_margin'));
    expect(eliminated.consolidated?.kpis.budget_variance.note).toContain('budgeted intercompany sales eliminated');
    expect(eliminated.consolidated?.budgetBasis).toBe('intercompany_eliminated');
    expect(footnoteV(eliminated)).toContain('less their budgeted intercompany sales');
    // A company's own pack has no group-budget sentence.
    expect(buildBoardPack(eliminated, { template: 'board', scope: { kind: 'company', companyId: 1 }, status: 'draft', snapshot: { createdAt: '2025-04-06T00:00:00Z', hash: 'f'.repeat(64) } }).footnotes.find((n) => n.marker === 'v')?.text).not.toContain('group budget');
    // Actuals are untouched by a budget line, and each company's own budget still includes its intercompany sales.
    expect(groupActual(eliminated, 'net_revenue')).toBe(groupActual(summed, 'net_revenue'));
    const seller = (r: ReportResult) => r.companies.find((c) => c.companyId === 1)?.kpis.budget_variance.breakdown?.find((b) => b.key === 'net_revenue')?.extra?.budget_month;
    expect(seller(eliminated)).toBe(16_000);
    expect(seller(summed)).toBe(16_000);
    // The line is not a KPI of its own: it never shows as a budget row.
    expect(eliminated.companies[0]?.kpis.budget_variance.breakdown?.map((b) => b.key)).not.toContain('intercompany_revenue');
  });

  it('says nothing about a group budget when nothing is budgeted', () => {
    const result = report();
    expect(result.consolidated?.budgetBasis).toBeUndefined();
    expect(footnoteV(result)).not.toContain('group budget');
  });

  it('names the intercompany line among the accepted KPIs when a row targets an unknown one', async () => {
    const outcome = await importLines('bad.csv', ['company,kpi,month,amount', '1,interco sales,2025-03,50.00']);
    expect(outcome.imported).toBe(0);
    expect(outcome.rejected[0]?.reason).toContain('intercompany_revenue');
  });
});
