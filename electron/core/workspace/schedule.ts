import type { Settings } from '../../../shared/rpc/contracts/settings';

type Schedule = Settings['schedule'];

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** ISO weekday (1 = Monday) in local time. */
function isoWeekday(date: Date): number {
  return ((date.getDay() + 6) % 7) + 1;
}

/** Whether `at` (local time) falls inside the schedule's business hours. */
export function withinBusinessHours(schedule: Schedule, at: Date): boolean {
  if (!schedule.weekdays.includes(isoWeekday(at))) return false;
  const minute = at.getHours() * 60 + at.getMinutes();
  return minute >= minutesOf(schedule.from) && minute < minutesOf(schedule.to);
}

/**
 * When the next automatic sync is due: `everyMinutes` after the last run, moved forward to the next
 * business-hours opening if that falls outside them. Null when the schedule is off or has no weekday.
 */
export function nextScheduledRun(schedule: Schedule, lastRunAt: Date | null, now: Date): Date | null {
  if (!schedule.enabled || schedule.weekdays.length === 0 || minutesOf(schedule.from) >= minutesOf(schedule.to)) return null;
  const due = lastRunAt ? new Date(Math.max(lastRunAt.getTime() + schedule.everyMinutes * 60_000, now.getTime())) : now;
  if (withinBusinessHours(schedule, due)) return due;
  // Walk forward day by day to the next opening (at most a week).
  const start = minutesOf(schedule.from);
  for (let days = 0; days <= 7; days++) {
    const candidate = new Date(due.getFullYear(), due.getMonth(), due.getDate() + days, Math.floor(start / 60), start % 60, 0, 0);
    if (candidate.getTime() >= due.getTime() && withinBusinessHours(schedule, candidate)) return candidate;
  }
  return null;
}
