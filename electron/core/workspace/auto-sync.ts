import type { Settings } from '../../../shared/rpc/contracts/settings';
import type { Clock } from '../clock';
import type { Logger } from '../logging/logger';
import { createSyncSchedule, type ScheduleDecision } from '../sync/schedule';

/** How often the scheduler asks whether a sync is due; the schedule itself works in minutes. */
export const AUTO_SYNC_CHECK_MS = 60_000;

export interface AutoSyncDeps {
  clock: Clock;
  logger: Logger;
  schedule: () => Settings['schedule'];
  /** IANA zone the business hours are read in (the user's zone: a desktop app has one user). */
  timeZone: () => string;
  activeProfileId: () => string | null;
  /** The workspace's own online state for the profile; may re-check the network when it says offline. */
  isOnline: (profileId: string) => Promise<boolean>;
  isSyncing: () => boolean;
  /** When the profile's last sync started, from the cache's run log (what "next run" is shown from). */
  lastSyncAt: (profileId: string) => Date | null;
  /** Starts a sync through the same runner "Sync now" uses. */
  startSync: (profileId: string) => void;
}

export type AutoSyncCheck = ScheduleDecision | { run: false; reason: 'disabled' | 'no_profile' | 'stopped' };

/** ISO weekday (1 = Monday ... 7 = Sunday) to JavaScript's (0 = Sunday). */
const jsWeekday = (iso: number) => iso % 7;

/**
 * Automatic sync during business hours: every minute, asks the pure schedule policy whether the
 * active profile is due and, if so, starts one sync. The timer is unref'd so it never keeps the
 * process alive, and `stop()` ends it for good.
 */
export function createAutoSync(deps: AutoSyncDeps) {
  const logger = deps.logger.child('auto-sync');
  let timer: ReturnType<typeof setInterval> | null = null;
  let stopped = false;
  // A check awaits the online probe; a second tick must not start a second sync meanwhile.
  let checking = false;

  async function check(): Promise<AutoSyncCheck> {
    if (stopped) return { run: false, reason: 'stopped' };
    const settings = deps.schedule();
    if (!settings.enabled) return { run: false, reason: 'disabled' };
    const profileId = deps.activeProfileId();
    if (!profileId) return { run: false, reason: 'no_profile' };
    if (checking) return { run: false, reason: 'busy' };
    checking = true;
    try {
      let online = true;
      const policy = createSyncSchedule({
        everyMinutes: settings.everyMinutes,
        businessHours: { start: settings.from, end: settings.to, days: settings.weekdays.map(jsWeekday) },
        tz: deps.timeZone(),
        isOnline: () => online,
        isIdle: () => !deps.isSyncing(),
      });
      const now = deps.clock.now();
      const last = deps.lastSyncAt(profileId);
      // Cheap checks first (due, hours, idle); only then ask about the network.
      const before = policy.decide(now, last);
      if (!before.run) return before;
      online = await deps.isOnline(profileId);
      const decision = policy.decide(now, last);
      if (!decision.run || stopped || deps.activeProfileId() !== profileId) return decision.run ? { run: false, reason: 'stopped' } : decision;
      deps.startSync(profileId);
      logger.info('automatic sync started', { profileId });
      return decision;
    } finally {
      checking = false;
    }
  }

  async function tick(): Promise<void> {
    try {
      await check();
    } catch (error) {
      // A failed check (e.g. a damaged cache) must not kill the timer; the next minute tries again.
      logger.warn('automatic sync check failed', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  return {
    /** Starts the minute timer (idempotent). */
    start(): void {
      if (timer || stopped) return;
      timer = setInterval(() => void tick(), AUTO_SYNC_CHECK_MS);
      timer.unref?.();
    },
    /** Stops the timer; later ticks and checks do nothing. */
    stop(): void {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
    },
    /** One check now, as the timer does; returns why nothing started, for tests and logs. */
    check,
    isStarted: () => timer !== null,
  };
}

export type AutoSync = ReturnType<typeof createAutoSync>;
