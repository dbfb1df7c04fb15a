/**
 * Date periods of grouped reads: period start, end and Odoo's labels ("March 2025", "Q1 2025",
 * "W12 2025", "05 Mar 2025"), and the local calendar day of a UTC datetime in a time zone.
 */
export type Granularity = 'day' | 'week' | 'month' | 'quarter' | 'year';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 'YYYY-MM-DD' of a UTC 'YYYY-MM-DD HH:MM:SS' in time zone `tz` (UTC when absent or unknown). */
export function localDate(datetime: string, tz: unknown): string {
  if (typeof tz !== 'string' || !tz || tz === 'UTC') return datetime.slice(0, 10);
  try {
    const instant = new Date(`${datetime.slice(0, 10)}T${datetime.slice(11, 19) || '00:00:00'}Z`);
    return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  } catch {
    return datetime.slice(0, 10);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

export function periodOf(value: string, granularity: Granularity): { from: string; to: string; label: string } {
  const day = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth();
  let start: Date;
  let end: Date;
  let label: string;
  switch (granularity) {
    case 'day':
      start = day;
      end = new Date(Date.UTC(y, m, day.getUTCDate() + 1));
      label = `${pad(day.getUTCDate())} ${MONTHS[m].slice(0, 3)} ${y}`;
      break;
    case 'week': {
      const weekday = (day.getUTCDay() + 6) % 7;
      start = new Date(Date.UTC(y, m, day.getUTCDate() - weekday));
      end = new Date(start.getTime() + 7 * 86400000);
      const thursday = new Date(start.getTime() + 3 * 86400000);
      const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
      const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / 86400000 / 7 - ((firstThursday.getUTCDay() + 6) % 7 - 3) / 7);
      label = `W${week} ${thursday.getUTCFullYear()}`;
      break;
    }
    case 'quarter': {
      const q = Math.floor(m / 3);
      start = new Date(Date.UTC(y, q * 3, 1));
      end = new Date(Date.UTC(y, q * 3 + 3, 1));
      label = `Q${q + 1} ${y}`;
      break;
    }
    case 'year':
      start = new Date(Date.UTC(y, 0, 1));
      end = new Date(Date.UTC(y + 1, 0, 1));
      label = String(y);
      break;
    default:
      start = new Date(Date.UTC(y, m, 1));
      end = new Date(Date.UTC(y, m + 1, 1));
      label = `${MONTHS[m]} ${y}`;
  }
  return { from: iso(start), to: iso(end), label };
}


/** UTC 'YYYY-MM-DD HH:MM:SS' of local midnight of `day` in time zone `tz`. */
export function localMidnightUtc(day: string, tz: unknown): string {
  const guess = Date.parse(`${day}T00:00:00Z`);
  if (typeof tz !== 'string' || !tz || tz === 'UTC') return `${day} 00:00:00`;
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(guess));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return new Date(guess - (local - guess)).toISOString().slice(0, 19).replace('T', ' ');
  } catch {
    return `${day} 00:00:00`;
  }
}
