import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * SHA-256 over the synced data only: every odoo_* table (by name), its column names, and its rows
 * in primary-key order with type-tagged values. Sync bookkeeping, migrations, snapshot metadata,
 * user tables, page layout and VACUUM state do not enter it, so two caches holding the same Odoo
 * data hash the same however they were filled.
 */
export function computeContentHash(db: Database.Database, schema = 'main'): string {
  const hash = createHash('sha256');
  const tables = db.prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name LIKE 'odoo\\_%' ESCAPE '\\' ORDER BY name`).pluck().all() as string[];
  for (const table of tables) {
    const columns = (db.prepare(`PRAGMA ${schema}.table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
    hash.update(`table ${table}(${columns.join(',')})\n`);
    const rows = db.prepare(`SELECT * FROM ${schema}.${table} ORDER BY sync_company_id, id`).raw().iterate() as IterableIterator<unknown[]>;
    let count = 0;
    for (const row of rows) {
      hash.update(encodeRow(row));
      count++;
    }
    hash.update(`end ${table} ${count}\n`);
  }
  return hash.digest('hex');
}

function encodeRow(row: unknown[]): string {
  let out = '';
  for (const value of row) {
    if (value === null) out += 'N|';
    else if (typeof value === 'number') out += Number.isInteger(value) ? `I${value}|` : `R${value}|`;
    else if (typeof value === 'bigint') out += `I${value}|`;
    else if (typeof value === 'string') out += `T${value.length}:${value}|`;
    else out += `B${String(value)}|`;
  }
  return `${out}\n`;
}
