/**
 * What the matcher returns: one result per reconciled record (shop order, Odoo-only document,
 * settlement line without an order), payout checks, and the reasons behind every link.
 */
import type { Minor } from '../money/money';
import type { CategoryCode, Outcome } from './categories';
import type { DateKey } from './types';

/** Which field linked a shop order to Odoo. */
export type MatchPath =
  | 'client_order_ref'
  | 'origin'
  | 'name'
  | 'invoice_ref'
  | 'normalized'
  | 'fuzzy';

/** The part of a difference (Odoo − shop, document currency) one cause accounts for. */
export type CauseKind =
  | 'shipping'
  | 'discount'
  | 'tax'
  | 'duties'
  | 'refund_not_booked'
  | 'refund_mismatch'
  | 'rounding'
  | 'shipping_policy'
  | 'missing_in_odoo'
  | 'missing_in_shop'
  | 'duplicate'
  | 'not_invoiced'
  | 'currency'
  | 'unexplained';

/** One explained component of a record's difference. Amounts of a record's causes sum to its difference. */
export interface Cause {
  kind: CauseKind;
  /** Minor units, sign as in Odoo − shop. */
  amount: Minor;
  detail: string;
}

/** A candidate the fuzzy matcher considered, with the reasons for its score. */
export interface FuzzyCandidate {
  saleOrder: string;
  score: number;
  reasons: string[];
}

/** Money seen at the payment provider for one order. */
export interface SettlementSummary {
  sources: string[];
  charged: Minor;
  refunded: Minor;
  disputed: Minor;
  fees: Minor;
  net: Minor;
  currency: string;
  payoutKeys: string[];
  payoutStatuses: string[];
}

/** FX comparison in company currency (provider's conversion vs Odoo's rate). */
export interface FxComparison {
  companyCurrency: string;
  providerAmount: Minor;
  odooAmount: Minor;
  /** provider − Odoo. */
  difference: Minor;
  providerRate: number | null;
  odooRate: number | null;
}

/** The reconciliation verdict for one record. */
export interface RecordResult {
  /** Stable id used by the exceptions workflow: `shopify:#1041`, `odoo:S00256`, `stripe:txn_…`. */
  recordKey: string;
  recordType: 'shop_order' | 'odoo_only' | 'settlement_line';
  /** `shopify`, `woocommerce`, … for shop orders; `odoo` for Odoo-only; the provider for settlement lines. */
  source: string;
  channel: string;
  sourceRef: string;
  saleOrders: string[];
  invoices: string[];
  categories: CategoryCode[];
  outcome: Outcome;
  /** True when a category needs a decision (open unless resolved/ignored). */
  exception: boolean;
  currency: string;
  shopAmount: Minor | null;
  odooAmount: Minor | null;
  /** odooAmount − shopAmount (null when a side is missing or currencies differ). */
  difference: Minor | null;
  causes: Cause[];
  matchedBy: MatchPath | null;
  fuzzyCandidates: FuzzyCandidate[];
  /** The record's date for period assignment (shop-local for orders). */
  localDate: DateKey;
  month: string;
  settlement: SettlementSummary | null;
  fx: FxComparison | null;
  /** Short human explanation, one sentence per finding. */
  explanation: string[];
}

/** Payout check: payout = charges − refunds − fees ± adjustments, tied to the bank. */
export interface PayoutResult {
  source: string;
  payoutKey: string;
  payoutDate: DateKey;
  status: string;
  currency: string;
  /** Total the provider reports (payout file or payout row), null when not imported. */
  providerTotal: Minor | null;
  charges: Minor;
  refunds: Minor;
  fees: Minor;
  adjustments: Minor;
  /** Σ net of the lines = charges + refunds − fees + adjustments. */
  linesNet: Minor;
  lineCount: number;
  /** providerTotal − linesNet (null without a provider total). */
  difference: Minor | null;
  bankLine: { id: string; date: DateKey; amount: Minor; journalName: string } | null;
  categories: Array<'PAYOUT_MATCHED' | 'PAYOUT_PENDING' | 'PAYOUT_DIFF' | 'PAYOUT_NOT_IN_BANK'>;
}

/** Everything one matcher run produces. */
export interface ReconcileOutput {
  records: RecordResult[];
  payouts: PayoutResult[];
}
