import { describe, expect, it } from 'vitest';
import { createSyncSchedule } from './schedule';

const base = { everyMinutes: 15, businessHours: { start: '08:00', end: '18:00', days: [1, 2, 3, 4, 5] }, tz: 'Europe/Brussels' };

describe('createSyncSchedule', () => {
  it('runs every 15 minutes inside business hours in the user timezone', () => {
    const schedule = createSyncSchedule({ ...base, isOnline: () => true, isIdle: () => true });
    // Wednesday 2026-11-25 08:00 in Brussels is 07:00 UTC.
    expect(schedule.decide(new Date('2026-11-25T06:59:00Z'), null)).toEqual({ run: false, reason: 'outside_hours' });
    expect(schedule.decide(new Date('2026-11-25T07:00:00Z'), null)).toEqual({ run: true });
    expect(schedule.decide(new Date('2026-11-25T07:14:59Z'), new Date('2026-11-25T07:00:00Z'))).toEqual({ run: false, reason: 'not_due' });
    expect(schedule.decide(new Date('2026-11-25T07:15:00Z'), new Date('2026-11-25T07:00:00Z'))).toEqual({ run: true });
    // 18:00 local is the end (exclusive).
    expect(schedule.decide(new Date('2026-11-25T16:59:00Z'), null)).toEqual({ run: true });
    expect(schedule.decide(new Date('2026-11-25T17:00:00Z'), null)).toEqual({ run: false, reason: 'outside_hours' });
    // Saturday.
    expect(schedule.decide(new Date('2026-11-28T10:00:00Z'), null)).toEqual({ run: false, reason: 'outside_hours' });
  });

  it('follows daylight saving time: 08:00 Brussels is 06:00 UTC in summer', () => {
    const schedule = createSyncSchedule({ ...base, isOnline: () => true, isIdle: () => true });
    expect(schedule.decide(new Date('2026-07-01T06:00:00Z'), null)).toEqual({ run: true });
    expect(schedule.decide(new Date('2026-07-01T05:59:00Z'), null)).toEqual({ run: false, reason: 'outside_hours' });
  });

  it('waits while offline or busy, and runs around the clock without business hours', () => {
    let online = false;
    let idle = false;
    const schedule = createSyncSchedule({ ...base, isOnline: () => online, isIdle: () => idle });
    const at = new Date('2026-11-25T10:00:00Z');
    expect(schedule.decide(at, null)).toEqual({ run: false, reason: 'offline' });
    online = true;
    expect(schedule.decide(at, null)).toEqual({ run: false, reason: 'busy' });
    idle = true;
    expect(schedule.decide(at, null)).toEqual({ run: true });
    const always = createSyncSchedule({ everyMinutes: 60, tz: 'UTC', isOnline: () => true, isIdle: () => true });
    expect(always.decide(new Date('2026-11-28T03:00:00Z'), null)).toEqual({ run: true });
    expect(() => createSyncSchedule({ ...base, businessHours: { ...base.businessHours, start: '8am' }, isOnline: () => true, isIdle: () => true })).toThrow(/HH:MM/);
  });
});
