import type { MonthKey } from '../../../shared/period/period';
import { parseBudgetKpi, type BudgetKpi } from '../../../shared/reports/budget-kpis';
import type { ClassifiedAccount, PnlCategory } from './classification';
import { hasTable, type ReadonlyDb } from './context';

const KPI_BY_CATEGORY: Partial<Record<PnlCategory, BudgetKpi>> = { revenue: 'net_revenue', cogs: 'cogs', opex: 'opex' };

/**
 * The budget KPI an account code prefix rolls up into: the KPI of the budgetable accounts it
 * matches (revenue, COGS, opex). Null when it matches none; `'ambiguous'` when it spans several.
 */
export function budgetKpiOfPrefix(accounts: Iterable<ClassifiedAccount>, codePrefix: string): BudgetKpi | 'ambiguous' | null {
  let found: BudgetKpi | null = null;
  for (const account of accounts) {
    if (!account.code.startsWith(codePrefix) || account.pnl === null) continue;
    const kpi = KPI_BY_CATEGORY[account.pnl];
    if (kpi === undefined) continue;
    if (found !== null && found !== kpi) return 'ambiguous';
    found = kpi;
  }
  return found;
}

/** A company's budget: (kpi, month) → amount in company currency minor units, natural sign; null when not budgeted. */
export type BudgetLookup = (kpi: BudgetKpi, month: MonthKey) => number | null;

/**
 * Loads a company's imported budget, or null when nothing is budgeted. Account-level lines (code
 * prefix) roll up into the KPI of the accounts they match; a prefix that matches no budgetable
 * account, or several KPIs (the chart changed since the import), is left out.
 */
export function loadBudget(db: ReadonlyDb, companyId: number, accounts: ReadonlyMap<number, ClassifiedAccount>): BudgetLookup | null {
  if (!hasTable(db, 'app_budget')) return null;
  const rows = db
    .prepare<[number], { kind: string; target: string; month: MonthKey; amount: number }>(
      'SELECT target_kind AS kind, target, month, SUM(amount) AS amount FROM app_budget WHERE company_id = ? GROUP BY target_kind, target, month',
    )
    .all(companyId);
  if (rows.length === 0) return null;
  const prefixKpi = new Map<string, BudgetKpi | null>();
  const totals = new Map<string, number>();
  for (const row of rows) {
    let kpi: BudgetKpi | null;
    if (row.kind === 'kpi') kpi = parseBudgetKpi(row.target);
    else {
      if (!prefixKpi.has(row.target)) {
        const resolved = budgetKpiOfPrefix(accounts.values(), row.target);
        prefixKpi.set(row.target, resolved === 'ambiguous' ? null : resolved);
      }
      kpi = prefixKpi.get(row.target) ?? null;
    }
    if (kpi === null) continue;
    const key = `${kpi}|${row.month}`;
    totals.set(key, (totals.get(key) ?? 0) + row.amount);
  }
  return (kpi, month) => totals.get(`${kpi}|${month}`) ?? null;
}
