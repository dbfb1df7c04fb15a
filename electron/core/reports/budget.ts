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

/**
 * The budget line that names a company's planned sales to the other companies of the group
 * (`kpi` = `intercompany_revenue`, company currency, positive). It is part of the company's own
 * net_revenue budget; the group budget eliminates it from revenue and from cost of sales, the same
 * elimination the consolidated actuals get, so the group compares like with like.
 */
export const INTERCOMPANY_BUDGET_LINE = 'intercompany_revenue';

/** Reads a budget file's KPI cell as the intercompany line (`Intercompany revenue`, `intercompany-revenue`...). */
export function isIntercompanyBudgetLine(text: string): boolean {
  return text.trim().toLowerCase().replace(/[\s-]+/g, '_') === INTERCOMPANY_BUDGET_LINE;
}

/** A company's budgeted intercompany sales by month (company currency minor units), or null when the budget has no such line. */
export function loadIntercompanyBudget(db: ReadonlyDb, companyId: number): ((month: MonthKey) => number | null) | null {
  if (!hasTable(db, 'app_budget')) return null;
  const rows = db
    .prepare<[number, string], { month: MonthKey; amount: number }>("SELECT month, SUM(amount) AS amount FROM app_budget WHERE company_id = ? AND target_kind = 'kpi' AND target = ? GROUP BY month")
    .all(companyId, INTERCOMPANY_BUDGET_LINE);
  if (rows.length === 0) return null;
  const byMonth = new Map(rows.map((r) => [r.month, r.amount]));
  return (month) => byMonth.get(month) ?? null;
}
