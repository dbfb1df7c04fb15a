import { TZDate } from '@date-fns/tz';
import type { Settings } from '../../../shared/rpc/contracts/settings';

type Schedule = Settings['schedule'];

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** ISO weekday (1 = Monday) of a wall-clock date. */
function isoWeekday(local: TZDate): number {
  return ((local.getDay() + 6) % 7) + 1;
}

/**
 * Whether the instant `at` falls inside the schedule's business hours read in `timeZone`, the same
 * reading the automatic-sync policy (electron/core/sync/schedule.ts) makes before it starts a run.
 */
export function withinBusinessHours(schedule: Schedule, at: Date, timeZone: string): boolean {
  const local = new TZDate(at.getTime(), timeZone);
  if (!schedule.weekdays.includes(isoWeekday(local))) return false;
  const minute = local.getHours() * 60 + local.getMinutes();
  return minute >= minutesOf(schedule.from) && minute < minutesOf(schedule.to);
}

/**
 * When the next automatic sync is due: `everyMinutes` after the last run, moved forward to the next
 * business-hours opening in `timeZone` (the scheduler's zone: Settings timezone, else the machine's)
 * if that falls outside them. Null when the schedule is off, has no weekday or an empty day.
 */
export function nextScheduledRun(schedule: Schedule, lastRunAt: Date | null, now: Date, timeZone: string): Date | null {
  if (!schedule.enabled || schedule.weekdays.length === 0 || minutesOf(schedule.from) >= minutesOf(schedule.to)) return null;
  const due = lastRunAt ? new Date(Math.max(lastRunAt.getTime() + schedule.everyMinutes * 60_000, now.getTime())) : now;
  if (withinBusinessHours(schedule, due, timeZone)) return due;
  // Walk forward day by day (in the zone's calendar, so a DST change moves the UTC instant, not the wall time).
  const start = minutesOf(schedule.from);
  const local = new TZDate(due.getTime(), timeZone);
  for (let days = 0; days <= 7; days++) {
    const opening = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + days, Math.floor(start / 60), start % 60, 0, 0, timeZone);
    // A plain Date: TZDate's toISOString would print the zone's offset instead of UTC.
    const candidate = new Date(opening.getTime());
    if (candidate.getTime() >= due.getTime() && withinBusinessHours(schedule, candidate, timeZone)) return candidate;
  }
  return null;
}

/** "Mon–Fri" for a run of days, else the days listed: "Mon, Wed, Sat". */
function weekdaysText(weekdays: number[]): string {
  const days = [...new Set(weekdays)].sort((a, b) => a - b);
  const consecutive = days.length > 2 && days.every((day, index) => index === 0 || day === days[index - 1] + 1);
  if (days.length === 7) return 'every day';
  if (consecutive) return `${WEEKDAY_NAMES[days[0] - 1]}\u2013${WEEKDAY_NAMES[days[days.length - 1] - 1]}`;
  return days.map((day) => WEEKDAY_NAMES[day - 1]).join(', ');
}

/** The Sync center's one-line description of the schedule, naming the zone its hours are read in. */
export function scheduleNote(schedule: Schedule, timeZone: string): string {
  if (!schedule.enabled) return 'Automatic sync is off (Settings > Schedule).';
  return `Every ${schedule.everyMinutes} min, ${schedule.from}\u2013${schedule.to} ${timeZone} time, ${weekdaysText(schedule.weekdays)}, when online and idle.`;
}
