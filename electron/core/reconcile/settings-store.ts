/**
 * Per-channel reconciliation settings and saved generic-CSV column mappings (user tables).
 */
import type Database from 'better-sqlite3';
import type { ChannelSetting } from '../../../shared/reconcile/types';
import { AppError } from '../../../shared/rpc/errors';
import type { Clock } from '../clock';
import { SourceMappingSchema, type SourceMapping } from '../importers/formats/generic-csv';

/** All saved channel settings. */
export function loadChannelSettings(db: Database.Database): ChannelSetting[] {
  const rows = db.prepare('SELECT * FROM app_channel_setting ORDER BY channel').all() as Array<Record<string, unknown>>;
  return rows.map((row) => {
    const setting: ChannelSetting = {
      channel: String(row.channel),
      shippingInOdoo: Number(row.shipping_in_odoo) === 1,
      settlementSources: JSON.parse(String(row.settlement_sources_json)) as string[],
    };
    if (row.rounding_tolerance_minor !== null) setting.roundingToleranceMinor = Number(row.rounding_tolerance_minor);
    if (row.date_window_days !== null) setting.dateWindowDays = Number(row.date_window_days);
    return setting;
  });
}

/** Creates or replaces a channel's settings. */
export function saveChannelSetting(db: Database.Database, setting: ChannelSetting, clock: Clock): void {
  db.prepare(`
    INSERT INTO app_channel_setting (channel, shipping_in_odoo, rounding_tolerance_minor, date_window_days, settlement_sources_json, updated_at)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (channel) DO UPDATE SET shipping_in_odoo = excluded.shipping_in_odoo, rounding_tolerance_minor = excluded.rounding_tolerance_minor,
      date_window_days = excluded.date_window_days, settlement_sources_json = excluded.settlement_sources_json, updated_at = excluded.updated_at`,
  ).run(setting.channel, setting.shippingInOdoo ? 1 : 0, setting.roundingToleranceMinor ?? null, setting.dateWindowDays ?? null,
    JSON.stringify(setting.settlementSources ?? []), clock.now().toISOString());
}

/** All saved generic mappings (invalid stored JSON is reported, not skipped silently). */
export function loadMappings(db: Database.Database): SourceMapping[] {
  const rows = db.prepare('SELECT name, mapping_json FROM app_source_mapping ORDER BY name').all() as Array<{ name: string; mapping_json: string }>;
  return rows.map((row) => {
    const parsed = SourceMappingSchema.safeParse(JSON.parse(row.mapping_json));
    if (!parsed.success) throw new AppError('cache.damaged', `saved column mapping "${row.name}" is invalid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
    return parsed.data;
  });
}

/** Validates and saves a mapping (replacing one with the same name). */
export function saveMapping(db: Database.Database, mapping: unknown, clock: Clock): SourceMapping {
  const parsed = SourceMappingSchema.safeParse(mapping);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('validation', `invalid column mapping: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown problem'}`);
  }
  db.prepare(`INSERT INTO app_source_mapping (name, mapping_json, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (name) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`)
    .run(parsed.data.name, JSON.stringify(parsed.data), clock.now().toISOString());
  return parsed.data;
}
