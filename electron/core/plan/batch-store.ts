/**
 * The imports stored in app_budget and app_csat, by batch: every import writes one batch id on the
 * rows it stores (see the importers), so an import can be listed and undone as a whole.
 */
import type Database from 'better-sqlite3';
import type { PlanBatch } from '../../../shared/rpc/contracts/plan';

type PlanKind = PlanBatch['kind'];

const SOURCES: Record<PlanKind, { table: string; month: string }> = {
  budget: { table: 'app_budget', month: 'month' },
  csat: { table: 'app_csat', month: 'substr(response_date, 1, 7)' },
};

function hasTable(db: Pick<Database.Database, 'prepare'>, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Every stored batch of both kinds, newest first (ties by file name, so the order is stable). */
export function listPlanBatches(db: Pick<Database.Database, 'prepare'>): PlanBatch[] {
  const batches: PlanBatch[] = [];
  for (const kind of ['budget', 'csat'] as const) {
    const { table, month } = SOURCES[kind];
    if (!hasTable(db, table)) continue;
    const rows = db
      .prepare<[], { batchId: string; file: string | null; importedAt: string; rows: number; companies: string; firstMonth: string; lastMonth: string }>(
        `SELECT batch_id AS batchId, MAX(source_file) AS file, MAX(imported_at) AS importedAt, COUNT(*) AS rows,
                json_group_array(DISTINCT company_id) AS companies, MIN(${month}) AS firstMonth, MAX(${month}) AS lastMonth
           FROM ${table} GROUP BY batch_id`,
      )
      .all();
    for (const row of rows) {
      const companyIds = (JSON.parse(row.companies) as Array<number | null>).filter((id): id is number => id !== null).sort((a, b) => a - b);
      batches.push({ batchId: row.batchId, kind, file: row.file, importedAt: row.importedAt, rows: row.rows, companyIds, firstMonth: row.firstMonth, lastMonth: row.lastMonth });
    }
  }
  return batches.sort((a, b) => b.importedAt.localeCompare(a.importedAt) || (a.file ?? '').localeCompare(b.file ?? '') || a.kind.localeCompare(b.kind));
}

/** The batch now holding a file's rows (an import replaces its file's earlier rows, so there is at most one). */
export function batchOfFile(db: Pick<Database.Database, 'prepare'>, kind: PlanKind, fileName: string): string | null {
  const { table } = SOURCES[kind];
  if (!hasTable(db, table)) return null;
  const row = db.prepare<[string], { batchId: string }>(`SELECT batch_id AS batchId FROM ${table} WHERE source_file = ? ORDER BY imported_at DESC, id DESC LIMIT 1`).get(fileName);
  return row?.batchId ?? null;
}

/** Deletes a batch's rows from whichever table holds them (one transaction); returns how many went. */
export function removePlanBatch(db: Database.Database, batchId: string): number {
  let removed = 0;
  db.transaction(() => {
    for (const { table } of Object.values(SOURCES)) {
      if (hasTable(db, table)) removed += db.prepare<[string]>(`DELETE FROM ${table} WHERE batch_id = ?`).run(batchId).changes;
    }
  })();
  return removed;
}
