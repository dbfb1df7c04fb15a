import type { KeyAge, Profile } from '../../../shared/rpc/contracts/workspace';

/** Odoo 19 issues API keys for at most three months by default. */
export const KEY_LIFETIME_DAYS = 90;
/** Start reminding two weeks before the expiry. */
export const KEY_REMINDER_DAYS = 14;

/**
 * How old the saved key is against Odoo 19's default lifetime. Odoo does not tell us a key's expiry
 * over the API, so the date the user saved it is the best estimate we have.
 */
export function keyAgeOf(profile: Pick<Profile, 'kind' | 'keySavedAt'>, hasKey: boolean, now: Date): KeyAge {
  if (profile.kind === 'demo') return { status: 'not_needed', ageDays: null, message: 'The demo company needs no API key.' };
  if (!hasKey) return { status: 'missing', ageDays: null, message: 'No API key for this session: enter it in Connection to sync. The cached data stays readable.' };
  if (!profile.keySavedAt) return { status: 'unknown', ageDays: null, message: 'The key age is unknown.' };
  const ageDays = Math.floor((now.getTime() - Date.parse(profile.keySavedAt)) / 86_400_000);
  const left = KEY_LIFETIME_DAYS - ageDays;
  if (left <= 0) {
    return { status: 'expired', ageDays, message: `The API key was saved ${ageDays} days ago and has probably expired (Odoo 19 keys last ${KEY_LIFETIME_DAYS} days). Create a new key in Odoo (Preferences > Account Security) and save it in Connection.` };
  }
  if (left <= KEY_REMINDER_DAYS) {
    return { status: 'expiring', ageDays, message: `The API key expires in about ${left} day${left === 1 ? '' : 's'}. Create a new one in Odoo before then and save it in Connection.` };
  }
  return { status: 'ok', ageDays, message: `Key saved ${ageDays} days ago.` };
}
