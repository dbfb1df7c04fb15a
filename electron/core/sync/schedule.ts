import { TZDate } from '@date-fns/tz';

export interface BusinessHours {
  /** 'HH:MM' local time, inclusive. */
  start: string;
  /** 'HH:MM' local time, exclusive. */
  end: string;
  /** Days allowed, JavaScript numbering: 0 = Sunday, 1 = Monday ... 6 = Saturday. */
  days: number[];
}

export interface SyncScheduleOptions {
  everyMinutes: number;
  /** Omit to sync around the clock. */
  businessHours?: BusinessHours;
  /** IANA zone the business hours are in (the user's Odoo tz by default). */
  tz: string;
  isOnline: () => boolean;
  /** False while the user is busy (a report rendering, an import running, a sync in flight). */
  isIdle: () => boolean;
}

export type ScheduleDecision =
  | { run: true }
  | { run: false; reason: 'not_due' | 'outside_hours' | 'offline' | 'busy' };

export interface SyncSchedule {
  /** Whether an automatic sync should start now, given when the last one finished. */
  decide(now: Date, lastSyncAt: Date | null): ScheduleDecision;
}

function minutesOf(hhmm: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new Error(`business hours must be HH:MM, got "${hhmm}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The automatic-sync policy, pure so tests drive it with any clock: every N minutes, inside
 * business hours in the given zone, only when online and idle. Checks run cheapest-first and the
 * first failing one is the reason.
 */
export function createSyncSchedule(options: SyncScheduleOptions): SyncSchedule {
  if (!(options.everyMinutes > 0)) throw new Error('everyMinutes must be positive');
  const hours = options.businessHours;
  const start = hours ? minutesOf(hours.start) : 0;
  const end = hours ? minutesOf(hours.end) : 24 * 60;
  return {
    decide(now, lastSyncAt) {
      if (lastSyncAt !== null && now.getTime() - lastSyncAt.getTime() < options.everyMinutes * 60_000) return { run: false, reason: 'not_due' };
      if (hours) {
        const local = new TZDate(now.getTime(), options.tz);
        const minute = local.getHours() * 60 + local.getMinutes();
        if (!hours.days.includes(local.getDay()) || minute < start || minute >= end) return { run: false, reason: 'outside_hours' };
      }
      if (!options.isOnline()) return { run: false, reason: 'offline' };
      if (!options.isIdle()) return { run: false, reason: 'busy' };
      return { run: true };
    },
  };
}
