/**
 * Canonical records the reconciliation matcher works on. Importers (shop, payment and marketplace
 * exports) and cache adapters (Odoo documents) both produce these shapes, so the matcher never sees
 * a file layout or a SQL row. Amounts are integer minor units of the record's own currency.
 */
import type { Minor } from '../money/money';

/** `YYYY-MM-DD`. */
export type DateKey = string;

/** One line item of a shop order (informative: SKU map and drill-down). */
export interface ShopOrderLine {
  sku: string;
  name: string;
  quantity: number;
  /** Unit price before discount, minor units. */
  unitPrice: Minor;
}

/** One order as the shop (or marketplace) reports it, all rows of a multi-row export collapsed. */
export interface ShopOrder {
  /** Sales channel: `shopify`, `woocommerce`, `marketplace`, or a generic source name. */
  channel: string;
  /** Order number as the shop shows it (`#1041`, `20418`). */
  orderKey: string;
  /** Platform id (Shopify `Id`, Amazon order id) when the export has one. */
  externalId?: string;
  /** UTC instant, `YYYY-MM-DD HH:MM:SS`. */
  createdAtUtc: string;
  /** Calendar date in the shop's own time zone: this decides the order's month. */
  createdLocalDate: DateKey;
  currency: string;
  /** True when the export had no currency column and `currency` is the configured default. */
  currencyAssumed?: boolean;
  /** Items after discounts, as exported (tax included when `taxIncluded`). */
  subtotal: Minor;
  shipping: Minor;
  discount: Minor;
  tax: Minor;
  /** True for tax-inclusive shops (EU B2C Shopify), false when tax is added on top, null when unknown. */
  taxIncluded: boolean | null;
  duties: Minor;
  /** Amount charged at order time. */
  total: Minor;
  /** Cumulative refunds, positive. */
  refunded: Minor;
  /** Normalised: paid, pending, authorized, partially_paid, partially_refunded, refunded, voided, on_hold, processing, completed, cancelled, failed. */
  financialStatus: string;
  cancelled: boolean;
  /** Gateway title (`Shopify Payments`, `PayPal Express Checkout`, `Direct bank transfer`); empty when the export has none. */
  paymentGateway: string;
  /** B2B payment terms (`Net 30`), empty when none. */
  paymentTerms: string;
  customerEmail: string;
  customerName: string;
  lines: ShopOrderLine[];
  /** Line of the order's first row in its file (for messages). */
  sourceLine?: number;
}

/** Normalised kind of a payment/settlement movement. */
export type SettlementKind = 'charge' | 'refund' | 'dispute' | 'fee' | 'adjustment' | 'reserve' | 'payout' | 'other';

/** One balance movement at a payment provider or marketplace (Shopify Payments row, Stripe balance txn, Amazon amount row). */
export interface SettlementLine {
  /** `shopify_payments`, `stripe`, `amazon`, `paypal`. */
  source: string;
  /** Unique per source (Stripe `txn_…`; synthesised from the row for sources without ids). */
  lineId: string;
  kind: SettlementKind;
  /** The type as the file spells it (`charge`, `stripe_fee`, `Chargeback`…). */
  rawType: string;
  /** Shop order number the line belongs to, raw, when known. */
  orderKey: string;
  /** UTC instant `YYYY-MM-DD HH:MM:SS`. */
  occurredAtUtc: string;
  occurredLocalDate: DateKey;
  /** Signed gross in settlement currency (refunds, disputes negative). */
  gross: Minor;
  /** Fee kept by the provider (positive = cost). */
  fee: Minor;
  /** gross − fee. */
  net: Minor;
  currency: string;
  /** Unsigned customer-currency amount when the provider converted. */
  presentmentAmount: Minor | null;
  presentmentCurrency: string;
  payoutId: string;
  payoutDate: DateKey | '';
  /** `paid`, `in_transit`, `pending`, `scheduled`, or '' when the file does not say. */
  payoutStatus: string;
  description: string;
  /**
   * Marketplace settlements are also the only record of the order itself: a charge line carries
   * the order's components so orders can be rebuilt across settlement files.
   */
  orderParts?: { subtotal: Minor; shipping: Minor; tax: Minor; discount: Minor; lines: ShopOrderLine[] };
}

/** One payout / settlement deposit as the provider summarises it. */
export interface Payout {
  source: string;
  /** Payout id, or the payout date when the file has no id. */
  payoutKey: string;
  payoutDate: DateKey;
  status: string;
  currency: string;
  /** Provider's own total: what should reach the bank. */
  total: Minor;
  charges: Minor;
  refunds: Minor;
  adjustments: Minor;
  fees: Minor;
}

/** sale.order as cached from Odoo (amounts in the order's currency). */
export interface OdooSaleOrder {
  name: string;
  clientOrderRef: string;
  origin: string;
  /** UTC `YYYY-MM-DD HH:MM:SS` as Odoo stores it. */
  dateOrderUtc: string;
  /** Date in the company's time zone (defaults to the UTC date when unknown). */
  dateOrderLocal?: DateKey;
  partnerName: string;
  partnerEmail?: string;
  currency: string;
  amountUntaxed: Minor;
  amountTax: Minor;
  amountTotal: Minor;
  /** draft, sent, sale, done, cancel. */
  state: string;
  companyId?: number;
}

/** account.move (customer invoice or credit note) as cached from Odoo. */
export interface OdooInvoice {
  name: string;
  moveType: 'out_invoice' | 'out_refund';
  state: string;
  /** not_paid, in_payment, paid, partial, reversed… */
  paymentState: string;
  invoiceDate: DateKey;
  partnerName: string;
  /** The sale order name(s) the invoice came from. */
  invoiceOrigin: string;
  ref: string;
  currency: string;
  amountUntaxed: Minor;
  amountTax: Minor;
  /** Unsigned, document currency. */
  amountTotal: Minor;
  /** Signed, company currency (credit notes negative). */
  amountTotalSigned: Minor;
  amountResidual: Minor;
  companyId?: number;
  /** The company's currency (what amountTotalSigned is in), when known. */
  companyCurrency?: string;
}

/** A bank statement line in Odoo (to tie payouts to the bank). */
export interface OdooBankLine {
  id: string;
  date: DateKey;
  /** Signed, in the line's currency. */
  amount: Minor;
  currency: string;
  paymentRef: string;
  journalName: string;
}

/** Per-channel reconciliation settings (user-authored, stored in app_channel_setting). */
export interface ChannelSetting {
  channel: string;
  /** Does Odoo book shipping charged to customers as revenue on the order? (default true) */
  shippingInOdoo: boolean;
  /** Largest difference (minor units) still called rounding; default per §8.3 of the research note. */
  roundingToleranceMinor?: number;
  /** Fuzzy match date window in days (default 3). */
  dateWindowDays?: number;
  /** Settlement sources whose lines belong to this channel (default by convention). */
  settlementSources?: string[];
}

/** Everything the matcher needs for one run. */
export interface ReconcileInput {
  shopOrders: readonly ShopOrder[];
  settlementLines: readonly SettlementLine[];
  payouts: readonly Payout[];
  saleOrders: readonly OdooSaleOrder[];
  invoices: readonly OdooInvoice[];
  bankLines: readonly OdooBankLine[];
  /** The Odoo company's currency (FX differences are measured in it). */
  companyCurrency: string;
  channelSettings?: readonly ChannelSetting[];
}
