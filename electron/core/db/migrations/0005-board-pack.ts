import type { Migration } from './types';

/*
 * User-authored tables of the board pack (never touched by a sync):
 * - app_pack_commentary: the finance lead's commentary per month, scope ('group' or 'company:<id>') and
 *   section; one current text per slot, with who and when.
 * - app_pack_final: a pack marked final: who, when, the waiver text when data-quality checks did not
 *   pass, and the frozen snapshot (file and content hash) the pack is rendered from from then on.
 * Never edit this SQL once shipped: its checksum is recorded in every cache.
 */
const sql = `
CREATE TABLE app_pack_commentary (
  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  scope TEXT NOT NULL,
  section_id TEXT NOT NULL,
  body TEXT NOT NULL,
  author TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (month, scope, section_id)
) STRICT;

CREATE TABLE app_pack_final (
  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  scope TEXT NOT NULL,
  template TEXT NOT NULL CHECK (template IN ('board', 'sales')),
  marked_by TEXT NOT NULL CHECK (length(marked_by) > 0),
  marked_at TEXT NOT NULL,
  waiver TEXT,
  error_findings INTEGER NOT NULL,
  snapshot_file TEXT NOT NULL,
  snapshot_hash TEXT NOT NULL,
  PRIMARY KEY (month, scope, template)
) STRICT;
`;

export const migration: Migration = {
  version: 5,
  name: 'board-pack',
  sql,
  up: (db) => db.exec(sql),
};
