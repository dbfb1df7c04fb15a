import { z } from 'zod';
import { defineContract } from '../define';

/** How the app reaches Odoo: auto-detected, or forced (JSON-2 needs Odoo 19). */
export const ProtocolChoiceSchema = z.enum(['auto', 'json2', 'jsonrpc']);

/**
 * A connection profile: one Odoo database and its own cache file. The API key is never part of it;
 * only the date it was saved (for the Odoo 19 three-month expiry reminder).
 */
export const ProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['odoo', 'demo']),
  url: z.string(),
  db: z.string(),
  login: z.string().nullable(),
  protocol: ProtocolChoiceSchema,
  /** Companies to sync; null = every company the user may see. */
  companies: z.array(z.number().int()).nullable(),
  keySavedAt: z.string().nullable(),
  createdAt: z.string(),
  /** Demo profile only: the generated data's scale (the simulator is rebuilt with it on demand). */
  demoScale: z.enum(['small', 'medium', 'large']).optional(),
});
/** See {@link ProfileSchema}. */
export type Profile = z.infer<typeof ProfileSchema>;

/** Where the API key stands against Odoo 19's default three-month lifetime. */
export const KeyAgeSchema = z.object({
  status: z.enum(['ok', 'expiring', 'expired', 'unknown', 'missing', 'not_needed']),
  ageDays: z.number().nullable(),
  message: z.string(),
});
/** See {@link KeyAgeSchema}. */
export type KeyAge = z.infer<typeof KeyAgeSchema>;

/** A company as the cache knows it. */
export const CachedCompanySchema = z.object({ id: z.number().int(), name: z.string(), currency: z.string() });

/** What the shell needs to draw itself: profiles, the active cache, online state. */
export const WorkspaceStateSchema = z.object({
  dataDir: z.string(),
  profiles: z.array(ProfileSchema),
  activeProfileId: z.string().nullable(),
  active: z
    .object({
      profile: ProfileSchema,
      cacheFile: z.string(),
      hasData: z.boolean(),
      lastSync: z.object({ finishedAt: z.string(), status: z.string() }).nullable(),
      /** Seconds since the last good sync, null when never synced. */
      snapshotAgeSeconds: z.number().nullable(),
      companies: z.array(CachedCompanySchema),
      currencies: z.array(z.string()),
      /** First and last month with journal items in the cache. */
      months: z.object({ first: z.string(), last: z.string() }).nullable(),
      /** Months frozen as month-end snapshots (a lock in the UI). */
      closedMonths: z.array(z.string()),
      online: z.enum(['online', 'offline', 'unknown']),
      onlineCheckedAt: z.string().nullable(),
      onlineProblem: z.string().nullable(),
      serverVersion: z.string().nullable(),
      keyAge: KeyAgeSchema,
      syncing: z.boolean(),
    })
    .nullable(),
});
/** See {@link WorkspaceStateSchema}. */
export type WorkspaceState = z.infer<typeof WorkspaceStateSchema>;

/** Profiles and the active cache. */
export const workspaceContract = defineContract({
  /** The shell's state: profiles, the active cache (companies, months, last sync), online or not. */
  'workspace.getState': { input: z.object({}).strict(), output: WorkspaceStateSchema },
  /** Switches the active profile (its cache opens; nothing is synced). */
  'workspace.selectProfile': { input: z.object({ profileId: z.string().min(1) }).strict(), output: WorkspaceStateSchema },
  /** Asks the active profile's server whether it answers (a cheap version call), then returns the state. */
  'workspace.checkOnline': { input: z.object({}).strict(), output: WorkspaceStateSchema },
});
