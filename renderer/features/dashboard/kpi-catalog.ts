import type { KpiId } from '../../../shared/reports/types';

/** The six executive KPIs of the dashboard, in tile order. */
export const EXECUTIVE_KPIS: KpiId[] = ['net_revenue', 'gross_margin_pct', 'dso_days', 'pipeline_coverage', 'inventory_days_of_supply', 'csat'];

/**
 * Which figure's records explain a tile: ratios drill into the amount they are built on
 * (DSO into receivables, days of supply into inventory value, margin into revenue).
 */
export const DRILL_TARGET: Partial<Record<KpiId, KpiId>> = {
  net_revenue: 'net_revenue',
  gross_margin_pct: 'net_revenue',
  dso_days: 'ar_total',
  inventory_days_of_supply: 'inventory_value',
};
