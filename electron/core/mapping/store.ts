import type Database from 'better-sqlite3';
import type { MappingCategory } from '../../../shared/rpc/contracts/mapping';
import { AppError } from '../../../shared/rpc/errors';
import type { ReadonlyDb } from '../reports/context';

/** A user rule as stored in app_account_mapping (migration 0002). */
export interface StoredRule {
  codePrefix: string;
  category: MappingCategory;
  note: string | null;
  updatedAt: string;
}

/** An inventory role as stored in app_account_role (migration 0003). */
export interface StoredRole {
  codePrefix: string;
  note: string | null;
  updatedAt: string;
}

/** The company's rules, longest prefix first (the order the classifier matches them in). */
export function readRules(db: ReadonlyDb, companyId: number): StoredRule[] {
  return db
    .prepare<[number], StoredRule>(
      `SELECT code_prefix AS codePrefix, category, note, updated_at AS updatedAt
         FROM app_account_mapping WHERE company_id = ? ORDER BY length(code_prefix) DESC, code_prefix`,
    )
    .all(companyId);
}

/** The company's inventory roles, longest prefix first. */
export function readInventoryRoles(db: ReadonlyDb, companyId: number): StoredRole[] {
  return db
    .prepare<[number], StoredRole>(
      `SELECT code_prefix AS codePrefix, note, updated_at AS updatedAt
         FROM app_account_role WHERE company_id = ? AND role = 'inventory' ORDER BY length(code_prefix) DESC, code_prefix`,
    )
    .all(companyId);
}

/**
 * Posted balance per account of one company between two dates (inclusive), debit positive, minor
 * units of the company currency. Only the company's own lines: the cache keeps each company's rows
 * in its own sync context.
 */
export function postedBalances(db: ReadonlyDb, companyId: number, from: string, to: string): Map<number, number> {
  const rows = db
    .prepare<[number, number, string, string], { accountId: number; balance: number }>(
      `SELECT account_id AS accountId, SUM(balance) AS balance FROM odoo_move_line
        WHERE sync_company_id = ? AND company_id = ? AND parent_state = 'posted' AND date BETWEEN ? AND ?
        GROUP BY account_id`,
    )
    .all(companyId, companyId, from, to);
  return new Map(rows.map((r) => [r.accountId, r.balance]));
}

/** The last date with a posted journal item of the company on or before `today`, or null. */
export function lastPostedDate(db: ReadonlyDb, companyId: number, today: string): string | null {
  const row = db
    .prepare<[number, number, string], { last: string | null }>(
      "SELECT max(date) AS last FROM odoo_move_line WHERE sync_company_id = ? AND company_id = ? AND parent_state = 'posted' AND date <= ?",
    )
    .get(companyId, companyId, today);
  return row?.last ?? null;
}

/** The synced companies (id and name) of a cache. */
export function listCompanies(db: ReadonlyDb): { id: number; name: string; currency: string | null }[] {
  return db
    .prepare<[], { id: number; name: string | null; currency: string | null }>(
      'SELECT id, name, currency_name AS currency FROM odoo_company WHERE sync_company_id = id ORDER BY id',
    )
    .all()
    .map((c) => ({ id: c.id, name: c.name ?? `Company ${c.id}`, currency: c.currency }));
}

/** The company's row, or not_found naming the companies the cache does have. */
export function requireCompany(db: ReadonlyDb, companyId: number): { id: number; name: string; currency: string } {
  const companies = listCompanies(db);
  const company = companies.find((c) => c.id === companyId);
  if (!company) {
    const known = companies.map((c) => `${c.id} (${c.name})`).join(', ');
    throw new AppError('not_found', `Company ${companyId} is not in the cache.`, {
      hint: known ? `Pick one of the synced companies: ${known}.` : 'Sync first: the cache has no company yet.',
      details: { field: 'companyId' },
    });
  }
  if (!company.currency) throw new AppError('validation', `Company ${companyId} (${company.name}) has no currency in the cache.`, { hint: 'Run a sync again.' });
  return { id: company.id, name: company.name, currency: company.currency };
}

/** Adds or replaces the rule of a code prefix, in one transaction. */
export function upsertRule(db: Database.Database, companyId: number, rule: { codePrefix: string; category: MappingCategory; note: string | null }, at: string): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO app_account_mapping (company_id, code_prefix, category, note, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (company_id, code_prefix) DO UPDATE SET category = excluded.category, note = excluded.note, updated_at = excluded.updated_at`,
    ).run(companyId, rule.codePrefix, rule.category, rule.note, at);
  })();
}

/** Deletes the rule of a code prefix; not_found when the company has no such rule. */
export function deleteRule(db: Database.Database, companyId: number, codePrefix: string): void {
  db.transaction(() => {
    const result = db.prepare('DELETE FROM app_account_mapping WHERE company_id = ? AND code_prefix = ?').run(companyId, codePrefix);
    if (result.changes === 0) {
      throw new AppError('not_found', `Company ${companyId} has no mapping rule for prefix "${codePrefix}".`, {
        hint: 'Reload the account mapping: the rule may have been removed already.',
        details: { field: 'codePrefix' },
      });
    }
  })();
}

/** Adds or replaces an inventory role, in one transaction. */
export function upsertInventoryRole(db: Database.Database, companyId: number, role: { codePrefix: string; note: string | null }, at: string): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO app_account_role (company_id, code_prefix, role, note, updated_at) VALUES (?, ?, 'inventory', ?, ?)
       ON CONFLICT (company_id, code_prefix, role) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at`,
    ).run(companyId, role.codePrefix, role.note, at);
  })();
}

/** Deletes an inventory role; not_found when there is none. */
export function deleteInventoryRole(db: Database.Database, companyId: number, codePrefix: string): void {
  db.transaction(() => {
    const result = db.prepare("DELETE FROM app_account_role WHERE company_id = ? AND code_prefix = ? AND role = 'inventory'").run(companyId, codePrefix);
    if (result.changes === 0) {
      throw new AppError('not_found', `Company ${companyId} has no inventory role for prefix "${codePrefix}".`, {
        hint: 'Reload the account mapping: the role may have been removed already.',
        details: { field: 'codePrefix' },
      });
    }
  })();
}
