import { z } from 'zod';
import { defineContract } from '../define';

const HourSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, e.g. 08:00');

/**
 * User settings the core owns (stored in the data folder). UI-only preferences (window size, last
 * screen) stay in the host's own store.
 */
export const SettingsSchema = z.object({
  theme: z.enum(['light', 'dark', 'auto']),
  /** BCP 47 tag for numbers and dates, e.g. en-GB, de-DE. */
  locale: z.string().min(2).max(20),
  /** IANA timezone used to cut datetimes into months; null = the company's/user's Odoo timezone. */
  timezone: z.string().nullable(),
  /** Override of the fiscal year's first month (1-12); null = from Odoo's company settings. */
  fiscalYearStartMonth: z.number().int().min(1).max(12).nullable(),
  presentationCurrency: z.string().regex(/^[A-Z]{3}$/).nullable(),
  /**
   * Reconciliation DEFAULTS for every channel without its own value. The per-channel rules
   * (shipping as revenue, overrides, settlement sources) are company data and live in the cache
   * (`reconcile.listChannelRules`); a settings file that still has the old `channels` key loads
   * fine, the key is dropped.
   */
  reconciliation: z.object({
    /** Absolute tolerance in minor units (cents) before a difference counts. */
    amountToleranceMinor: z.number().int().min(0).max(100_000),
    /** Days a shop order and an Odoo order may lie apart and still be suggested as a match. */
    dateWindowDays: z.number().int().min(0).max(60),
  }),
  schedule: z.object({
    enabled: z.boolean(),
    everyMinutes: z.number().int().min(5).max(24 * 60),
    from: HourSchema,
    to: HourSchema,
    /** ISO weekdays, 1 = Monday. */
    weekdays: z.array(z.number().int().min(1).max(7)),
  }),
  /** Draft invoices older than this are flagged by the data-quality checks. */
  staleDraftDays: z.number().int().min(1).max(365),
});
/** See {@link SettingsSchema}. */
export type Settings = z.infer<typeof SettingsSchema>;

/** The settings a fresh install starts with. */
export const DEFAULT_SETTINGS: Settings = {
  theme: 'auto',
  locale: 'en-GB',
  timezone: null,
  fiscalYearStartMonth: null,
  presentationCurrency: null,
  reconciliation: { amountToleranceMinor: 1, dateWindowDays: 3 },
  schedule: { enabled: false, everyMinutes: 15, from: '08:00', to: '18:00', weekdays: [1, 2, 3, 4, 5] },
  staleDraftDays: 30,
};

/** Settings: read all, change some. */
export const settingsContract = defineContract({
  'settings.get': { input: z.object({}).strict(), output: SettingsSchema.extend({ dataDir: z.string() }) },
  /** Merges the given top-level keys into the stored settings and returns the result. */
  'settings.set': { input: SettingsSchema.partial().strict(), output: SettingsSchema.extend({ dataDir: z.string() }) },
});
