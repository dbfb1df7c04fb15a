import type { Migration } from './types';

/*
 * The synced-data schema. Conventions (see ../SCHEMA.md):
 * - every odoo_* table is keyed by (sync_company_id, id): sync_company_id is the company whose
 *   allowed_company_ids context the row was read in, so shared records (partners, currencies,
 *   rates, accounts in 18+) appear once per company with that company's company-dependent values;
 * - column names are Odoo field names; a many2one becomes <field>_id + <field>_name;
 * - monetary columns are INTEGER minor units; the table comment names whose currency;
 * - dates are TEXT 'YYYY-MM-DD', datetimes TEXT UTC 'YYYY-MM-DD HH:MM:SS', booleans INTEGER 0/1;
 * - a field the server version does not have is stored as NULL.
 * Never edit this SQL once shipped: its checksum is recorded in every cache.
 */
const sql = `
CREATE TABLE odoo_company (
  sync_company_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  name TEXT,
  currency_id INTEGER, currency_name TEXT,
  parent_id INTEGER, parent_name TEXT,
  partner_id INTEGER, partner_name TEXT,
  country_id INTEGER, country_name TEXT,
  fiscalyear_last_month INTEGER,
  fiscalyear_last_day INTEGER,
  active INTEGER,
  sequence INTEGER,
  write_date TEXT,
  PRIMARY KEY (sync_company_id, id)
) STRICT;

CREATE TABLE odoo_currency (
  sync_company_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  name TEXT,
  symbol TEXT,
  full_name TEXT,
  rounding REAL,
  decimal_places INTEGER,
  position TEXT,
  active INTEGER,
  write_date TEXT,
  PRIMARY KEY (sync_company_id, id)
) STRICT;

-- name is the rate's DATE. rate = units of currency per 1 unit of the company (reference) currency.
CREATE TABLE odoo_currency_rate (
  sync_company_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  name TEXT,
  currency_id INTEGER, currency_name TEXT,
  company_id INTEGER, company_name TEXT,
  rate REAL,
  company_rate REAL,
  inverse_company_rate REAL,
  write_date TEXT,
  PRIMARY KEY (sync_company_id, id)
) STRICT;
CREATE INDEX odoo_currency_rate_by_currency ON odoo_currency_rate (sync_company_id, currency_id, name);

-- company_ids: JSON array of company ids (18+ shared accounts); company_id set on 17.
-- code is the code as seen from sync_company_id. active = NOT deprecated on versions without active.
CREATE TABLE odoo_account (
  sync_company_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  code TEXT,
  name TEXT,
  account_type TEXT,
  company_id INTEGER, company_name TEXT,
  company_ids TEXT,
  currency_id INTEGER, currency_name TEXT,
  reconcile INTEGER,
  non_trade INTEGER,
  active INTEGER,
  write_date TEXT,
  PRIMARY KEY (sync_company_id, id)
) STRICT;

CREATE TABLE odoo_journal (
  sync_company_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  name TEXT,
  code TEXT,
  type TEXT,
  company_id INTEGER, company_name TEXT,
  currency_id INTEGER, currency_name TEXT,
  default_account_id INTEGER, default_account_name TEXT,
  active INTEGER,
  sequence INTEGER,
  write_date TEXT,
  PRIMARY KEY (sync_company_id, id)
) STRICT;

CREATE TABLE odoo_partner (
  sync_company_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  name TEXT,
  is_company INTEGER,
  parent_id INTEGER, parent_name TEXT,
  commercial_partner_id INTEGER, commercial_partner_name TEXT,
  company_id INTEGER, company_name TEXT,
  type TEXT,
  customer_rank INTEGER,
  supplier_rank INTEGER,
  vat TEXT,
  ref TEXT,
  email TEXT,
  country_id INTEGER, country_name TEXT,
  active INTEGER,
  write_date TEXT,
  PRIMARY KEY (sync_company_id, id)
) STRICT;

-- product.product (variants). standard_price is the company-dependent cost for sync_company_id
-- (a float in Odoo, stored as read). is_storable: 18+ field, or 17 detailed_type = 'product'.
CREATE TABLE odoo_product (
  sync_company_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  name TEXT,
  default_code TEXT,
  barcode TEXT,
  product_tmpl_id INTEGER, product_tmpl_name TEXT,
  categ_id INTEGER, categ_name TEXT,
  type TEXT,
  is_storable INTEGER,
  list_price REAL,
  standard_price REAL,
  uom_id INTEGER, uom_name TEXT,
  company_id INTEGER, company_name TEXT,
  sale_ok INTEGER,
  purchase_ok INTEGER,
  active INTEGER,
  write_date TEXT,
  PRIMARY KEY (sync_company_id, id)
) STRICT;

CREATE TABLE odoo_product_category (
  sync_company_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  name TEXT,
  complete_name TEXT,
  parent_id INTEGER, parent_name TEXT,
  write_date TEXT,
  PRIMARY KEY (sync_company_id, id)
) STRICT;

-- crm.team. invoiced_target is a float as read (the team may have no company, hence no currency).
CREATE TABLE odoo_team (
  sync_company_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  name TEXT,
  company_id INTEGER, company_name TEXT,
  user_id INTEGER, user_name TEXT,
  invoiced_target REAL,
  active INTEGER,
  sequence INTEGER,
  write_date TEXT,
  PRIMARY KEY (sync_company_id, id)
) STRICT;

-- crm.stage. team_ids: JSON array (19), or [team_id] on versions with a single team_id.
CREATE TABLE odoo_stage (
  sync_company_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  name TEXT,
  sequence INTEGER,
  is_won INTEGER,
  fold INTEGER,
  team_ids TEXT,
  write_date TEXT,
  PRIMARY KEY (sync_company_id, id)
) STRICT;

-- amounts in minor units of the ORDER currency (currency_id). date_order is a UTC datetime.
CREATE TABLE odoo_sale_order (
  sync_company_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  name TEXT,
  state TEXT,
  locked INTEGER,
  date_order TEXT,
  validity_date TEXT,
  commitment_date TEXT,
  partner_id INTEGER, partner_name TEXT,
  partner_invoice_id INTEGER, partner_invoice_name TEXT,
  client_order_ref TEXT,
  origin TEXT,
  company_id INTEGER, company_name TEXT,
  team_id INTEGER, team_name TEXT,
  user_id INTEGER, user_name TEXT,
  currency_id INTEGER, currency_name TEXT,
  currency_rate REAL,
  amount_untaxed INTEGER,
  amount_tax INTEGER,
  amount_total INTEGER,
  invoice_status TEXT,
  delivery_status TEXT,
  write_date TEXT,
  PRIMARY KEY (sync_company_id, id)
) STRICT;
CREATE INDEX odoo_sale_order_by_date ON odoo_sale_order (sync_company_id, date_order);

-- amounts in minor units of the ORDER currency (currency_id). product_uom_id: 19 name (product_uom before).
CREATE TABLE odoo_sale_order_line (
  sync_company_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  order_id INTEGER, order_name TEXT,
  product_id INTEGER, product_name TEXT,
  name TEXT,
  product_uom_qty REAL,
  product_uom_id INTEGER, product_uom_name TEXT,
  qty_delivered REAL,
  qty_invoiced REAL,
  qty_to_invoice REAL,
  price_unit REAL,
  discount REAL,
  price_subtotal INTEGER,
  price_tax INTEGER,
  price_total INTEGER,
  untaxed_amount_invoiced INTEGER,
  untaxed_amount_to_invoice INTEGER,
  currency_id INTEGER, currency_name TEXT,
  display_type TEXT,
  state TEXT,
  invoice_status TEXT,
  company_id INTEGER, company_name TEXT,
  order_partner_id INTEGER, order_partner_name TEXT,
  salesman_id INTEGER, salesman_name TEXT,
  write_date TEXT,
  PRIMARY KEY (sync_company_id, id)
) STRICT;
CREATE INDEX odoo_sale_order_line_by_order ON odoo_sale_order_line (sync_company_id, order_id);

-- Unsigned amount_* and amount_total_in_currency_signed: minor units of the DOCUMENT currency (currency_id).
-- *_signed (except *_in_currency_signed): minor units of the COMPANY currency (company_currency_id).
-- origin_payment_id: 18+ name (payment_id on 17).
CREATE TABLE odoo_move (
  sync_company_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  name TEXT,
  ref TEXT,
  date TEXT,
  state TEXT,
  move_type TEXT,
  journal_id INTEGER, journal_name TEXT,
  company_id INTEGER, company_name TEXT,
  company_currency_id INTEGER, company_currency_name TEXT,
  currency_id INTEGER, currency_name TEXT,
  partner_id INTEGER, partner_name TEXT,
  commercial_partner_id INTEGER, commercial_partner_name TEXT,
  invoice_date TEXT,
  invoice_date_due TEXT,
  invoice_origin TEXT,
  payment_reference TEXT,
  amount_untaxed INTEGER,
  amount_tax INTEGER,
  amount_total INTEGER,
  amount_residual INTEGER,
  amount_total_in_currency_signed INTEGER,
  amount_untaxed_signed INTEGER,
  amount_tax_signed INTEGER,
  amount_total_signed INTEGER,
  amount_residual_signed INTEGER,
  invoice_currency_rate REAL,
  payment_state TEXT,
  reversed_entry_id INTEGER, reversed_entry_name TEXT,
  invoice_user_id INTEGER, invoice_user_name TEXT,
  team_id INTEGER, team_name TEXT,
  origin_payment_id INTEGER, origin_payment_name TEXT,
  write_date TEXT,
  PRIMARY KEY (sync_company_id, id)
) STRICT;
CREATE INDEX odoo_move_by_date ON odoo_move (sync_company_id, date);

-- debit, credit, balance, amount_residual: minor units of the COMPANY currency (company_currency_id).
-- amount_currency, amount_residual_currency, price_subtotal, price_total: minor units of the LINE currency (currency_id).
-- analytic_distribution: JSON text.
CREATE TABLE odoo_move_line (
  sync_company_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  move_id INTEGER, move_name TEXT,
  date TEXT,
  invoice_date TEXT,
  date_maturity TEXT,
  parent_state TEXT,
  journal_id INTEGER, journal_name TEXT,
  company_id INTEGER, company_name TEXT,
  company_currency_id INTEGER, company_currency_name TEXT,
  account_id INTEGER, account_name TEXT,
  partner_id INTEGER, partner_name TEXT,
  name TEXT,
  debit INTEGER,
  credit INTEGER,
  balance INTEGER,
  amount_currency INTEGER,
  currency_id INTEGER, currency_name TEXT,
  amount_residual INTEGER,
  amount_residual_currency INTEGER,
  reconciled INTEGER,
  full_reconcile_id INTEGER, full_reconcile_name TEXT,
  matching_number TEXT,
  display_type TEXT,
  product_id INTEGER, product_name TEXT,
  quantity REAL,
  price_unit REAL,
  discount REAL,
  price_subtotal INTEGER,
  price_total INTEGER,
  tax_line_id INTEGER, tax_line_name TEXT,
  analytic_distribution TEXT,
  write_date TEXT,
  PRIMARY KEY (sync_company_id, id)
) STRICT;
CREATE INDEX odoo_move_line_by_date ON odoo_move_line (sync_company_id, date, account_id);
CREATE INDEX odoo_move_line_by_move ON odoo_move_line (sync_company_id, move_id);
CREATE INDEX odoo_move_line_by_partner ON odoo_move_line (sync_company_id, partner_id);

-- amount: minor units of the COMPANY currency; debit_/credit_amount_currency: minor units of
-- debit_currency_id / credit_currency_id respectively.
CREATE TABLE odoo_partial_reconcile (
  sync_company_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  debit_move_id INTEGER, debit_move_name TEXT,
  credit_move_id INTEGER, credit_move_name TEXT,
  amount INTEGER,
  debit_amount_currency INTEGER,
  credit_amount_currency INTEGER,
  debit_currency_id INTEGER, debit_currency_name TEXT,
  credit_currency_id INTEGER, credit_currency_name TEXT,
  max_date TEXT,
  exchange_move_id INTEGER, exchange_move_name TEXT,
  full_reconcile_id INTEGER, full_reconcile_name TEXT,
  company_id INTEGER, company_name TEXT,
  write_date TEXT,
  PRIMARY KEY (sync_company_id, id)
) STRICT;
CREATE INDEX odoo_partial_reconcile_by_debit ON odoo_partial_reconcile (sync_company_id, debit_move_id);
CREATE INDEX odoo_partial_reconcile_by_credit ON odoo_partial_reconcile (sync_company_id, credit_move_id);

-- amount: minor units of the PAYMENT currency (currency_id); amount_company_currency_signed: COMPANY currency.
-- memo: 19 name (ref before).
CREATE TABLE odoo_payment (
  sync_company_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  name TEXT,
  state TEXT,
  payment_type TEXT,
  partner_type TEXT,
  partner_id INTEGER, partner_name TEXT,
  amount INTEGER,
  currency_id INTEGER, currency_name TEXT,
  amount_company_currency_signed INTEGER,
  date TEXT,
  memo TEXT,
  payment_reference TEXT,
  journal_id INTEGER, journal_name TEXT,
  company_id INTEGER, company_name TEXT,
  move_id INTEGER, move_name TEXT,
  is_reconciled INTEGER,
  is_matched INTEGER,
  write_date TEXT,
  PRIMARY KEY (sync_company_id, id)
) STRICT;

-- crm.lead. expected_revenue, prorated_revenue: minor units of the COMPANY currency (company_currency_id,
-- Odoo field company_currency). Lost leads are archived (active = 0) and still synced.
CREATE TABLE odoo_lead (
  sync_company_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  name TEXT,
  type TEXT,
  stage_id INTEGER, stage_name TEXT,
  probability REAL,
  expected_revenue INTEGER,
  prorated_revenue INTEGER,
  company_currency_id INTEGER, company_currency_name TEXT,
  company_id INTEGER, company_name TEXT,
  team_id INTEGER, team_name TEXT,
  user_id INTEGER, user_name TEXT,
  partner_id INTEGER, partner_name TEXT,
  date_deadline TEXT,
  date_closed TEXT,
  date_open TEXT,
  date_conversion TEXT,
  create_date TEXT,
  lost_reason_id INTEGER, lost_reason_name TEXT,
  won_status TEXT,
  active INTEGER,
  write_date TEXT,
  PRIMARY KEY (sync_company_id, id)
) STRICT;

CREATE TABLE odoo_warehouse (
  sync_company_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  name TEXT,
  code TEXT,
  company_id INTEGER, company_name TEXT,
  view_location_id INTEGER, view_location_name TEXT,
  lot_stock_id INTEGER, lot_stock_name TEXT,
  active INTEGER,
  write_date TEXT,
  PRIMARY KEY (sync_company_id, id)
) STRICT;

-- location_id is the PARENT location.
CREATE TABLE odoo_location (
  sync_company_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  name TEXT,
  complete_name TEXT,
  usage TEXT,
  location_id INTEGER, location_name TEXT,
  company_id INTEGER, company_name TEXT,
  warehouse_id INTEGER, warehouse_name TEXT,
  active INTEGER,
  write_date TEXT,
  PRIMARY KEY (sync_company_id, id)
) STRICT;

CREATE TABLE odoo_quant (
  sync_company_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  product_id INTEGER, product_name TEXT,
  location_id INTEGER, location_name TEXT,
  lot_id INTEGER, lot_name TEXT,
  company_id INTEGER, company_name TEXT,
  quantity REAL,
  reserved_quantity REAL,
  in_date TEXT,
  write_date TEXT,
  PRIMARY KEY (sync_company_id, id)
) STRICT;

-- value: minor units of the COMPANY currency (stored with stock_account; NULL without it).
-- date is a UTC datetime (scheduled date, becomes the done date).
CREATE TABLE odoo_stock_move (
  sync_company_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  reference TEXT,
  state TEXT,
  product_id INTEGER, product_name TEXT,
  product_uom_qty REAL,
  product_qty REAL,
  quantity REAL,
  product_uom_id INTEGER, product_uom_name TEXT,
  date TEXT,
  date_deadline TEXT,
  location_id INTEGER, location_name TEXT,
  location_dest_id INTEGER, location_dest_name TEXT,
  picking_id INTEGER, picking_name TEXT,
  picking_type_id INTEGER, picking_type_name TEXT,
  origin TEXT,
  company_id INTEGER, company_name TEXT,
  warehouse_id INTEGER, warehouse_name TEXT,
  sale_line_id INTEGER, sale_line_name TEXT,
  price_unit REAL,
  is_inventory INTEGER,
  value INTEGER,
  write_date TEXT,
  PRIMARY KEY (sync_company_id, id)
) STRICT;
CREATE INDEX odoo_stock_move_by_date ON odoo_stock_move (sync_company_id, date);

-- Where the cache came from (one row).
CREATE TABLE sync_source (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  url TEXT NOT NULL,
  db TEXT NOT NULL,
  login TEXT,
  server_version TEXT,
  major INTEGER,
  protocol TEXT,
  uid INTEGER,
  user_name TEXT,
  user_tz TEXT,
  connected_at TEXT NOT NULL
) STRICT;

-- Per model and company: how far the sync got. phase 'scan' = a scan is under way (resume from
-- last_id with the same scan_since); 'done' = write_date is the high-water mark of a finished scan.
-- skipped_reason: why the model is not synced (module not installed...), NULL when it is.
CREATE TABLE sync_watermark (
  model TEXT NOT NULL,
  company_id INTEGER NOT NULL,
  write_date TEXT,
  last_id INTEGER NOT NULL DEFAULT 0,
  phase TEXT NOT NULL DEFAULT 'done' CHECK (phase IN ('scan', 'done')),
  scan_since TEXT,
  scan_max_write_date TEXT,
  skipped_reason TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (model, company_id)
) STRICT;

-- Field lists per model for the server version last seen (saves a fields_get per model per sync).
CREATE TABLE sync_model_meta (
  model TEXT PRIMARY KEY,
  server_version TEXT NOT NULL,
  available INTEGER NOT NULL,
  fields TEXT NOT NULL,
  checked_at TEXT NOT NULL
) STRICT;

CREATE TABLE sync_run (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'ok', 'failed', 'cancelled')),
  full INTEGER NOT NULL,
  companies TEXT NOT NULL,
  calls INTEGER NOT NULL DEFAULT 0,
  error_code TEXT,
  error TEXT
) STRICT;

CREATE TABLE sync_run_model (
  run_id INTEGER NOT NULL REFERENCES sync_run (id) ON DELETE CASCADE,
  model TEXT NOT NULL,
  company_id INTEGER NOT NULL,
  fetched INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0,
  calls INTEGER NOT NULL DEFAULT 0,
  skipped_reason TEXT,
  PRIMARY KEY (run_id, model, company_id)
) STRICT;
`;

export const migration: Migration = {
  version: 1,
  name: 'initial',
  sql,
  up: (db) => db.exec(sql),
};
