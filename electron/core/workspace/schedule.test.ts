import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../shared/rpc/contracts/settings';
import { fixedClock } from '../clock';
import { createSyncSchedule } from '../sync/schedule';
import { AUTO_SYNC_CHECK_MS } from './auto-sync';
import { nextScheduledRun, scheduleNote } from './schedule';
import { startTestCore, type TestCore } from './test-core';

const BRUSSELS = 'Europe/Brussels';
const OFFICE: Settings['schedule'] = { enabled: true, everyMinutes: 15, from: '08:00', to: '18:00', weekdays: [1, 2, 3, 4, 5] };
const utc = (iso: string) => new Date(iso);

/**
 * What the automatic-sync timer would do: tick every minute from `now` and ask the scheduler's own policy
 * (online and idle) whether to start; the first tick that says yes is the run.
 */
function firstRunByTheScheduler(schedule: Settings['schedule'], timeZone: string, lastRunAt: Date | null, now: Date): Date | null {
  const policy = createSyncSchedule({
    everyMinutes: schedule.everyMinutes,
    businessHours: { start: schedule.from, end: schedule.to, days: schedule.weekdays.map((iso) => iso % 7) },
    tz: timeZone,
    isOnline: () => true,
    isIdle: () => true,
  });
  for (let minute = 0; minute <= 8 * 24 * 60; minute++) {
    const tick = new Date(now.getTime() + minute * 60_000);
    if (policy.decide(tick, lastRunAt).run) return tick;
  }
  return null;
}

describe('nextScheduledRun reads business hours in the scheduler\'s zone', () => {
  const cases: Array<{ what: string; last: string | null; now: string; next: string }> = [
    { what: 'inside hours and never synced: now', last: null, now: '2026-11-25T07:30:00Z', next: '2026-11-25T07:30:00Z' },
    { what: 'inside hours, 15 min after the last run', last: '2026-11-25T08:00:00Z', now: '2026-11-25T08:05:00Z', next: '2026-11-25T08:15:00Z' },
    { what: 'before the 08:00 CET opening', last: null, now: '2026-11-25T06:00:00Z', next: '2026-11-25T07:00:00Z' },
    { what: 'Friday evening in summer time to Monday in winter time (25 Oct 2026 change)', last: '2026-10-23T15:50:00Z', now: '2026-10-23T16:30:00Z', next: '2026-10-26T07:00:00Z' },
    { what: 'Friday evening in winter time to Monday in summer time (28 Mar 2027 change)', last: null, now: '2027-03-26T18:00:00Z', next: '2027-03-29T06:00:00Z' },
    { what: 'due after closing (17:55 + 15 min)', last: '2026-11-25T16:55:00Z', now: '2026-11-25T16:56:00Z', next: '2026-11-26T07:00:00Z' },
  ];
  for (const { what, last, now, next } of cases) {
    it(what, () => {
      const lastRun = last ? utc(last) : null;
      expect(nextScheduledRun(OFFICE, lastRun, utc(now), BRUSSELS)?.toISOString()).toBe(utc(next).toISOString());
      expect(firstRunByTheScheduler(OFFICE, BRUSSELS, lastRun, utc(now))?.toISOString()).toBe(utc(next).toISOString());
    });
  }

  it('gives no run when the schedule is off, has no day or an empty window', () => {
    const now = utc('2026-11-25T07:30:00Z');
    expect(nextScheduledRun({ ...OFFICE, enabled: false }, null, now, BRUSSELS)).toBeNull();
    expect(nextScheduledRun({ ...OFFICE, weekdays: [] }, null, now, BRUSSELS)).toBeNull();
    expect(nextScheduledRun({ ...OFFICE, from: '18:00', to: '08:00' }, null, now, BRUSSELS)).toBeNull();
  });

  it('describes the hours with the zone they are read in', () => {
    expect(scheduleNote(OFFICE, BRUSSELS)).toBe('Every 15 min, 08:00\u201318:00 Europe/Brussels time, Mon\u2013Fri, when online and idle.');
    expect(scheduleNote({ ...OFFICE, weekdays: [1, 3, 6] }, 'UTC')).toBe('Every 15 min, 08:00\u201318:00 UTC time, Mon, Wed, Sat, when online and idle.');
    expect(scheduleNote({ ...OFFICE, enabled: false }, BRUSSELS)).toBe('Automatic sync is off (Settings > Schedule).');
  });
});

describe('the Sync center\'s next run is the run the scheduler starts (real core, fixed clock)', () => {
  const originalTz = process.env.TZ;
  const cores: TestCore[] = [];
  beforeAll(() => {
    // A machine zone far from Brussels: the answer must not depend on where the machine is.
    process.env.TZ = 'America/New_York';
  });
  afterAll(() => {
    process.env.TZ = originalTz;
  });
  afterEach(async () => {
    for (const c of cores.splice(0)) await c.close();
    vi.useRealTimers();
  });

  it('shows Monday 08:00 Brussels across the October DST change, and the scheduler starts then, not a minute earlier', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    // Friday 23 Oct 2026 17:50 in Brussels (CEST, UTC+2): the demo's first sync is the last run.
    const clock = fixedClock('2026-10-23T15:50:00Z');
    const c = startTestCore({ clock });
    cores.push(c);
    await c.call('demo.start', { scale: 'small' });
    await c.waitFor('sync.completed');
    await c.call('settings.set', { schedule: OFFICE, timezone: BRUSSELS });

    clock.set('2026-10-23T16:30:00Z');
    const status = await c.call('sync.status', {});
    expect(status.schedule).toMatchObject({ enabled: true, timeZone: BRUSSELS, nextRunAt: '2026-10-26T07:00:00.000Z' });
    expect(status.schedule.note).toContain('08:00\u201318:00 Europe/Brussels time');

    const autoStarts = (since: number) => c.events.slice(since).filter((e) => e.event === 'workspace.changed' && (e.payload as { reason: string }).reason === 'sync.started').length;
    const tickAt = async (iso: string) => {
      clock.set(iso);
      const since = c.events.length;
      await vi.advanceTimersByTimeAsync(AUTO_SYNC_CHECK_MS);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return since;
    };
    // 07:59 Brussels (06:59 UTC, winter time now): nothing; 08:00 (07:00 UTC): the run shown.
    expect(autoStarts(await tickAt('2026-10-26T06:59:00Z'))).toBe(0);
    const since = await tickAt('2026-10-26T07:00:00Z');
    expect(autoStarts(since)).toBe(1);
    await c.waitFor('sync.completed', since);
    const history = await c.call('sync.history', { limit: 1 });
    expect(history.runs[0].startedAt).toBe('2026-10-26T07:00:00.000Z');

    // Right after that run the next one is 15 minutes on, in the same zone.
    clock.set('2026-10-26T07:01:00Z');
    expect((await c.call('sync.status', {})).schedule.nextRunAt).toBe('2026-10-26T07:15:00.000Z');

    // Without a Settings timezone both fall back to the machine's: 08:00 in New York (still EDT, UTC-4) is 12:00 UTC.
    await c.call('settings.set', { timezone: null });
    clock.set('2026-10-26T11:00:00Z');
    expect((await c.call('sync.status', {})).schedule).toMatchObject({ timeZone: 'America/New_York', nextRunAt: '2026-10-26T12:00:00.000Z' });
  }, 120_000);
});
