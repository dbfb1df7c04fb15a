/**
 * Discrepancy categories the matcher emits (names from §8.4 of the research note and the sample
 * oracle), with how serious each is and which of the board-level outcomes it rolls up to.
 */

/** Every category code. A record carries one or more, joined with `|` in flat exports. */
export const CATEGORY_CODES = [
  'MATCHED',
  'MATCHED_VIA_ORIGIN',
  'MATCHED_VIA_NAME',
  'MATCHED_KEY_NORMALIZED',
  'MATCHED_FUZZY',
  'DUPLICATE_IN_ODOO',
  'DUPLICATE_IN_SHOP',
  'MISSING_IN_ODOO',
  'MISSING_IN_SHOP',
  'CANCELLED_FEE_ONLY',
  'AMOUNT_MISMATCH_SHIPPING',
  'AMOUNT_MISMATCH_DISCOUNT',
  'AMOUNT_MISMATCH_TAX',
  'AMOUNT_MISMATCH_DUTIES',
  'CURRENCY_MISMATCH',
  'REFUND_NOT_BOOKED',
  'REFUND_AMOUNT_MISMATCH',
  'MATCHED_WITHIN_TOLERANCE',
  'UNEXPLAINED',
  'MATCHED_FX_DIFFERENCE',
  'CHARGEBACK_NOT_BOOKED',
  'PAYMENT_NOT_REGISTERED',
  'MATCHED_OTHER_GATEWAY',
  'OPEN_EXPECTED',
  'MATCHED_PAYOUT_PENDING',
  'MATCHED_TIMING_MONTH_END',
  'TIMEZONE_MONTH_BOUNDARY',
  'UNMATCHED_FEE',
  'UNMATCHED_ADJUSTMENT',
  'UNMATCHED_PAYMENT',
] as const;

/** One category code. */
export type CategoryCode = (typeof CATEGORY_CODES)[number];

/**
 * How a category reads for the finance lead: `ok` needs nothing, `info` is explained and needs no
 * booking, `exception` needs a decision or a fix in Odoo.
 */
export type Severity = 'ok' | 'info' | 'exception';

/** The eight outcomes the issue asks for, one per record (the worst of its categories). */
export type Outcome =
  | 'matched'
  | 'matched_explained'
  | 'timing'
  | 'refund_not_booked'
  | 'duplicate'
  | 'missing_in_shop'
  | 'missing_in_odoo'
  | 'unexplained';

interface CategoryInfo {
  severity: Severity;
  outcome: Outcome;
  /** What finance usually does about it. */
  action: string;
}

const INFO: Record<CategoryCode, CategoryInfo> = {
  MATCHED: { severity: 'ok', outcome: 'matched', action: 'none' },
  MATCHED_VIA_ORIGIN: { severity: 'ok', outcome: 'matched', action: 'none (key found in origin)' },
  MATCHED_VIA_NAME: { severity: 'ok', outcome: 'matched', action: 'none (key found in the order name)' },
  MATCHED_KEY_NORMALIZED: { severity: 'info', outcome: 'matched_explained', action: 'correct the reference typed in Odoo' },
  MATCHED_FUZZY: { severity: 'exception', outcome: 'matched_explained', action: 'confirm the suggested match and fix the reference' },
  DUPLICATE_IN_ODOO: { severity: 'exception', outcome: 'duplicate', action: 'cancel the duplicate order/invoice' },
  DUPLICATE_IN_SHOP: { severity: 'exception', outcome: 'duplicate', action: 'check the export: the order appears twice' },
  MISSING_IN_ODOO: { severity: 'exception', outcome: 'missing_in_odoo', action: 're-sync or create the sale order and invoice' },
  MISSING_IN_SHOP: { severity: 'exception', outcome: 'missing_in_shop', action: 'test order, wrong channel, or export window too small' },
  CANCELLED_FEE_ONLY: { severity: 'exception', outcome: 'matched_explained', action: 'book the kept fee as expense' },
  AMOUNT_MISMATCH_SHIPPING: { severity: 'exception', outcome: 'matched_explained', action: 'add or adjust the shipping line' },
  AMOUNT_MISMATCH_DISCOUNT: { severity: 'exception', outcome: 'matched_explained', action: 'apply the discount in Odoo' },
  AMOUNT_MISMATCH_TAX: { severity: 'exception', outcome: 'matched_explained', action: 'check tax mapping (inclusive vs exclusive)' },
  AMOUNT_MISMATCH_DUTIES: { severity: 'exception', outcome: 'matched_explained', action: 'add the duties line' },
  CURRENCY_MISMATCH: { severity: 'exception', outcome: 'matched_explained', action: 'check the order currency in Odoo' },
  REFUND_NOT_BOOKED: { severity: 'exception', outcome: 'refund_not_booked', action: 'create the credit note' },
  REFUND_AMOUNT_MISMATCH: { severity: 'exception', outcome: 'refund_not_booked', action: 'adjust the credit note' },
  MATCHED_WITHIN_TOLERANCE: { severity: 'ok', outcome: 'matched_explained', action: 'none (rounding)' },
  UNEXPLAINED: { severity: 'exception', outcome: 'unexplained', action: 'investigate manually' },
  MATCHED_FX_DIFFERENCE: { severity: 'info', outcome: 'matched_explained', action: 'FX gain/loss, no fix' },
  CHARGEBACK_NOT_BOOKED: { severity: 'exception', outcome: 'matched_explained', action: 'reverse the payment or write off' },
  PAYMENT_NOT_REGISTERED: { severity: 'exception', outcome: 'matched_explained', action: 'register the payment in the clearing journal' },
  MATCHED_OTHER_GATEWAY: { severity: 'info', outcome: 'matched', action: 'look for the cash in the other gateway' },
  OPEN_EXPECTED: { severity: 'info', outcome: 'timing', action: 'none: payment expected' },
  MATCHED_PAYOUT_PENDING: { severity: 'info', outcome: 'timing', action: 'wait for the payout' },
  MATCHED_TIMING_MONTH_END: { severity: 'info', outcome: 'timing', action: 'accrual / in-transit at month end' },
  TIMEZONE_MONTH_BOUNDARY: { severity: 'info', outcome: 'timing', action: 'assign by shop-local date' },
  UNMATCHED_FEE: { severity: 'exception', outcome: 'missing_in_odoo', action: 'book as processing expense' },
  UNMATCHED_ADJUSTMENT: { severity: 'exception', outcome: 'missing_in_odoo', action: 'book to expense or clearing' },
  UNMATCHED_PAYMENT: { severity: 'exception', outcome: 'missing_in_shop', action: 'find the order the payment belongs to' },
};

const RANK = new Map<CategoryCode, number>(CATEGORY_CODES.map((code, index) => [code, index]));

/** Severity of a category. */
export function severityOf(code: CategoryCode): Severity {
  return INFO[code].severity;
}

/** The suggested action for a category, in plain words. */
export function actionOf(code: CategoryCode): string {
  return INFO[code].action;
}

/** Sorts categories into their canonical display order (key path, amounts, cash, timing). */
export function sortCategories(codes: Iterable<CategoryCode>): CategoryCode[] {
  return [...new Set(codes)].sort((a, b) => (RANK.get(a) ?? 0) - (RANK.get(b) ?? 0));
}

const OUTCOME_WEIGHT: Record<Outcome, number> = {
  matched: 0,
  timing: 1,
  matched_explained: 2,
  refund_not_booked: 3,
  duplicate: 4,
  missing_in_shop: 5,
  missing_in_odoo: 6,
  unexplained: 7,
};

/** The single board-level outcome of a record: the weightiest outcome among its categories. */
export function outcomeOf(codes: readonly CategoryCode[]): Outcome {
  let best: Outcome = 'matched';
  for (const code of codes) {
    const outcome = INFO[code].outcome;
    if (OUTCOME_WEIGHT[outcome] > OUTCOME_WEIGHT[best]) best = outcome;
  }
  return best;
}

/** True when any category of the record needs a decision (an open exception). */
export function isException(codes: readonly CategoryCode[]): boolean {
  return codes.some((code) => INFO[code].severity === 'exception');
}

/** Type guard for category strings read back from storage or files. */
export function isCategoryCode(value: string): value is CategoryCode {
  return RANK.has(value as CategoryCode);
}
