/**
 * Translation of one company's figures into the presentation currency (current-rate method,
 * IAS 21 / ASC 830 as summarised in board-pack.md §3.2):
 * - P&L: each month at that month's average factor; a YTD figure is the SUM of translated months;
 * - assets and liabilities: at the closing factor of the balance-sheet date;
 * - contributed equity: at historical factors (the factor of each movement's date);
 * - retained earnings: the sum of every month's translated P&L;
 * - CTA: the balancing figure, so translated net assets = equity + retained earnings + CTA exactly.
 *
 * All amounts are signed ledger balances (debit − credit) in integer minor units; factors are
 * decimal strings (presentation units per 1 functional unit) or null when the rate is missing,
 * which makes the dependent results null rather than guessed.
 */
import { convertMinor, type Minor } from '../money/money';

/** An amount with the factor that translates it (null = missing rate). */
export interface FactoredAmount {
  balance: Minor;
  factor: string | null;
}

/** Decimal places of the two currencies involved. */
export interface CurrencyDecimals {
  from: number;
  to: number;
}

/** Translates one amount, or returns null when its factor is missing. */
export function translateAmount(amount: Minor, factor: string | null, decimals: CurrencyDecimals = { from: 2, to: 2 }): Minor | null {
  if (factor === null) return null;
  return convertMinor(amount, factor, decimals.from, decimals.to);
}

/** Translates and sums amounts (each rounded on its own, as a ledger would); null if any factor is missing. */
export function translateSum(amounts: readonly FactoredAmount[], decimals: CurrencyDecimals = { from: 2, to: 2 }): Minor | null {
  let total = 0;
  for (const { balance, factor } of amounts) {
    const translated = translateAmount(balance, factor, decimals);
    if (translated === null) return null;
    total += translated;
  }
  return total;
}

/** Inputs of {@link computeCta} for one company at one balance-sheet date. */
export interface CtaInput {
  /** Balance-sheet rows (assets and liabilities) at the date, signed, functional minor units. */
  netAssetRows: readonly Minor[];
  closingFactor: string | null;
  /** Every equity-account movement up to the date with its historical factor. */
  equityMovements: readonly FactoredAmount[];
  /** Every month's P&L balance (income + expense accounts) up to the date with its average factor. */
  pnlMonths: readonly FactoredAmount[];
  decimals?: CurrencyDecimals;
}

/** Result of {@link computeCta}; presentation minor units, positive = credit side (equity). */
export interface CtaResult {
  netAssetsFunctional: Minor;
  /** Σ of each row at the closing factor (so a translated balance sheet adds up). */
  translatedNetAssets: Minor | null;
  translatedEquityAtHistorical: Minor | null;
  translatedRetainedEarnings: Minor | null;
  cta: Minor | null;
}

/**
 * Computes the cumulative translation adjustment of one company. Equity and retained earnings are
 * returned credit-positive; with a balanced ledger and every factor equal to 1 the CTA is 0.
 */
export function computeCta(input: CtaInput): CtaResult {
  const decimals = input.decimals ?? { from: 2, to: 2 };
  const netAssetsFunctional = input.netAssetRows.reduce((a, b) => a + b, 0);
  const translatedNetAssets = translateSum(
    input.netAssetRows.map((balance) => ({ balance, factor: input.closingFactor })),
    decimals,
  );
  const equity = translateSum(input.equityMovements, decimals);
  const pnl = translateSum(input.pnlMonths, decimals);
  const translatedEquityAtHistorical = equity === null ? null : -equity;
  const translatedRetainedEarnings = pnl === null ? null : -pnl;
  const cta =
    translatedNetAssets === null || translatedEquityAtHistorical === null || translatedRetainedEarnings === null
      ? null
      : translatedNetAssets - translatedEquityAtHistorical - translatedRetainedEarnings;
  return { netAssetsFunctional, translatedNetAssets, translatedEquityAtHistorical, translatedRetainedEarnings, cta };
}
