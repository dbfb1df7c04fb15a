import { KPI_IDS, type AvailabilityNote, type DataQualityFinding, type KpiId } from './types';

/**
 * Which KPIs a data-quality finding puts in doubt, so the UI can mark the tiles and drill-downs it
 * affects instead of listing findings apart from the figures.
 */

/** KPIs read from the posted ledger: a draft or unbalanced entry leaves them incomplete or skewed. */
const LEDGER_KPIS: readonly KpiId[] = [
  'net_revenue', 'cogs', 'gross_margin', 'gross_margin_pct', 'opex', 'ebitda', 'cash',
  'ar_total', 'ar_aging', 'dso_days', 'ap_total', 'dpo_days', 'inventory_value', 'inventory_days_of_supply',
  'revenue_by_channel', 'top10_customer_share', 'budget_variance',
];

/** KPIs that are not amounts nor built on amounts: an FX rate does not change them. */
const CURRENCY_FREE_KPIS: readonly KpiId[] = ['orders_count', 'win_rate', 'csat'];

const KPIS_BY_CODE: Record<Exclude<DataQualityFinding['code'], 'missing_fx_rate' | 'model_not_synced'>, readonly KpiId[]> = {
  unposted_entries: LEDGER_KPIS,
  unbalanced_entry: LEDGER_KPIS,
  // Accounts of an unknown nature (FX, interest, tax or fees) decide what EBITDA excludes.
  unmapped_account: ['opex', 'ebitda', 'budget_variance'],
  // A draft invoice is missing from revenue and receivables, a draft bill from costs and payables.
  stale_draft_invoice: [
    'net_revenue', 'cogs', 'gross_margin', 'gross_margin_pct', 'opex', 'ebitda', 'ar_total', 'ar_aging', 'dso_days',
    'ap_total', 'dpo_days', 'revenue_by_channel', 'top10_customer_share', 'budget_variance',
  ],
  negative_stock: ['inventory_value', 'inventory_days_of_supply'],
  // Elimination takes the seller's side: a buyer that booked a different amount leaves a residue in the group.
  intercompany_mismatch: ['net_revenue', 'cogs', 'gross_margin', 'gross_margin_pct', 'ebitda', 'ar_total', 'ap_total', 'budget_variance'],
};

/**
 * The KPI ids a finding affects.
 * `model_not_synced` takes its KPIs from the report's availability note for the same model (the
 * engine's own list); without one it affects no KPI rather than guessing.
 */
export function findingKpis(finding: Pick<DataQualityFinding, 'code' | 'model'>, availability: readonly AvailabilityNote[] = []): KpiId[] {
  switch (finding.code) {
    case 'missing_fx_rate':
      return moneyKpis();
    case 'model_not_synced':
      return [...new Set(availability.filter((a) => a.model === finding.model).flatMap((a) => a.kpis))];
    default:
      return [...KPIS_BY_CODE[finding.code]];
  }
}

/** Every KPI a translation rate can move: all of them but counts and count ratios. */
function moneyKpis(): KpiId[] {
  return KPI_IDS.filter((id) => !CURRENCY_FREE_KPIS.includes(id));
}

/** The findings among `findings` that affect `kpiId`. */
export function findingsForKpi<F extends Pick<DataQualityFinding, 'code' | 'model'>>(findings: readonly F[], kpiId: KpiId, availability: readonly AvailabilityNote[] = []): F[] {
  return findings.filter((f) => findingKpis(f, availability).includes(kpiId));
}

/** The "n data-quality finding(s) affect this figure" label of a tile's marker. */
export function findingsLabel(count: number): string {
  return `${count} data-quality finding${count === 1 ? '' : 's'} ${count === 1 ? 'affects' : 'affect'} this figure`;
}
