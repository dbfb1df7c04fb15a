/**
 * What the pack shows from the e-commerce reconciliation: per channel totals and the open exceptions.
 * Amounts are integer minor units of `currency`. The reconciliation engine's output is mapped to this shape
 * (see electron/core/boardpack), so the pack does not depend on the matcher's internals.
 */
export interface ReconciliationChannelSummary {
  channel: string;
  currency: string;
  /** Orders (or settlement lines) in the shop export for the month. */
  shopCount: number;
  matchedCount: number;
  exceptionCount: number;
  /** Shop-side total for the month. */
  shopTotal: number;
  /** Odoo-side total of the matched documents. */
  odooTotal: number;
}

/** One open exception (unmatched order, amount mismatch, missing payout). Texts come from outside files. */
export interface ReconciliationException {
  channel: string;
  reference: string;
  category: string;
  description: string;
  amount: number | null;
  currency: string;
}

/** The reconciliation input of the pack builder. */
export interface ReconciliationSummaryInput {
  channels: ReconciliationChannelSummary[];
  exceptions: ReconciliationException[];
}
