/**
 * What the reports treat an account as: a P&L category (income/expense accounts; the Odoo account_type gives
 * the default, the user's mapping refines what the types don't separate) or a balance-sheet class. The engine
 * and the account-mapping contract share these lists.
 */

/** P&L categories, in statement order. */
export const PNL_CATEGORIES = [
  'revenue',
  'other_income',
  'cogs',
  'opex',
  'marketplace_fees',
  'other_expense',
  'depreciation',
  'interest',
  'income_tax',
  'fx',
  'excluded',
] as const;
/** One of {@link PNL_CATEGORIES}. */
export type PnlCategory = (typeof PNL_CATEGORIES)[number];

/** Balance-sheet classes (the summary rows of the balance sheet). */
export const BS_CLASSES = [
  'cash',
  'receivables',
  'inventory',
  'other_current_assets',
  'non_current_assets',
  'payables',
  'other_current_liabilities',
  'non_current_liabilities',
  'equity',
  'off_balance',
] as const;
/** One of {@link BS_CLASSES}. */
export type BsClass = (typeof BS_CLASSES)[number];
