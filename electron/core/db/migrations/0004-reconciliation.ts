import type { Migration } from './types';

/*
 * User-authored tables of e-commerce reconciliation (never touched by a sync, so imports,
 * settings and exception decisions survive re-syncs):
 * - app_import_batch: one row per imported file (name, SHA-256, format, row accounting, the
 *   rejected rows with their reasons). The same file twice is recognised by its hash.
 * - app_shop_order / app_settlement_line / app_payout: the canonical records of the imports,
 *   upserted by (channel, order key) / (source, line id) / (source, payout key) so overlapping
 *   or repeated exports never duplicate anything; data_json is the canonical record.
 * - app_recon_exception: the decision on one category of one record (open, resolved, ignored),
 *   with note, who and when; keyed by (record_key, category) so a new kind of problem on the
 *   same order is not hidden by an old decision.
 * - app_source_mapping: saved column mappings for generic CSV sources.
 * - app_channel_setting: per channel, whether Odoo books shipping as revenue, tolerances,
 *   which provider files settle the channel.
 * Never edit this SQL once shipped: its checksum is recorded in every cache.
 */
const sql = `
CREATE TABLE app_import_batch (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  format TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  encoding TEXT NOT NULL,
  rows_read INTEGER NOT NULL,
  rows_imported INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  rejected_json TEXT NOT NULL,
  records_inserted INTEGER NOT NULL,
  records_updated INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT,
  CHECK (rows_read = rows_imported + rows_rejected)
) STRICT;

CREATE TABLE app_shop_order (
  channel TEXT NOT NULL,
  order_key TEXT NOT NULL,
  order_key_norm TEXT NOT NULL,
  created_local_date TEXT NOT NULL,
  currency TEXT NOT NULL,
  total INTEGER NOT NULL,
  data_json TEXT NOT NULL,
  batch_id INTEGER NOT NULL REFERENCES app_import_batch (id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (channel, order_key)
) STRICT;
CREATE INDEX app_shop_order_by_date ON app_shop_order (created_local_date);

CREATE TABLE app_settlement_line (
  source TEXT NOT NULL,
  line_id TEXT NOT NULL,
  order_key TEXT NOT NULL,
  kind TEXT NOT NULL,
  occurred_local_date TEXT NOT NULL,
  currency TEXT NOT NULL,
  gross INTEGER NOT NULL,
  data_json TEXT NOT NULL,
  batch_id INTEGER NOT NULL REFERENCES app_import_batch (id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (source, line_id)
) STRICT;
CREATE INDEX app_settlement_line_by_date ON app_settlement_line (occurred_local_date);

CREATE TABLE app_payout (
  source TEXT NOT NULL,
  payout_key TEXT NOT NULL,
  payout_date TEXT NOT NULL,
  currency TEXT NOT NULL,
  total INTEGER NOT NULL,
  data_json TEXT NOT NULL,
  batch_id INTEGER NOT NULL REFERENCES app_import_batch (id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (source, payout_key)
) STRICT;

CREATE TABLE app_recon_exception (
  record_key TEXT NOT NULL,
  category TEXT NOT NULL,
  channel TEXT NOT NULL,
  month TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'ignored')),
  note TEXT,
  decided_by TEXT,
  decided_at TEXT,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  summary_json TEXT NOT NULL,
  PRIMARY KEY (record_key, category),
  CHECK (status = 'open' OR (decided_by IS NOT NULL AND decided_at IS NOT NULL))
) STRICT;
CREATE INDEX app_recon_exception_by_month ON app_recon_exception (month, channel);

CREATE TABLE app_source_mapping (
  name TEXT PRIMARY KEY,
  mapping_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE app_channel_setting (
  channel TEXT PRIMARY KEY,
  shipping_in_odoo INTEGER NOT NULL DEFAULT 1 CHECK (shipping_in_odoo IN (0, 1)),
  rounding_tolerance_minor INTEGER CHECK (rounding_tolerance_minor IS NULL OR rounding_tolerance_minor >= 0),
  date_window_days INTEGER CHECK (date_window_days IS NULL OR date_window_days >= 0),
  settlement_sources_json TEXT NOT NULL DEFAULT '[]',
  updated_at TEXT NOT NULL
) STRICT;
`;

export const migration: Migration = {
  version: 4,
  name: 'reconciliation',
  sql,
  up: (db) => db.exec(sql),
};
