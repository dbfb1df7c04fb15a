/**
 * Cutting Odoo datetimes into months in a company's timezone.
 *
 * Odoo stores datetime fields (sale.order.date_order, stock.move.date, write_date…) as naive UTC
 * `YYYY-MM-DD HH:MM:SS`. An order placed at 23:30 on 31 January in New York is stored as
 * `2025-02-01 04:30:00`: cut in UTC it lands in February, cut in the company's timezone it is
 * January — which is what the finance lead expects. Date fields (invoice_date, date) are never
 * shifted.
 */
import { TZDate } from '@date-fns/tz';
import { addMonths, monthEnd, monthStart, parseMonth, type DateKey, type MonthKey } from './period';

/** `YYYY-MM-DD HH:MM:SS` in UTC, as Odoo stores datetimes. */
export type OdooDatetime = string;

const ODOO_DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d+)?$/;

/** Parses an Odoo UTC datetime into epoch milliseconds; throws a RangeError naming the text. */
export function parseOdooDatetime(value: OdooDatetime): number {
  const match = ODOO_DATETIME_RE.exec(value);
  if (!match) throw new RangeError(`not an Odoo datetime (expected YYYY-MM-DD HH:MM:SS UTC): "${value}"`);
  const [, y, mo, d, h, mi, s] = match;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
}

/** Formats epoch milliseconds as an Odoo UTC datetime. */
export function formatOdooDatetime(epochMs: number): OdooDatetime {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The zone a Settings timezone means on this machine: the setting when it names a real IANA zone, else the
 * machine's own (a desktop app's user sits in front of it). The scheduler reads business hours and the screens
 * print times in it, so both agree; an unknown name must not silently mean "never" or UTC.
 */
export function settingTimeZone(setting: string | null | undefined): string {
  const machine = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!setting) return machine;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: setting }).resolvedOptions().timeZone;
  } catch {
    return machine;
  }
}

/** Throws unless `timeZone` is an IANA zone the runtime knows. */
export function assertTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new RangeError(`unknown timezone "${timeZone}" (use an IANA name such as Europe/Brussels)`);
  }
  return timeZone;
}

/** The local calendar date of a UTC Odoo datetime in `timeZone`. */
export function localDateOf(value: OdooDatetime, timeZone: string): DateKey {
  const local = new TZDate(parseOdooDatetime(value), timeZone);
  const y = String(local.getFullYear()).padStart(4, '0');
  const m = String(local.getMonth() + 1).padStart(2, '0');
  const d = String(local.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The month (`YYYY-MM`) a UTC Odoo datetime falls in, in `timeZone`. */
export function localMonthOf(value: OdooDatetime, timeZone: string): MonthKey {
  return localDateOf(value, timeZone).slice(0, 7);
}

/** UTC instant of local midnight starting `date` in `timeZone`. */
export function utcStartOfLocalDay(date: DateKey, timeZone: string): OdooDatetime {
  const [y, m, d] = date.split('-').map(Number);
  const local = new TZDate(y ?? 0, (m ?? 1) - 1, d ?? 1, 0, 0, 0, 0, timeZone);
  return formatOdooDatetime(local.getTime());
}

/**
 * UTC bounds `[start, end)` of a local month, as Odoo datetimes, so a SQL filter
 * `col >= start AND col < end` on the UTC column selects exactly the local month.
 */
export function utcBoundsOfMonth(month: MonthKey, timeZone: string): { start: OdooDatetime; end: OdooDatetime } {
  const { year, month: m } = parseMonth(month);
  const next = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
  return { start: utcStartOfLocalDay(monthStart(month), timeZone), end: utcStartOfLocalDay(next, timeZone) };
}

/** UTC bounds `[start, end)` of the local days `from`..`to` (inclusive dates). */
export function utcBoundsOfDates(from: DateKey, to: DateKey, timeZone: string): { start: OdooDatetime; end: OdooDatetime } {
  const [y, m, d] = to.split('-').map(Number);
  const after = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 1)).toISOString().slice(0, 10);
  return { start: utcStartOfLocalDay(from, timeZone), end: utcStartOfLocalDay(after, timeZone) };
}

/** UTC end bound (exclusive) of a local month-end: everything before it happened by month-end locally. */
export function utcEndOfMonth(month: MonthKey, timeZone: string): OdooDatetime {
  return utcBoundsOfDates(monthStart(month), monthEnd(month), timeZone).end;
}

/**
 * A fast "which local month is this UTC datetime in" for many values over a known range: the UTC
 * starts of the local months `from`..`to` are computed once, then each value is a binary search
 * on plain strings (Odoo datetimes sort as text). Values outside the range give null. Same answer
 * as {@link localMonthOf}, without a timezone conversion per row.
 */
export function localMonthCutter(from: MonthKey, to: MonthKey, timeZone: string): (value: OdooDatetime) => MonthKey | null {
  const months: MonthKey[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
  const starts = months.map((m) => utcStartOfLocalDay(monthStart(m), timeZone));
  const end = months.length === 0 ? '' : utcBoundsOfMonth(months[months.length - 1] ?? from, timeZone).end;
  return (value) => {
    if (months.length === 0 || value < (starts[0] ?? '') || value >= end) return null;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? '') <= value) lo = mid;
      else hi = mid - 1;
    }
    return months[lo] ?? null;
  };
}

