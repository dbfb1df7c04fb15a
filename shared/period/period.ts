/**
 * Month arithmetic and fiscal periods (month, QTD, YTD, LTM, same month last year, 13-month trend).
 *
 * Months are `YYYY-MM` keys; dates are `YYYY-MM-DD` strings (what Odoo date fields hold, and what
 * compares correctly as text in SQLite). Fiscal years follow `res.company.fiscalyear_last_month`:
 * a fiscal year ending in March starts in April. Periods are whole months; a fiscal year ending
 * mid-month (`fiscalyear_last_day` < month length) is treated as ending with that month, which is
 * how every month-based pack presents it.
 */

/** `YYYY-MM`. */
export type MonthKey = string;
/** `YYYY-MM-DD`. */
export type DateKey = string;

/** Year and month (1-12) of a month key. */
export interface YearMonth {
  year: number;
  month: number;
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Parses `YYYY-MM`; throws a RangeError naming the text when invalid. */
export function parseMonth(key: MonthKey): YearMonth {
  const match = MONTH_RE.exec(key);
  if (!match) throw new RangeError(`not a month (expected YYYY-MM): "${key}"`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** Builds a month key from a year and a month that may overflow (month 13 = January next year). */
export function monthKey(year: number, month: number): MonthKey {
  const index = year * 12 + (month - 1);
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** Adds (or subtracts) whole months. */
export function addMonths(key: MonthKey, delta: number): MonthKey {
  const { year, month } = parseMonth(key);
  return monthKey(year, month + delta);
}

/** Number of months from `a` to `b` (positive when b is later). */
export function monthsBetween(a: MonthKey, b: MonthKey): number {
  const pa = parseMonth(a);
  const pb = parseMonth(b);
  return (pb.year - pa.year) * 12 + (pb.month - pa.month);
}

/** Days in a month (Gregorian leap years). */
export function daysInMonth(key: MonthKey): number {
  const { year, month } = parseMonth(key);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First day of the month, `YYYY-MM-01`. */
export function monthStart(key: MonthKey): DateKey {
  parseMonth(key);
  return `${key}-01`;
}

/** Last day of the month, e.g. `2024-02-29`. */
export function monthEnd(key: MonthKey): DateKey {
  return `${key}-${String(daysInMonth(key)).padStart(2, '0')}`;
}

/** The month a `YYYY-MM-DD` date falls in. */
export function monthOfDate(date: DateKey): MonthKey {
  const key = date.slice(0, 7);
  parseMonth(key);
  return key;
}

/** Inclusive list of months from `from` to `to` (empty when `from` is after `to`). */
export function monthRange(from: MonthKey, to: MonthKey): MonthKey[] {
  const count = monthsBetween(from, to);
  const months: MonthKey[] = [];
  for (let i = 0; i <= count; i += 1) months.push(addMonths(from, i));
  return months;
}

/** A company's fiscal year end (`res.company.fiscalyear_last_month`, 1-12). */
export interface FiscalCalendar {
  lastMonth: number;
}

/** The calendar-year default (fiscal year ending in December). */
export const CALENDAR_YEAR: FiscalCalendar = { lastMonth: 12 };

/** First month of the fiscal year that contains `key`. */
export function fiscalYearStart(key: MonthKey, calendar: FiscalCalendar): MonthKey {
  if (!(calendar.lastMonth >= 1 && calendar.lastMonth <= 12)) {
    throw new RangeError(`fiscal year last month must be 1-12, got ${calendar.lastMonth}`);
  }
  const { year, month } = parseMonth(key);
  const startMonth = (calendar.lastMonth % 12) + 1;
  const startYear = month >= startMonth ? year : year - 1;
  return monthKey(startYear, startMonth);
}

/** Last month of the fiscal year that contains `key`. */
export function fiscalYearEnd(key: MonthKey, calendar: FiscalCalendar): MonthKey {
  return addMonths(fiscalYearStart(key, calendar), 11);
}

/** First month of the fiscal quarter containing `key` (quarters counted from the fiscal year start). */
export function fiscalQuarterStart(key: MonthKey, calendar: FiscalCalendar): MonthKey {
  const start = fiscalYearStart(key, calendar);
  const offset = monthsBetween(start, key);
  return addMonths(start, offset - (offset % 3));
}

/** The set of months behind each comparison column of a report month. */
export interface ReportPeriods {
  month: MonthKey;
  qtd: MonthKey[];
  ytd: MonthKey[];
  ltm: MonthKey[];
  priorYearMonth: MonthKey;
  priorYearYtd: MonthKey[];
  /** 13 months, oldest first, ending with `month`. */
  trend: MonthKey[];
  fiscalYearStart: MonthKey;
  fiscalYearEnd: MonthKey;
  /** Month-end of the previous fiscal year (balance-sheet comparison column). */
  priorFiscalYearEnd: MonthKey;
}

/** Computes every comparison window of a report month in a fiscal calendar. */
export function reportPeriods(month: MonthKey, calendar: FiscalCalendar): ReportPeriods {
  const fyStart = fiscalYearStart(month, calendar);
  const priorYearMonth = addMonths(month, -12);
  return {
    month,
    qtd: monthRange(fiscalQuarterStart(month, calendar), month),
    ytd: monthRange(fyStart, month),
    ltm: monthRange(addMonths(month, -11), month),
    priorYearMonth,
    priorYearYtd: monthRange(addMonths(fyStart, -12), priorYearMonth),
    trend: monthRange(addMonths(month, -12), month),
    fiscalYearStart: fyStart,
    fiscalYearEnd: fiscalYearEnd(month, calendar),
    priorFiscalYearEnd: addMonths(fyStart, -1),
  };
}
