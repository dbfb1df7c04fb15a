/**
 * Currency rate lookup with Odoo's `res.currency.rate` semantics, and the monthly closing and
 * day-weighted average conversion factors used to translate financial statements.
 *
 * Odoo semantics: a rate row says "`rate` units of `currency` per 1 unit of the reference
 * currency" (the currency whose rate is 1 — normally the root company's currency). The factor
 * converting currency X into currency Y on date D is `rate(Y, D) / rate(X, D)`, both read from
 * ONE company's table (we use the consolidating company's, like Odoo's consolidation).
 * Lookup of rate(X, D): the latest row dated on or before D, company-specific rows before shared
 * ones (Odoo 19 `_get_rates`, `name <= date`). Where Odoo would then fall back to a later rate or
 * silently to 1.0, we return null so the caller reports a missing rate; only the reference
 * currency itself defaults to 1.
 */
import Decimal from 'decimal.js';
import { daysInMonth, monthEnd, type DateKey, type MonthKey } from '../period/period';

/** One synced `res.currency.rate` row. */
export interface CurrencyRateRow {
  currency: string;
  /** Owning (root) company, or null for a rate shared by all companies. */
  companyId: number | null;
  /** The rate's date (`name` in Odoo), `YYYY-MM-DD`. */
  date: DateKey;
  /** Units of `currency` per 1 unit of the reference currency. */
  rate: number | string;
}

interface DatedRate {
  date: DateKey;
  rate: Decimal;
}

/** Rates of one company's table, sorted by date, split into company-specific and shared rows. */
export interface RateTable {
  companyId: number;
  referenceCurrency: string;
  specific: ReadonlyMap<string, readonly DatedRate[]>;
  shared: ReadonlyMap<string, readonly DatedRate[]>;
}

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** Decimal places kept on a conversion factor (enough for any minor-unit amount up to 10^15). */
export const FACTOR_PLACES = 12;

function pushSorted(map: Map<string, DatedRate[]>, currency: string, entry: DatedRate): void {
  const list = map.get(currency) ?? [];
  list.push(entry);
  map.set(currency, list);
}

/**
 * Builds the rate table of `companyId` (its specific rows plus shared rows); rows of other
 * companies are ignored. Rejects non-positive rates (Odoo's constraint `rate > 0`).
 */
export function buildRateTable(rows: Iterable<CurrencyRateRow>, companyId: number, referenceCurrency: string): RateTable {
  const specific = new Map<string, DatedRate[]>();
  const shared = new Map<string, DatedRate[]>();
  for (const row of rows) {
    if (row.companyId !== null && row.companyId !== companyId) continue;
    const rate = new D(row.rate);
    if (!rate.isFinite() || rate.lte(0)) {
      throw new RangeError(`currency rate for ${row.currency} on ${row.date} must be > 0, got ${row.rate}`);
    }
    pushSorted(row.companyId === null ? shared : specific, row.currency, { date: row.date, rate });
  }
  for (const map of [specific, shared]) {
    for (const list of map.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
  return { companyId, referenceCurrency, specific, shared };
}

function latestOnOrBefore(list: readonly DatedRate[] | undefined, date: DateKey): DatedRate | null {
  if (!list || list.length === 0) return null;
  let lo = 0;
  let hi = list.length - 1;
  let found: DatedRate | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const entry = list[mid];
    if (entry !== undefined && entry.date <= date) {
      found = entry;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Units of `currency` per 1 reference unit on `date`, or null when the table has no such rate. */
export function rateAt(table: RateTable, currency: string, date: DateKey): Decimal | null {
  const hit = latestOnOrBefore(table.specific.get(currency), date) ?? latestOnOrBefore(table.shared.get(currency), date);
  if (hit) return hit.rate;
  return currency === table.referenceCurrency ? new D(1) : null;
}

/** Units of `to` per 1 unit of `from` on `date` (exact Decimal), or null when a rate is missing. */
export function factorAt(table: RateTable, from: string, to: string, date: DateKey): Decimal | null {
  if (from === to) return new D(1);
  const rateFrom = rateAt(table, from, date);
  const rateTo = rateAt(table, to, date);
  if (rateFrom === null || rateTo === null) return null;
  return rateTo.dividedBy(rateFrom);
}

function toFactorString(value: Decimal): string {
  return value.toDecimalPlaces(FACTOR_PLACES, Decimal.ROUND_HALF_UP).toFixed();
}

/** Closing factor of a month (factor on its last calendar day) as a decimal string, or null. */
export function closingFactor(table: RateTable, from: string, to: string, month: MonthKey): string | null {
  const factor = factorAt(table, from, to, monthEnd(month));
  return factor === null ? null : toFactorString(factor);
}

/**
 * Day-weighted average factor of a month (Odoo's average: rates are a step function, each day
 * takes the latest rate on or before it, the FACTOR — not the rate — is averaged), as a decimal
 * string, or null when any day of the month lacks a rate.
 */
export function averageFactor(table: RateTable, from: string, to: string, month: MonthKey): string | null {
  if (from === to) return '1';
  const days = daysInMonth(month);
  let sum = new D(0);
  for (let day = 1; day <= days; day += 1) {
    const factor = factorAt(table, from, to, `${month}-${String(day).padStart(2, '0')}`);
    if (factor === null) return null;
    sum = sum.plus(factor);
  }
  return toFactorString(sum.dividedBy(days));
}
