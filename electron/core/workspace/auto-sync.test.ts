import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RpcEvent } from '../../../shared/rpc/envelope';
import { fixedClock } from '../clock';
import { settingTimeZone } from '../../../shared/period/timezone';
import { AUTO_SYNC_CHECK_MS } from './auto-sync';
import { startTestCore, type TestCore } from './test-core';

/** Local wall-clock times (the scheduler reads business hours in the machine's zone). 2026-11-25 is a Wednesday. */
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute);

const autoStarts = (events: RpcEvent[], since = 0) =>
  events.slice(since).filter((e) => e.event === 'workspace.changed' && (e.payload as { reason: string }).reason === 'sync.started').length;

/** Lets the scheduler's minute timer fire, then lets its async check (online probe) finish. */
async function minutePasses(times = 1): Promise<void> {
  await vi.advanceTimersByTimeAsync(AUTO_SYNC_CHECK_MS * times);
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('automatic sync during business hours, through the real core and the demo simulator', () => {
  const cores: TestCore[] = [];
  beforeEach(() => {
    // Only the interval is fake: HTTP to the simulator and the test's own waits use real timers.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  });
  afterEach(async () => {
    for (const c of cores.splice(0)) await c.close();
    vi.useRealTimers();
  });

  it('starts exactly one sync when due, none while busy, outside hours or offline, and stops on close', async () => {
    const clock = fixedClock(at(25, 10));
    const c = startTestCore({ clock });
    cores.push(c);
    expect(vi.getTimerCount()).toBe(1);

    await c.call('demo.start', { scale: 'small' });
    await c.waitFor('sync.completed');
    await c.call('settings.set', { schedule: { enabled: true, everyMinutes: 15, from: '08:00', to: '18:00', weekdays: [1, 2, 3, 4, 5] } });
    const runs = async () => (await c.call('sync.history', { limit: 50 })).runs.length;
    expect(await runs()).toBe(1);

    // 10:05, the last run started at 10:00: not due yet.
    clock.set(at(25, 10, 5));
    let since = c.events.length;
    await minutePasses();
    expect(autoStarts(c.events, since)).toBe(0);

    // 10:40 and due, but a manual sync is running: the scheduler waits.
    clock.set(at(25, 10, 40));
    since = c.events.length;
    await c.call('sync.start', { full: true });
    await minutePasses();
    expect(autoStarts(c.events, since)).toBe(1);
    await c.call('sync.cancel', {});
    await c.waitFor('sync.completed', since);
    expect(await runs()).toBe(2);

    // 11:00, 20 minutes after the last start, online and idle: exactly one sync, even over two ticks.
    clock.set(at(25, 11));
    since = c.events.length;
    await minutePasses(2);
    const completed = await c.waitFor('sync.completed', since);
    expect(completed.payload).toMatchObject({ status: 'ok' });
    const runId = (completed.payload as { runId: string }).runId;
    expect(c.events.slice(since).some((e) => e.event === 'sync.progressed' && (e.payload as { runId: string }).runId === runId)).toBe(true);
    await minutePasses();
    expect(autoStarts(c.events, since)).toBe(1);
    expect(await runs()).toBe(3);
    const history = await c.call('sync.history', { limit: 1 });
    expect(history.runs[0]).toMatchObject({ status: 'ok', startedAt: at(25, 11).toISOString() });

    // Due by the clock but outside business hours: 19:00 on Wednesday, 10:00 on Saturday.
    for (const outside of [at(25, 19), at(28, 10)]) {
      clock.set(outside);
      since = c.events.length;
      await minutePasses();
      expect(autoStarts(c.events, since)).toBe(0);
    }
    expect(await runs()).toBe(3);

    // Schedule switched off: nothing, even when due in business hours.
    await c.call('settings.set', { schedule: { enabled: false, everyMinutes: 15, from: '08:00', to: '18:00', weekdays: [1, 2, 3, 4, 5] } });
    clock.set(at(26, 10));
    since = c.events.length;
    await minutePasses();
    expect(autoStarts(c.events, since)).toBe(0);
    await c.call('settings.set', { schedule: { enabled: true, everyMinutes: 15, from: '08:00', to: '18:00', weekdays: [1, 2, 3, 4, 5] } });

    // close() stops the timer: no interval is left behind.
    await c.close(false);
    cores.splice(0);
    expect(vi.getTimerCount()).toBe(0);

    // A restarted core over the same data: the demo server is not running, so the profile is offline.
    const restarted = startTestCore({ clock, dataDir: c.dataDir });
    cores.push(restarted);
    expect((await restarted.call('workspace.getState', {})).active?.online).toBe('offline');
    await minutePasses(2);
    expect(autoStarts(restarted.events)).toBe(0);
    expect((await restarted.call('sync.history', { limit: 50 })).runs.length).toBe(3);
  }, 120_000);
});

describe('business hours follow the Settings timezone', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads the same instant as inside hours in Berlin and outside them in Auckland', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    // 10:00 UTC on Wednesday is 11:00 in Berlin and 23:00 in Auckland.
    const clock = fixedClock('2026-11-25T10:00:00Z');
    const c = startTestCore({ clock });
    try {
      await c.call('demo.start', { scale: 'small' });
      await c.waitFor('sync.completed');
      clock.set('2026-11-25T10:30:00Z');
      const schedule = { enabled: true, everyMinutes: 15, from: '08:00', to: '18:00', weekdays: [1, 2, 3, 4, 5] };
      await c.call('settings.set', { schedule, timezone: 'Pacific/Auckland' });
      let since = c.events.length;
      await minutePasses();
      expect(autoStarts(c.events, since)).toBe(0);

      await c.call('settings.set', { timezone: 'Europe/Berlin' });
      since = c.events.length;
      await minutePasses();
      expect(autoStarts(c.events, since)).toBe(1);
      await c.waitFor('sync.completed', since);
    } finally {
      await c.close();
    }
  }, 120_000);

  it('falls back to the machine zone for an unknown one', () => {
    const machine = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(settingTimeZone(null)).toBe(machine);
    expect(settingTimeZone('Not/AZone')).toBe(machine);
    expect(settingTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
  });
});
