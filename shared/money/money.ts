/**
 * Exact money arithmetic on integer minor units (cents for 2-decimal currencies).
 *
 * Amounts are JavaScript numbers that must stay safe integers: a safe integer holds
 * ±90 trillion units of a 2-decimal currency, far beyond any board pack, and numbers
 * (unlike bigint) serialise to JSON and Excel directly. Every function throws on a
 * non-safe-integer input rather than silently losing a cent.
 *
 * Rounding is explicit and always half away from zero (the accounting convention and
 * what Odoo's `float_round` does for monetary fields).
 */
import Decimal from 'decimal.js';

/** Integer minor units of some currency (the currency travels separately). */
export type Minor = number;

/** Decimal constructor with enough precision for any rate × amount product. */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** Throws unless `value` is a safe integer; returns it for chaining. */
export function assertMinor(value: number, what = 'amount'): Minor {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer of minor units, got ${value}`);
  }
  return value;
}

/** Sums minor-unit amounts, checking each input and the result. */
export function sumMinor(values: Iterable<Minor>): Minor {
  let total = 0;
  for (const value of values) total += assertMinor(value);
  return assertMinor(total, 'sum');
}

/**
 * Rounds a decimal value (string or Decimal) to an integer, half away from zero.
 * @example roundHalfAwayFromZero('-2.5') === -3
 */
export function roundHalfAwayFromZero(value: Decimal.Value): number {
  // ROUND_HALF_UP in decimal.js rounds half away from zero (it is sign-symmetric).
  const rounded = new D(value).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return assertMinor(rounded.toNumber(), 'rounded value');
}

/**
 * Converts an Odoo float amount (already rounded by Odoo to the currency precision) to minor units.
 * Goes through the float's shortest decimal representation so 1.005 stays 1.005 (not 1.00499…).
 */
export function fromMajor(amount: number, decimals = 2): Minor {
  if (!Number.isFinite(amount)) throw new RangeError(`amount must be finite, got ${amount}`);
  return roundHalfAwayFromZero(new D(String(amount)).times(new D(10).pow(decimals)));
}

/** Minor units → decimal string with exactly `decimals` places, e.g. `-1234.50` (no grouping). */
export function toMajorString(amount: Minor, decimals = 2): string {
  assertMinor(amount);
  return new D(amount).dividedBy(new D(10).pow(decimals)).toFixed(decimals);
}

/**
 * Parses a human or file amount into minor units. Accepts `1234.5`, `-1,234.56`, `(1,234.56)`
 * (accounting negative), a leading currency symbol or code, and a trailing minus.
 * Rounds extra decimals half away from zero. Throws a RangeError naming the text when unparsable.
 */
export function parseMoney(text: string, decimals = 2): Minor {
  let cleaned = text.trim().replace(/[\s\u00a0']/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(cleaned)) {
    negative = true;
    cleaned = cleaned.slice(1, -1);
  }
  if (cleaned.endsWith('-')) {
    negative = !negative;
    cleaned = cleaned.slice(0, -1);
  }
  cleaned = cleaned.replace(/^[A-Z]{3}/, '').replace(/^[$€£¥]/, '').replace(/[$€£¥]$/, '').replace(/[A-Z]{3}$/, '');
  if (cleaned.startsWith('-')) {
    negative = !negative;
    cleaned = cleaned.slice(1);
  }
  cleaned = cleaned.replace(/^[$€£¥]/, '');
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^\.\d+$/.test(cleaned)) {
    throw new RangeError(`not an amount: "${text}"`);
  }
  const minor = roundHalfAwayFromZero(new D(cleaned.replace(/,/g, '')).times(new D(10).pow(decimals)));
  return negative ? -minor : minor;
}

/** Options of {@link formatMoney}. */
export interface FormatMoneyOptions {
  decimals?: number;
  /** Thousands separator (default `,`). */
  group?: string;
  /** Render negatives as `(1,234.00)` instead of `-1,234.00`. */
  parentheses?: boolean;
}

/** Formats minor units for display, e.g. `formatMoney(-123456) === '-1,234.56'`. */
export function formatMoney(amount: Minor, options: FormatMoneyOptions = {}): string {
  const decimals = options.decimals ?? 2;
  const group = options.group ?? ',';
  const plain = toMajorString(Math.abs(amount), decimals);
  const [whole, fraction] = plain.split('.');
  const grouped = (whole ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const body = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  if (amount >= 0) return body;
  return options.parentheses ? `(${body})` : `-${body}`;
}

/**
 * Splits `total` into integer parts proportional to `weights`, the parts summing exactly to `total`
 * (largest-remainder method; ties go to the earlier weight). Weights may be any non-negative numbers.
 */
export function allocate(total: Minor, weights: readonly number[]): Minor[] {
  assertMinor(total);
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  if (weights.some((w) => !(w >= 0))) throw new RangeError('allocate weights must be non-negative');
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum === 0) {
    const even = weights.map(() => 1);
    return allocate(total, even);
  }
  const sign = total < 0 ? -1 : 1;
  const magnitude = Math.abs(total);
  const exact = weights.map((w) => new D(magnitude).times(w).dividedBy(weightSum));
  const floors = exact.map((value) => value.floor().toNumber());
  let remainder = magnitude - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => ({ index, fraction: value.minus(value.floor()) }))
    .sort((a, b) => b.fraction.comparedTo(a.fraction) || a.index - b.index);
  for (const { index } of order) {
    if (remainder === 0) break;
    floors[index] = (floors[index] ?? 0) + 1;
    remainder -= 1;
  }
  return floors.map((part) => (part === 0 ? 0 : sign * part));
}

/**
 * Converts an amount with a multiplicative rate given as a decimal string (target units per 1 source
 * unit), adjusting for differing minor-unit exponents, rounding half away from zero.
 * @example convertMinor(10000, '1.0925') === 10925  // 100.00 EUR → 109.25 USD
 */
export function convertMinor(amount: Minor, rate: string, fromDecimals = 2, toDecimals = 2): Minor {
  assertMinor(amount);
  const fast = convertMinorExact(amount, rate, toDecimals - fromDecimals);
  if (fast !== null) return fast;
  const scaled = new D(amount).times(new D(rate)).times(new D(10).pow(toDecimals - fromDecimals));
  return roundHalfAwayFromZero(scaled);
}

const PLAIN_RATE = /^(\d+)(?:\.(\d+))?$/;

/**
 * The same conversion in integer arithmetic (reports translate tens of thousands of amounts, and
 * BigInt is several times faster than decimal.js): amount × rate × 10^shift, rounded half away
 * from zero. Null for rates not written as plain decimals (exponent notation), which take the
 * decimal.js path.
 */
function convertMinorExact(amount: Minor, rate: string, shift: number): Minor | null {
  const match = PLAIN_RATE.exec(rate);
  if (!match) return null;
  const fraction = match[2] ?? '';
  const numerator = BigInt(Math.abs(amount)) * BigInt((match[1] ?? '0') + fraction) * 10n ** BigInt(Math.max(shift, 0));
  const denominator = 10n ** BigInt(fraction.length + Math.max(-shift, 0));
  let quotient = numerator / denominator;
  if ((numerator % denominator) * 2n >= denominator) quotient += 1n;
  const result = Number(quotient);
  return assertMinor(amount < 0 ? -result : result, 'converted amount');
}

/**
 * Divides two numbers and rounds the quotient to `places` decimals half away from zero, returning
 * null when the denominator is zero (ratios of money must never divide by zero silently).
 */
export function ratio(numerator: number, denominator: number, places = 6): number | null {
  if (denominator === 0) return null;
  return new D(numerator).dividedBy(denominator).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();
}
