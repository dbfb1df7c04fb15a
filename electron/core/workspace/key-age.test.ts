import { describe, expect, it } from 'vitest';
import { KEY_LIFETIME_DAYS, KEY_REMINDER_DAYS, keyAgeOf } from './key-age';

const NOW = new Date('2026-11-28T09:00:00Z');
const DAY = 86_400_000;
/** A real-Odoo profile whose key was saved `days` days (possibly fractional) before NOW. */
const savedAgo = (days: number) => ({ kind: 'odoo' as const, keySavedAt: new Date(NOW.getTime() - days * DAY).toISOString() });

describe('keyAgeOf: the reminder before Odoo 19 expires a key (three months)', () => {
  it('uses a 90-day lifetime and reminds during the last 14 days', () => {
    expect(KEY_LIFETIME_DAYS).toBe(90);
    expect(KEY_REMINDER_DAYS).toBe(14);
  });

  it('is quiet while more than 14 days are left, including the last hours of day 75', () => {
    expect(keyAgeOf(savedAgo(0), true, NOW)).toMatchObject({ status: 'ok', ageDays: 0 });
    expect(keyAgeOf(savedAgo(75), true, NOW)).toMatchObject({ status: 'ok', ageDays: 75, message: 'Key saved 75 days ago.' });
    expect(keyAgeOf(savedAgo(75.99), true, NOW)).toMatchObject({ status: 'ok', ageDays: 75 });
  });

  it('reminds from day 76 (14 days left) to day 89 (1 day left), saying how many days remain', () => {
    const first = keyAgeOf(savedAgo(76), true, NOW);
    expect(first).toMatchObject({ status: 'expiring', ageDays: 76 });
    expect(first.message).toContain('about 14 days');
    const eighty = keyAgeOf(savedAgo(80), true, NOW);
    expect(eighty).toMatchObject({ status: 'expiring', ageDays: 80 });
    expect(eighty.message).toContain('about 10 days');
    const last = keyAgeOf(savedAgo(89.5), true, NOW);
    expect(last).toMatchObject({ status: 'expiring', ageDays: 89 });
    expect(last.message).toContain('about 1 day.');
  });

  it('calls the key expired from day 90 on and says where to make a new one', () => {
    const expired = keyAgeOf(savedAgo(90), true, NOW);
    expect(expired).toMatchObject({ status: 'expired', ageDays: 90 });
    expect(expired.message).toContain('Preferences > Account Security');
    expect(keyAgeOf(savedAgo(400), true, NOW)).toMatchObject({ status: 'expired', ageDays: 400 });
  });

  it('reports a missing key before looking at its age (nothing to sync with this session)', () => {
    const missing = keyAgeOf(savedAgo(10), false, NOW);
    expect(missing).toMatchObject({ status: 'missing', ageDays: null });
    expect(missing.message).toContain('enter it in Connection');
    expect(keyAgeOf({ kind: 'odoo', keySavedAt: null }, false, NOW).status).toBe('missing');
  });

  it('says the age is unknown when a stored key has no save date', () => {
    expect(keyAgeOf({ kind: 'odoo', keySavedAt: null }, true, NOW)).toMatchObject({ status: 'unknown', ageDays: null });
  });

  it('never reminds about the demo profile, whatever its dates or secrets', () => {
    expect(keyAgeOf({ kind: 'demo', keySavedAt: null }, false, NOW).status).toBe('not_needed');
    expect(keyAgeOf({ kind: 'demo', keySavedAt: savedAgo(200).keySavedAt }, true, NOW).status).toBe('not_needed');
  });
});
