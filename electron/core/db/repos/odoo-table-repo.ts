import type Database from 'better-sqlite3';

type Cell = string | number | null;

/** Named statements over one odoo_* table, scoped by sync_company_id. Table/column names come from code, never input. */
export interface OdooTableRepo {
  upsert(companyId: number, id: number, row: Cell[]): void;
  count(companyId: number): number;
  ids(companyId: number): number[];
  deleteIds(companyId: number, ids: number[]): number;
}

const SAFE_NAME = /^[a-z_][a-z0-9_]*$/;

/** Builds the repo for `table` with its data `columns` (everything after sync_company_id, id). */
export function createOdooTableRepo(db: Database.Database, table: string, columns: string[]): OdooTableRepo {
  for (const name of [table, ...columns]) if (!SAFE_NAME.test(name)) throw new Error(`unsafe SQL identifier ${name}`);
  const all = ['sync_company_id', 'id', ...columns];
  const upsert = db.prepare(`INSERT OR REPLACE INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`);
  const count = db.prepare(`SELECT count(*) FROM ${table} WHERE sync_company_id = ?`).pluck();
  const ids = db.prepare(`SELECT id FROM ${table} WHERE sync_company_id = ? ORDER BY id`).pluck();
  const remove = db.prepare(`DELETE FROM ${table} WHERE sync_company_id = ? AND id = ?`);
  return {
    upsert: (companyId, id, row) => {
      upsert.run(companyId, id, ...row);
    },
    count: (companyId) => count.get(companyId) as number,
    ids: (companyId) => ids.all(companyId) as number[],
    deleteIds: (companyId, list) => {
      let removed = 0;
      for (const id of list) removed += remove.run(companyId, id).changes;
      return removed;
    },
  };
}
