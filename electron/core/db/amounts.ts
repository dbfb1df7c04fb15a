import Decimal from 'decimal.js';
import { AppError } from '../../../shared/rpc/errors';

/**
 * Same result as `fromMajor` in shared/money (which reports use), with a digit-string fast path
 * because the sync converts millions of amounts and a Decimal per value dominates ingest time.
 *
 * Converts an Odoo monetary float to integer minor units of a currency with `decimalPlaces`
 * decimals, rounding half away from zero on the DECIMAL value Odoo meant: the shortest decimal
 * string of the float ("0.285", not 0.28499999999999998), so 0.285 EUR is 29 cents.
 */
export function toMinorUnits(value: number, decimalPlaces: number): number {
  if (!Number.isFinite(value)) throw new AppError('validation', `Amount ${value} is not a finite number.`);
  if (!Number.isInteger(decimalPlaces) || decimalPlaces < 0 || decimalPlaces > 6) {
    throw new AppError('validation', `Currency decimal places ${decimalPlaces} are not supported (0..6).`);
  }
  const text = String(value);
  const minor = /e/i.test(text) ? viaDecimal(text, decimalPlaces) : viaDigits(text, decimalPlaces);
  if (!Number.isSafeInteger(minor)) throw new AppError('validation', `Amount ${value} is too large to store exactly.`);
  return minor === 0 ? 0 : minor;
}

function viaDecimal(text: string, decimalPlaces: number): number {
  return new Decimal(text).toDecimalPlaces(decimalPlaces, Decimal.ROUND_HALF_UP).mul(new Decimal(10).pow(decimalPlaces)).toNumber();
}

// Fast path for plain decimal strings: digit arithmetic, no float multiplication.
function viaDigits(text: string, decimalPlaces: number): number {
  const negative = text.startsWith('-');
  const unsigned = negative ? text.slice(1) : text;
  const dot = unsigned.indexOf('.');
  const whole = dot < 0 ? unsigned : unsigned.slice(0, dot);
  const fraction = dot < 0 ? '' : unsigned.slice(dot + 1);
  const kept = fraction.slice(0, decimalPlaces).padEnd(decimalPlaces, '0');
  const roundUp = fraction.length > decimalPlaces && fraction.charCodeAt(decimalPlaces) >= 53; // '5'
  const magnitude = Number(whole + kept) + (roundUp ? 1 : 0);
  return negative ? -magnitude : magnitude;
}

/** Minor units back to a decimal string with exactly `decimalPlaces` decimals (for display and diffs). */
export function formatMinorUnits(minor: number, decimalPlaces: number): string {
  return new Decimal(minor).div(new Decimal(10).pow(decimalPlaces)).toFixed(decimalPlaces);
}
