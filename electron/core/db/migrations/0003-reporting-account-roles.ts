import type { Migration } from './types';

/*
 * Balance-sheet roles the account_type cannot express: which asset_current accounts hold
 * inventory (stock valuation) — needed for inventory value and days of supply. Per company,
 * matched by account code prefix (longest prefix wins). User-authored, never touched by a sync.
 * Never edit this SQL once shipped: its checksum is recorded in every cache.
 */
const sql = `
CREATE TABLE app_account_role (
  company_id INTEGER NOT NULL,
  code_prefix TEXT NOT NULL CHECK (length(code_prefix) > 0),
  role TEXT NOT NULL CHECK (role IN ('inventory')),
  note TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (company_id, code_prefix, role)
) STRICT;
`;

export const migration: Migration = {
  version: 3,
  name: 'reporting-account-roles',
  sql,
  up: (db) => db.exec(sql),
};
