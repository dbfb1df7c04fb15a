import type { BalanceRow, Kpi, KpiId, KpiSet, ReportResult, StatementRow } from '../reports/types';
import type { Figure, GoodDirection, ValueUnit } from './model';

/** The slice of a report one pack is about: one company, or the consolidated group. */
export interface ReportView {
  entityLabel: string;
  currency: string;
  companyIds: number[];
  kpis: KpiSet;
  pnl: StatementRow[];
  balanceSheet: BalanceRow[];
  trendMonths: string[];
  consolidated: boolean;
}

/** Which figures a pack shows: the consolidated group, or one company in its own currency. */
export type PackScope = { kind: 'consolidated' } | { kind: 'company'; companyId: number };

/** Picks the scope's figures from a report; throws when the scope is not in it. */
export function selectView(report: ReportResult, scope: PackScope): ReportView {
  const first = report.companies[0];
  if (!first) throw new Error('the report has no companies');
  if (scope.kind === 'consolidated') {
    const group = report.consolidated;
    if (!group) {
      // A single-company report has no consolidated block: the company is the group.
      if (report.companies.length === 1) return selectView(report, { kind: 'company', companyId: first.companyId });
      throw new Error('the report has no consolidated view; build it with all companies');
    }
    const names = report.companies.filter((company) => group.companyIds.includes(company.companyId)).map((company) => company.name);
    return {
      entityLabel: `Group consolidated (${names.join(', ')})`,
      currency: group.currency,
      companyIds: [...group.companyIds],
      kpis: group.kpis,
      pnl: group.pnl,
      balanceSheet: group.balanceSheet,
      trendMonths: first.period.trendMonths,
      consolidated: true,
    };
  }
  const company = report.companies.find((candidate) => candidate.companyId === scope.companyId);
  if (!company) throw new Error(`company ${scope.companyId} is not in the report`);
  return {
    entityLabel: company.name,
    currency: company.currency,
    companyIds: [company.companyId],
    kpis: company.kpis,
    pnl: company.pnl,
    balanceSheet: company.balanceSheet,
    trendMonths: company.period.trendMonths,
    consolidated: false,
  };
}

/**
 * The view a screen shows for a company selection. Several companies read the consolidated block. One company
 * reads its own figures, unless the report was asked in another presentation currency: the engine then adds a
 * consolidated block over that one company, translated, and that is what the header's currency promises — so it
 * is shown, labelled as a translation, never the company's own currency under another currency's name.
 */
export function selectionView(report: ReportResult, selection: { consolidated: boolean; companyId: number }): ReportView {
  const group = report.consolidated;
  const only = report.companies.length === 1 ? report.companies[0] : undefined;
  if (!selection.consolidated && only && group && group.currency !== only.currency) {
    return { ...selectView(report, { kind: 'consolidated' }), entityLabel: `${only.name}, translated from ${only.currency}` };
  }
  return selectView(report, selection.consolidated && group ? { kind: 'consolidated' } : { kind: 'company', companyId: selection.companyId });
}

/** The document unit of a KPI. */
export function kpiUnit(kpi: Kpi): ValueUnit {
  switch (kpi.unit.kind) {
    case 'money':
      return 'amount';
    case 'percent':
      return 'percent';
    case 'days':
      return 'days';
    case 'count':
      return 'count';
    case 'ratio':
      return 'multiple';
  }
}

/** Prior-month value from the 13-month trend (second to last point). */
export function priorMonth(kpi: Kpi): Figure {
  return kpi.trend.length >= 2 ? (kpi.trend[kpi.trend.length - 2]?.value ?? null) : null;
}

/** The 13-month trend values, oldest first (the sparkline window). */
export function trendValues(kpi: Kpi): Figure[] {
  return kpi.trend.map((point) => point.value);
}

/** Labels, definitions and favourable direction of the KPIs the packs show. */
export const KPI_LABELS: Partial<Record<KpiId, { label: string; good: GoodDirection; definition: string }>> = {
  net_revenue: { label: 'Net revenue', good: 'higher', definition: 'Revenue booked in the month: posted income, ex VAT, net of credit notes' },
  cogs: { label: 'Cost of sales', good: 'lower', definition: 'Posted direct-cost accounts' },
  gross_margin: { label: 'Gross margin', good: 'higher', definition: 'Net revenue - cost of sales' },
  gross_margin_pct: { label: 'Gross margin %', good: 'higher', definition: '(Net revenue - cost of sales) / net revenue' },
  opex: { label: 'Operating expenses', good: 'lower', definition: 'Posted expense accounts excluding depreciation' },
  ebitda: { label: 'EBITDA', good: 'higher', definition: 'Gross margin - operating expenses (before D&A, interest, tax)' },
  cash: { label: 'Cash', good: 'higher', definition: 'Bank and cash accounts at month-end' },
  ar_total: { label: 'Receivables', good: 'lower', definition: 'Open customer receivables at month-end' },
  dso_days: { label: 'DSO', good: 'lower', definition: 'Receivables / credit sales incl. VAT x days' },
  ap_total: { label: 'Payables', good: 'neutral', definition: 'Open supplier payables at month-end' },
  dpo_days: { label: 'DPO', good: 'neutral', definition: 'Payables / purchases x days' },
  inventory_value: { label: 'Inventory value', good: 'neutral', definition: 'Stock valuation at month-end' },
  inventory_days_of_supply: { label: 'Days of supply', good: 'lower', definition: 'Inventory value / cost of sales x days in the period' },
  pipeline_weighted: { label: 'Weighted pipeline', good: 'higher', definition: 'Open opportunities x probability' },
  pipeline_coverage: { label: 'Pipeline coverage', good: 'higher', definition: 'Weighted pipeline / remaining target' },
  win_rate: { label: 'Win rate', good: 'higher', definition: 'Won / (won + lost) opportunities, by count' },
  orders_count: { label: 'Orders', good: 'higher', definition: 'Confirmed sale orders in the month' },
  average_order_value: { label: 'Average order value', good: 'higher', definition: 'Net order value / confirmed orders' },
  revenue_by_channel: { label: 'Revenue by channel', good: 'higher', definition: 'Net revenue by sales team / channel' },
  top10_customer_share: { label: 'Top-10 customer share', good: 'lower', definition: 'Net revenue of the ten largest customers / total' },
  csat: { label: 'Customer satisfaction', good: 'higher', definition: 'Share of survey responses scoring 4 or 5 out of 5' },
  budget_variance: { label: 'Budget variance', good: 'higher', definition: 'Actual vs budget, Better/(Worse)' },
};

/** Label of a KPI (falls back to its id). */
export function kpiLabel(id: KpiId): string {
  return KPI_LABELS[id]?.label ?? id;
}

/** Budget of a KPI for the month and year to date, in the KPI's unit. */
export interface KpiBudget {
  month: Figure;
  ytd: Figure;
}

/**
 * Budgets the engine reports in the budget_variance breakdown (one row per budgeted KPI, budget amounts in
 * `extra`); empty when no budget is imported.
 */
export function budgetsOf(view: ReportView): Partial<Record<string, KpiBudget>> {
  const result: Partial<Record<string, KpiBudget>> = {};
  for (const row of view.kpis.budget_variance?.breakdown ?? []) {
    const month = row.extra?.budget_month ?? null;
    const ytd = row.extra?.budget_ytd ?? null;
    if (month !== null || ytd !== null) result[row.key] = { month, ytd };
  }
  return result;
}
