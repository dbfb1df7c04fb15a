import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/rpc/errors';
import { assertTimeZone } from '../../../shared/period/timezone';
import { buildRateTable, type CurrencyRateRow, type RateTable } from '../../../shared/fx/rates';
import { classifyAccounts, loadAccountMappings, loadInventoryPrefixes, type ClassifiedAccount } from './classification';

/** A cache database the report builders only read (the sync engine is the only writer of odoo_*). */
export type ReadonlyDb = Pick<Database.Database, 'prepare'>;

/** One company as the reports need it. */
export interface CompanyInfo {
  id: number;
  name: string;
  currency: string;
  decimals: number;
  /** res.company.fiscalyear_last_month, 1-12. */
  fiscalLastMonth: number;
  timezone: string;
  /** The company's own res.partner (intercompany identification). */
  partnerId: number | null;
  accounts: ReadonlyMap<number, ClassifiedAccount>;
  /** Where the inventory accounts came from (user roles, detection from COGS lines, or none). */
  inventorySource: 'mapping' | 'detected' | 'none';
}

/** Models the sync skipped for a company (module missing, no access), with the reason. */
export type SkippedModels = ReadonlyMap<string, string>;

/** Returns true when the cache has the table (user tables come from migration 0002). */
export function hasTable(db: ReadonlyDb, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

interface CompanyRow {
  id: number;
  name: string | null;
  currency_name: string | null;
  fiscalyear_last_month: number | null;
  partner_id: number | null;
}

/** The user's Odoo timezone recorded by the sync (default for cutting datetimes), else UTC. */
export function defaultTimezone(db: ReadonlyDb): string {
  if (!hasTable(db, 'sync_source')) return 'UTC';
  const row = db.prepare<[], { user_tz: string | null }>('SELECT user_tz FROM sync_source WHERE id = 1').get();
  return row?.user_tz ?? 'UTC';
}

/** Every synced company id (each company's own row, read in its own context). */
export function listCompanyIds(db: ReadonlyDb): number[] {
  const rows = db.prepare<[], { id: number }>('SELECT id FROM odoo_company WHERE sync_company_id = id ORDER BY id').all();
  return rows.map((row) => row.id);
}

/** Decimal places of a currency as seen from a company (2 when unknown, Odoo's default rounding 0.01). */
export function currencyDecimals(db: ReadonlyDb, companyId: number, currency: string): number {
  const row = db
    .prepare<[number, string], { decimal_places: number | null }>('SELECT decimal_places FROM odoo_currency WHERE sync_company_id = ? AND name = ? LIMIT 1')
    .get(companyId, currency);
  return row?.decimal_places ?? 2;
}

/**
 * Loads one company with its classified chart of accounts. Throws not_found for an unknown id.
 * `stockOutputAccountIds` (from a ledger scan) spares the inventory-account detection its own search.
 */
export function loadCompany(db: ReadonlyDb, companyId: number, timezone: string, stockOutputAccountIds?: ReadonlySet<number>): CompanyInfo {
  const row = db
    .prepare<[number, number], CompanyRow>('SELECT id, name, currency_name, fiscalyear_last_month, partner_id FROM odoo_company WHERE sync_company_id = ? AND id = ?')
    .get(companyId, companyId);
  if (!row) {
    throw new AppError('not_found', `Company ${companyId} is not in the cache.`, {
      hint: `Synced companies: ${listCompanyIds(db).join(', ') || 'none'}. Use --company with one of them or "all".`,
    });
  }
  if (!row.currency_name) throw new AppError('validation', `Company ${companyId} (${row.name ?? '?'}) has no currency in the cache.`);
  const mappings = loadAccountMappings(db, companyId);
  const inventory = loadInventoryPrefixes(db, companyId, stockOutputAccountIds);
  return {
    id: row.id,
    name: row.name ?? `Company ${row.id}`,
    currency: row.currency_name,
    decimals: currencyDecimals(db, companyId, row.currency_name),
    fiscalLastMonth: row.fiscalyear_last_month ?? 12,
    timezone: assertTimeZone(timezone),
    partnerId: row.partner_id,
    accounts: classifyAccounts(db, companyId, mappings, inventory.prefixes),
    inventorySource: inventory.source,
  };
}

/** Models the sync marked as skipped for a company. */
export function loadSkippedModels(db: ReadonlyDb, companyId: number): SkippedModels {
  if (!hasTable(db, 'sync_watermark')) return new Map();
  const rows = db
    .prepare<[number], { model: string; skipped_reason: string }>('SELECT model, skipped_reason FROM sync_watermark WHERE company_id = ? AND skipped_reason IS NOT NULL')
    .all(companyId);
  return new Map(rows.map((r) => [r.model, r.skipped_reason]));
}

/** The rate table of `companyId` (as synced in its context), Odoo semantics (see shared/fx/rates). */
export function loadRateTable(db: ReadonlyDb, companyId: number, referenceCurrency: string): RateTable {
  const rows = db
    .prepare<[number], CurrencyRateRow>(
      'SELECT currency_name AS currency, company_id AS companyId, name AS date, rate FROM odoo_currency_rate WHERE sync_company_id = ? AND rate IS NOT NULL',
    )
    .all(companyId);
  return buildRateTable(rows, companyId, referenceCurrency);
}
