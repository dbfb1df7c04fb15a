import type { MonthKey } from '../../../shared/period/period';
import type { ClassifiedAccount } from './classification';
import { hasTable, type ReadonlyDb } from './context';

/** KPIs a budget line can target directly. */
export const BUDGET_KPIS = ['net_revenue', 'cogs', 'opex', 'ebitda', 'gross_margin'] as const;
export type BudgetKpi = (typeof BUDGET_KPIS)[number];

const KPI_BY_CATEGORY: Partial<Record<string, BudgetKpi>> = { revenue: 'net_revenue', cogs: 'cogs', opex: 'opex' };

/**
 * Loads a company's imported budget as a function (kpi, month) → amount (company currency minor units,
 * natural sign), or null when nothing is budgeted. Account-level lines (code prefix) roll up into the
 * KPI of the accounts they match.
 */
export function loadBudget(
  db: ReadonlyDb,
  companyId: number,
  accounts: ReadonlyMap<number, ClassifiedAccount>,
): ((kpi: BudgetKpi, month: MonthKey) => number | null) | null {
  if (!hasTable(db, 'app_budget')) return null;
  const rows = db
    .prepare('SELECT target_kind AS kind, target, month, amount FROM app_budget WHERE company_id = ?')
    .all(companyId) as { kind: 'kpi' | 'account'; target: string; month: MonthKey; amount: number }[];
  if (rows.length === 0) return null;
  const totals = new Map<string, number>();
  for (const row of rows) {
    let kpi: BudgetKpi | undefined;
    if (row.kind === 'kpi') kpi = (BUDGET_KPIS as readonly string[]).includes(row.target) ? (row.target as BudgetKpi) : undefined;
    else {
      const account = [...accounts.values()].find((a) => a.code.startsWith(row.target) && a.pnl !== null);
      kpi = account?.pnl ? KPI_BY_CATEGORY[account.pnl] : undefined;
    }
    if (!kpi) continue;
    const key = `${kpi}|${row.month}`;
    totals.set(key, (totals.get(key) ?? 0) + row.amount);
  }
  return (kpi, month) => totals.get(`${kpi}|${month}`) ?? null;
}
