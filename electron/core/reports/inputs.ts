import type { MonthKey } from '../../../shared/period/period';
import type { AgingBucket } from '../../../shared/reports/types';
import type { Channel } from './sales';

/** Money flows of a month, natural sign (revenue and income credit-positive, costs debit-positive). */
export const FLOW_MEASURES = [
  'net_revenue',
  'other_income',
  'cogs',
  'opex',
  'marketplace_fees',
  'other_expense',
  'depreciation',
  'interest',
  'income_tax',
  'fx',
  'credit_sales',
  'purchases',
  'orders_amount',
] as const;
export type FlowMeasure = (typeof FLOW_MEASURES)[number];

/** Month-end balances, natural sign (assets debit-positive, payables credit-positive). */
export const BALANCE_MEASURES = ['cash', 'ar', 'ap', 'inventory'] as const;
export type BalanceMeasure = (typeof BALANCE_MEASURES)[number];

/** Pipeline snapshot (current state of crm.lead), money in the source currency. */
export interface PipelineInputs {
  /** Σ prorated revenue of all open opportunities. */
  weighted: number;
  /** Σ prorated revenue of open opportunities expected to close after month-end, up to fiscal year end. */
  weightedRemaining: number;
  /** Revenue target for the rest of the fiscal year (budget or crm.team targets), null when none. */
  targetRemaining: number | null;
  targetSource: 'budget' | 'team_targets' | 'none';
  /** Open opportunity ids (drill-down). */
  openIds: number[];
}

/**
 * Everything the KPI composition needs, as functions of the month, in ONE currency. A company's
 * inputs read its cache; the consolidated inputs translate and sum the companies' (so the KPI
 * formulas exist once). A null money value means a missing FX rate.
 */
export interface KpiInputs {
  currency: string;
  flow(measure: FlowMeasure, month: MonthKey): number | null;
  balance(measure: BalanceMeasure, month: MonthKey): number | null;
  channels: readonly Channel[];
  channelRevenue(month: MonthKey, channelKey: string): number | null;
  orderCount(month: MonthKey, channelKey?: string): number;
  /** Revenue per commercial partner over the months (null on a missing rate). */
  customerRevenue(months: readonly MonthKey[]): Map<string, { name: string; amount: number }> | null;
  /** Aging of receivables at the report month-end (null when not computable). */
  aging: Record<AgingBucket, number> | null;
  pipeline: PipelineInputs | null;
  /** Won / lost opportunities closed in the months (counts). */
  winLoss(months: readonly MonthKey[]): { won: number; lost: number } | null;
  /** Satisfied / total survey responses in the months (null when nothing was imported). */
  csat(months: readonly MonthKey[]): { satisfied: number; total: number } | null;
  /** Budgeted amount of a KPI in a month (null when not budgeted). */
  budget(kpi: 'net_revenue' | 'cogs' | 'opex' | 'ebitda' | 'gross_margin', month: MonthKey): number | null;
  /** How the budget was put together, when that needs saying (the group: whether intercompany sales are eliminated). */
  budgetNote?: string;
  /** Notes for KPIs whose source model the sync skipped. */
  unavailable: ReadonlyMap<string, string>;
}
