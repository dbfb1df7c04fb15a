/**
 * Cell parsers shared by every format: amounts (decimal point or comma, thousands separators,
 * currency exponent), dates with or without offsets (and in a named zone), currencies. Each throws
 * a RowRejection whose message is the plain-words reason shown to the user.
 */
import { TZDate } from '@date-fns/tz';
import { parseMoney, type Minor } from '../../../shared/money/money';
import { localDateOf } from '../../../shared/period/timezone';

/** A row problem the user can read: becomes "line N: <message>". */
export class RowRejection extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RowRejection';
  }
}

const ZERO_DECIMALS = new Set(['JPY', 'KRW', 'CLP', 'ISK', 'VND', 'PYG', 'UGX', 'XAF', 'XOF', 'KMF', 'RWF', 'DJF', 'GNF', 'VUV', 'XPF', 'BIF']);
const THREE_DECIMALS = new Set(['BHD', 'KWD', 'OMR', 'JOD', 'TND', 'IQD', 'LYD']);

/** Minor-unit exponent of an ISO 4217 currency. */
export function currencyDecimals(currency: string): number {
  if (ZERO_DECIMALS.has(currency)) return 0;
  if (THREE_DECIMALS.has(currency)) return 3;
  return 2;
}

/** Parses an ISO currency code (any case); rejects anything that is not three letters. */
export function parseCurrency(text: string, column: string): string {
  const code = text.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new RowRejection(`${column} "${text}" is not a currency code (expected three letters such as EUR)`);
  return code;
}

/**
 * Parses an amount into minor units. `decimalComma` is the file's convention for ambiguous
 * values; unambiguous ones (`12,50`, `1.234,56`, `1,234.56`) decide for themselves.
 */
export function parseAmount(text: string, column: string, currency: string, decimalComma: boolean): Minor {
  const trimmed = text.trim();
  const value = /^-?\d+(\.\d+)?$/.test(trimmed) ? trimmed : trimmed.replace(/^'/, '').replace(/[\s\u00a0]/g, '').replace(/^\+/, '');
  if (value === '') throw new RowRejection(`${column} is empty`);
  try {
    const plain = normalizeSeparators(value, decimalComma);
    return fastMinor(plain, currencyDecimals(currency)) ?? parseMoney(plain, currencyDecimals(currency));
  } catch {
    throw new RowRejection(`${column} "${text}" is not an amount`);
  }
}

const PLAIN_DECIMAL = /^(-?)(\d{1,15})(?:\.(\d+))?$/;

/**
 * Exact integer conversion of a plain decimal string without Decimal.js (the common case, and the
 * hot path of large files); null when the text needs the general parser (rounding, symbols...).
 */
function fastMinor(text: string, decimals: number): number | null {
  const match = PLAIN_DECIMAL.exec(text);
  if (!match) return null;
  const fraction = match[3] ?? '';
  if (fraction.length > decimals) return null;
  const value = Number((match[2] ?? '0') + fraction.padEnd(decimals, '0'));
  if (!Number.isSafeInteger(value)) return null;
  return match[1] === '-' && value !== 0 ? -value : value;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n += 1;
  return n;
}

/** Rewrites any grouping/decimal convention to plain `1234.56`. */
function normalizeSeparators(value: string, decimalComma: boolean): string {
  const commas = count(value, ',');
  const dots = count(value, '.');
  if (commas > 0 && dots > 0) {
    // Both present: the later one separates the decimals.
    return value.lastIndexOf(',') > value.lastIndexOf('.') ? value.replace(/\./g, '').replace(',', '.') : value.replace(/,/g, '');
  }
  if (commas > 0) {
    const looksGrouped = commas > 1 || /,\d{3}\)?-?$/.test(value);
    return looksGrouped && !(decimalComma && commas === 1) ? value.replace(/,/g, '') : value.replace(',', '.');
  }
  if (dots > 1 || (decimalComma && dots === 1 && /\.\d{3}\)?-?$/.test(value))) return value.replace(/\./g, '');
  return value;
}

/** Like {@link parseAmount} but empty means zero (optional money columns). */
export function parseOptionalAmount(text: string | undefined, column: string, currency: string, decimalComma: boolean): Minor {
  if (text === undefined || text.trim() === '') return 0;
  return parseAmount(text, column, currency, decimalComma);
}

/** A parsed instant: UTC `YYYY-MM-DD HH:MM:SS` and the calendar date where it happened. */
export interface ParsedInstant {
  utc: string;
  localDate: string;
}

const ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;
const DMY_DOT_RE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SLASH_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

function validParts(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/**
 * Parses a date-time cell. With an explicit offset the local date is the one written; without,
 * the wall time is read in `zone` (the shop's or site's time zone; 'UTC' for UTC columns) and the
 * local date is taken in `localZone` (the company's time zone).
 * Accepts ISO (`2026-10-22 09:14:22 +0200`, `2026-10-22T09:14:22+02:00`, `2026-10-22 10:14`),
 * `DD.MM.YYYY [HH:MM]` and `M/D/YYYY [H:MM]` (D/M when the first number exceeds 12, or `dayFirst`).
 */
/** Per-file memo of local dates by UTC minute (time-zone maths is the slow part of big files). */
export type LocalDateMemo = Map<string, string>;

function cachedLocalDate(utc: string, zone: string, memo: LocalDateMemo | undefined): string {
  if (!memo) return localDateOf(utc, zone);
  const key = `${zone}|${utc.slice(0, 16)}`;
  let date = memo.get(key);
  if (date === undefined) {
    date = localDateOf(utc, zone);
    if (memo.size > 100_000) memo.clear();
    memo.set(key, date);
  }
  return date;
}

export function parseInstant(text: string, column: string, zone: string, localZone: string, dayFirst = false, memo?: LocalDateMemo): ParsedInstant {
  const value = text.trim();
  let y: number, mo: number, d: number, h: number, mi: number, s: number;
  let offset: string | undefined;
  let match = ISO_RE.exec(value);
  if (match) {
    [y, mo, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    h = Number(match[4] ?? 0);
    mi = Number(match[5] ?? 0);
    s = Number(match[6] ?? 0);
    offset = match[7];
  } else if ((match = DMY_DOT_RE.exec(value))) {
    [d, mo, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    h = Number(match[4] ?? 0);
    mi = Number(match[5] ?? 0);
    s = Number(match[6] ?? 0);
  } else if ((match = SLASH_RE.exec(value))) {
    const a = Number(match[1]);
    const b = Number(match[2]);
    const swap = dayFirst || a > 12;
    [mo, d, y] = swap ? [b, a, Number(match[3])] : [a, b, Number(match[3])];
    h = Number(match[4] ?? 0);
    mi = Number(match[5] ?? 0);
    s = Number(match[6] ?? 0);
    const meridiem = match[7]?.toUpperCase();
    if (meridiem === 'PM' && h < 12) h += 12;
    if (meridiem === 'AM' && h === 12) h = 0;
  } else {
    throw new RowRejection(`${column} "${text}" is not a date (expected e.g. 2026-10-22 09:14:22 +0200)`);
  }
  if (!validParts(y, mo, d, h, mi, s)) throw new RowRejection(`${column} "${text}" is not a valid calendar date`);
  if (offset !== undefined) {
    const upper = offset.toUpperCase();
    let offsetMinutes = 0;
    if (upper !== 'Z' && upper !== 'UTC' && upper !== 'GMT') {
      const digits = offset.replace(':', '');
      offsetMinutes = (digits.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
    }
    const ms = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes * 60_000;
    const utc = formatUtc(ms);
    // An explicit "UTC" is not the shop's wall clock: take the local date in the company zone.
    const localDate = offsetMinutes === 0 && /^(Z|UTC|GMT)$/i.test(upper) ? cachedLocalDate(utc, localZone, memo) : `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
    return { utc, localDate };
  }
  const ms = zone === 'UTC' ? Date.UTC(y, mo - 1, d, h, mi, s) : new TZDate(y, mo - 1, d, h, mi, s, 0, zone).getTime();
  const utc = formatUtc(ms);
  const localDate = zone === localZone ? `${pad(y, 4)}-${pad(mo)}-${pad(d)}` : cachedLocalDate(utc, localZone, memo);
  return { utc, localDate };
}

/** Parses a plain date cell (`YYYY-MM-DD`, `DD.MM.YYYY`, `M/D/YYYY`) into `YYYY-MM-DD`. */
export function parseDate(text: string, column: string): string {
  return parseInstant(text, column, 'UTC', 'UTC').utc.slice(0, 10);
}

/** Parses a non-negative integer quantity. */
export function parseQuantity(text: string, column: string): number {
  const value = text.trim();
  if (value === '') return 0;
  if (!/^-?\d+$/.test(value)) throw new RowRejection(`${column} "${text}" is not a whole number`);
  return Number(value);
}
