/**
 * KPIs a budget line can target directly (`boardpack import budget`); account-level lines roll up
 * into the KPI of the accounts they match (revenue → net_revenue, COGS → cogs, operating expenses → opex).
 */
export const BUDGET_KPIS = ['net_revenue', 'cogs', 'opex', 'ebitda', 'gross_margin'] as const;

/** One budgetable KPI id. */
export type BudgetKpi = (typeof BUDGET_KPIS)[number];

/** Whether the KPI is cost-like (an overspend is unfavourable), which decides the Better/(Worse) sign. */
export function budgetNature(kpi: BudgetKpi): 'revenue' | 'cost' {
  return kpi === 'cogs' || kpi === 'opex' ? 'cost' : 'revenue';
}

/**
 * Reads a KPI id as people type it in a spreadsheet (`Net revenue`, `net-revenue`, `NET_REVENUE`);
 * null when it names no budgetable KPI.
 */
export function parseBudgetKpi(text: string): BudgetKpi | null {
  const id = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return BUDGET_KPIS.find((k) => k === id) ?? null;
}
