/**
 * Dates for the demo generator: month windows, day numbers and the three company time zones.
 *
 * Days are integers (days since 1970-01-01) so the hot loops of the large scale never parse
 * date strings. Time-zone offsets follow the published EU and US daylight-saving rules, which
 * is exact for the zones the demo uses and much faster than Intl per timestamp.
 */

export type DemoTimeZone = 'Europe/Berlin' | 'Europe/London' | 'America/New_York';

/** The "current month" when the caller gives none: fixed so output never depends on the clock. */
export const DEFAULT_END_MONTH = '2026-11';

const DAY_MS = 86_400_000;

export interface MonthInfo {
  /** 'YYYY-MM' */
  key: string;
  year: number;
  /** 1..12 */
  month: number;
  firstDay: number;
  lastDay: number;
  days: number;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Day number of a calendar date. */
export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Parses 'YYYY-MM' strictly; throws a RangeError naming the bad value. */
export function parseMonth(key: string): { year: number; month: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  const year = match ? Number(match[1]) : NaN;
  const month = match ? Number(match[2]) : NaN;
  if (!match || month < 1 || month > 12 || year < 2000 || year > 2200) {
    throw new RangeError(`end month must look like YYYY-MM (e.g. 2026-11), got "${key}"`);
  }
  return { year, month };
}

/** The `count` months ending with `endMonth`, oldest first. */
export function monthWindow(endMonth: string, count: number): MonthInfo[] {
  const { year, month } = parseMonth(endMonth);
  const result: MonthInfo[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(year, month - 1 - i, 1));
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + 1;
    const firstDay = dayOf(y, m, 1);
    const lastDay = dayOf(y, m + 1, 1) - 1;
    result.push({ key: `${y}-${pad2(m)}`, year: y, month: m, firstDay, lastDay, days: lastDay - firstDay + 1 });
  }
  return result;
}

/** 'YYYY-MM-DD' of a day number (civil-from-days arithmetic: no Date object in the hot loops). */
export function dateString(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** 'YYYY-MM' of a day number. */
export function monthKeyOf(day: number): string {
  return dateString(day).slice(0, 7);
}

export function weekday(day: number): number {
  // 1970-01-01 was a Thursday (4); 0 = Sunday.
  return (((day + 4) % 7) + 7) % 7;
}

function lastSunday(year: number, month: number): number {
  const last = dayOf(year, month + 1, 1) - 1;
  return last - weekday(last);
}

function nthSunday(year: number, month: number, n: number): number {
  const first = dayOf(year, month, 1);
  const firstSunday = first + ((7 - weekday(first)) % 7);
  return firstSunday + 7 * (n - 1);
}

/** Offset from UTC in minutes at the UTC instant `ms`. */
export function utcOffsetMinutes(zone: DemoTimeZone, ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  if (zone === 'America/New_York') {
    const start = nthSunday(year, 3, 2) * DAY_MS + 7 * 3_600_000;
    const end = nthSunday(year, 11, 1) * DAY_MS + 6 * 3_600_000;
    return ms >= start && ms < end ? -240 : -300;
  }
  const start = lastSunday(year, 3) * DAY_MS + 3_600_000;
  const end = lastSunday(year, 10) * DAY_MS + 3_600_000;
  const summer = ms >= start && ms < end ? 60 : 0;
  return (zone === 'Europe/Berlin' ? 60 : 0) + summer;
}

/** UTC instant of a local wall-clock time (`second` = seconds since local midnight). */
export function localToUtcMs(zone: DemoTimeZone, day: number, second: number): number {
  const wall = day * DAY_MS + second * 1000;
  const guess = wall - utcOffsetMinutes(zone, wall) * 60_000;
  return wall - utcOffsetMinutes(zone, guess) * 60_000;
}

function wallParts(ms: number): string {
  const d = new Date(ms);
  return `${d.toISOString().slice(0, 10)} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/** Odoo datetime: 'YYYY-MM-DD HH:MM:SS' in UTC. */
export function odooDatetime(ms: number): string {
  return wallParts(ms);
}

/** Local wall time with offset, Shopify style: '2026-10-22 09:14:26 +0200'. */
export function localWithOffset(zone: DemoTimeZone, ms: number): string {
  const offset = utcOffsetMinutes(zone, ms);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wallParts(ms + offset * 60_000)} ${sign}${pad2(Math.floor(abs / 60))}${pad2(abs % 60)}`;
}

/** Local wall time without offset or seconds, WooCommerce export style: '2026-10-22 10:14'. */
export function localMinutes(zone: DemoTimeZone, ms: number): string {
  return wallParts(ms + utcOffsetMinutes(zone, ms) * 60_000).slice(0, 16);
}

/** UTC wall time without seconds, Stripe Dashboard style: '2026-10-22 08:14'. */
export function utcMinutes(ms: number): string {
  return wallParts(ms).slice(0, 16);
}

/** Local calendar day of a UTC instant. */
export function localDay(zone: DemoTimeZone, ms: number): number {
  return Math.floor((ms + utcOffsetMinutes(zone, ms) * 60_000) / DAY_MS);
}
