/**
 * The answer key: what every KPI must come out as, computed from the generator's own
 * bookkeeping while it posts (never by reading the output back). All amounts are integer
 * minor units (cents) of the company currency unless a field says otherwise.
 * Field-by-field documentation: electron/demo/README.md.
 */

export interface AgingBuckets {
  current: number;
  d1_30: number;
  d31_60: number;
  d61_90: number;
  d90_plus: number;
}

export interface CompanyMonthFigures {
  /** 'YYYY-MM' (calendar month; GL lines by their accounting `date`). */
  month: string;
  net_revenue: number;
  cogs: number;
  gross_margin: number;
  opex: number;
  depreciation: number;
  other_income: number;
  other_expense: number;
  ebitda: number;
  cash: number;
  ar_total: number;
  ar_aging: AgingBuckets;
  ap_total: number;
  inventory_value: number;
  /** Weighted open pipeline; only knowable for the last month (null before). */
  pipeline_weighted: number | null;
  /** Confirmed sale orders by crm.team name ('No channel' without a team), by company-local month of `date_order`. */
  orders_count: Record<string, number>;
  /** Net revenue by the invoice's crm.team name; 'No channel' for invoices without team. Sums to net_revenue. */
  revenue_by_channel: Record<string, number>;
  intercompany_sales: number;
  intercompany_purchases: number;
}

export interface AnswerKeyCompany {
  id: number;
  name: string;
  currency: string;
  timezone: string;
  fiscal_year_last_month: number;
  months: CompanyMonthFigures[];
}

export interface FxRateEntry {
  /** Whose rate table (Odoo keeps rates per root company). */
  company_id: number;
  company_currency: string;
  currency: string;
  month: string;
  /** Odoo `rate` semantics: units of `currency` per 1 company currency. */
  closing_rate: number;
  /** Day-weighted mean of the daily `rate` over the calendar month. */
  average_rate: number;
  /** Company currency per 1 unit of `currency` at month-end (1 / closing_rate). */
  closing_factor: number;
  /** Day-weighted mean of (1 / rate): the factor to multiply P&L by (board-pack.md §3.4). */
  average_factor: number;
}

export type DiscrepancyChannel = 'shopify' | 'woocommerce' | 'stripe' | 'marketplace' | 'odoo';

export interface PlantedDiscrepancy {
  channel: DiscrepancyChannel;
  /** Export file (relative to the output folder) holding the shop side, or null for Odoo-only records. */
  file: string | null;
  shop_order: string | null;
  odoo_order: string | null;
  odoo_invoice: string | null;
  company_id: number;
  /** Category codes of ecommerce-exports.md §8.4 / expected_reconciliation.csv. */
  category: string;
  causes: string[];
  currency: string;
  /** Document-currency cents. */
  shop_amount: number | null;
  odoo_amount: number | null;
  difference: number | null;
  month: string;
  note: string;
}

/** A planted difference between the two sides of an intercompany sale. */
export interface IntercompanyMismatch {
  kind: 'timing';
  seller_company_id: number;
  buyer_company_id: number;
  /** Document currency (the buyer's); `amount` in its cents. */
  currency: string;
  amount: number;
  /** Seller's invoice name; the buyer's bill carries it in `ref`. */
  seller_document: string;
  seller_date: string;
  buyer_date: string;
  note: string;
}

export interface AnswerKey {
  format: 'boardpack-demo-answer-key';
  version: 1;
  scale: string;
  seed: number;
  end_month: string;
  companies: AnswerKeyCompany[];
  fx_rates: FxRateEntry[];
  discrepancies: PlantedDiscrepancy[];
  intercompany_mismatches: IntercompanyMismatch[];
  planted_duplicate_partners: { partner_ids: number[]; reason: string }[];
  totals: { moves: number; journal_items: number; sale_orders: number };
}

/** Account groups the key accumulates (a subset of Odoo's account_type values, grouped). */
export type KeyBucket =
  | 'income' | 'income_ic' | 'income_other' | 'cogs' | 'opex' | 'depreciation' | 'expense_other'
  | 'cash' | 'receivable' | 'payable' | 'inventory' | 'none';

/** Running sums per company and month, fed by the ledger as it posts. */
export class KeyAccumulator {
  private readonly pnl: Map<KeyBucket, number[]>[];
  private readonly channel: Map<string, number>[][];
  readonly ordersCount: Map<string, number>[][];
  readonly icPurchases: number[][];
  readonly aging: (AgingBuckets & { total: number })[][];
  readonly pipeline: (number | null)[][];

  constructor(companyCount: number, readonly monthCount: number) {
    const perMonth = <T>(make: () => T): T[][] =>
      Array.from({ length: companyCount }, () => Array.from({ length: monthCount }, make));
    this.pnl = Array.from({ length: companyCount }, () => new Map());
    this.channel = perMonth(() => new Map<string, number>());
    this.ordersCount = perMonth(() => new Map<string, number>());
    this.icPurchases = perMonth(() => 0);
    this.aging = perMonth(() => ({ current: 0, d1_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0, total: 0 }));
    this.pipeline = perMonth(() => null);
  }

  addBalance(company: number, month: number, bucket: KeyBucket, balance: number, team: string | null): void {
    if (bucket === 'none') return;
    const byBucket = this.pnl[company]!;
    let months = byBucket.get(bucket);
    if (!months) {
      months = new Array<number>(this.monthCount).fill(0);
      byBucket.set(bucket, months);
    }
    months[month]! += balance;
    if (bucket === 'income' || bucket === 'income_ic') {
      const key = team ?? 'No channel';
      const map = this.channel[company]![month]!;
      map.set(key, (map.get(key) ?? 0) - balance);
    }
  }

  countOrder(company: number, month: number, team: string): void {
    const map = this.ordersCount[company]![month]!;
    map.set(team, (map.get(team) ?? 0) + 1);
  }

  movement(company: number, bucket: KeyBucket, month: number): number {
    return this.pnl[company]!.get(bucket)?.[month] ?? 0;
  }

  /** Balance at the end of `month`: sum of movements up to and including it. */
  closing(company: number, bucket: KeyBucket, month: number): number {
    const months = this.pnl[company]!.get(bucket);
    if (!months) return 0;
    let total = 0;
    for (let m = 0; m <= month; m++) total += months[m]!;
    return total;
  }

  channelRevenue(company: number, month: number): Record<string, number> {
    return Object.fromEntries([...this.channel[company]![month]!.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}
