import type { Migration } from './types';

/*
 * User-authored tables of the reporting engine (never touched by a sync):
 * - app_account_mapping: per company, reclassifies accounts whose account_type does not separate
 *   what EBITDA needs (interest, income tax, FX, marketplace fees...). Matched by account code
 *   prefix, the longest prefix wins.
 * - app_budget: imported budget lines (company, KPI id or account code prefix, month, amount in
 *   minor units of the company currency), one batch per import so an import can be undone.
 * - app_csat: imported customer-satisfaction survey responses (CSAT lives outside Odoo).
 * Never edit this SQL once shipped: its checksum is recorded in every cache.
 */
const sql = `
CREATE TABLE app_account_mapping (
  company_id INTEGER NOT NULL,
  code_prefix TEXT NOT NULL CHECK (length(code_prefix) > 0),
  category TEXT NOT NULL CHECK (category IN (
    'revenue', 'other_income', 'cogs', 'opex', 'depreciation', 'interest', 'income_tax', 'fx',
    'marketplace_fees', 'other_expense', 'excluded')),
  note TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (company_id, code_prefix)
) STRICT;

CREATE TABLE app_budget (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  batch_id TEXT NOT NULL,
  company_id INTEGER NOT NULL,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('kpi', 'account')),
  target TEXT NOT NULL,
  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  amount INTEGER NOT NULL,
  source_file TEXT,
  source_line INTEGER,
  imported_at TEXT NOT NULL,
  UNIQUE (company_id, target_kind, target, month)
) STRICT;

CREATE TABLE app_csat (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  batch_id TEXT NOT NULL,
  company_id INTEGER,
  response_date TEXT NOT NULL CHECK (response_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  score REAL NOT NULL,
  scale_max REAL NOT NULL CHECK (scale_max > 0),
  respondent TEXT,
  source_file TEXT,
  source_line INTEGER,
  imported_at TEXT NOT NULL
) STRICT;
CREATE INDEX app_csat_by_date ON app_csat (company_id, response_date);
`;

export const migration: Migration = {
  version: 2,
  name: 'reporting-user-tables',
  sql,
  up: (db) => db.exec(sql),
};
