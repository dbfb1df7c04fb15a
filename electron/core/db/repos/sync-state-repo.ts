import type Database from 'better-sqlite3';

export interface Watermark {
  model: string;
  company_id: number;
  write_date: string | null;
  last_id: number;
  phase: 'scan' | 'done';
  scan_since: string | null;
  scan_max_write_date: string | null;
  skipped_reason: string | null;
}

export interface ModelMeta {
  model: string;
  server_version: string;
  available: number;
  fields: string;
}

export interface SyncSource {
  url: string;
  db: string;
  login: string | null;
  server_version: string | null;
  major: number | null;
  protocol: string | null;
  uid: number | null;
  user_name: string | null;
  user_tz: string | null;
  connected_at: string;
}

export interface RunModelRow {
  model: string;
  company_id: number;
  fetched: number;
  deleted: number;
  calls: number;
  skipped_reason: string | null;
}

export interface SyncRunRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  status: 'running' | 'ok' | 'failed' | 'cancelled';
  full: number;
  companies: string;
  calls: number;
  error_code: string | null;
  error: string | null;
}

/** Named statements for the sync_* tables. */
export function createSyncStateRepo(db: Database.Database) {
  const getWatermark = db.prepare('SELECT model, company_id, write_date, last_id, phase, scan_since, scan_max_write_date, skipped_reason FROM sync_watermark WHERE model = ? AND company_id = ?');
  const putWatermark = db.prepare(`INSERT INTO sync_watermark (model, company_id, write_date, last_id, phase, scan_since, scan_max_write_date, skipped_reason, updated_at)
    VALUES (@model, @company_id, @write_date, @last_id, @phase, @scan_since, @scan_max_write_date, @skipped_reason, @updated_at)
    ON CONFLICT (model, company_id) DO UPDATE SET write_date = excluded.write_date, last_id = excluded.last_id, phase = excluded.phase,
      scan_since = excluded.scan_since, scan_max_write_date = excluded.scan_max_write_date, skipped_reason = excluded.skipped_reason, updated_at = excluded.updated_at`);
  const getMeta = db.prepare('SELECT model, server_version, available, fields FROM sync_model_meta WHERE model = ?');
  const putMeta = db.prepare(`INSERT INTO sync_model_meta (model, server_version, available, fields, checked_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (model) DO UPDATE SET server_version = excluded.server_version, available = excluded.available, fields = excluded.fields, checked_at = excluded.checked_at`);
  const getSource = db.prepare('SELECT url, db, login, server_version, major, protocol, uid, user_name, user_tz, connected_at FROM sync_source WHERE id = 1');
  const putSource = db.prepare(`INSERT INTO sync_source (id, url, db, login, server_version, major, protocol, uid, user_name, user_tz, connected_at)
    VALUES (1, @url, @db, @login, @server_version, @major, @protocol, @uid, @user_name, @user_tz, @connected_at)
    ON CONFLICT (id) DO UPDATE SET url = excluded.url, db = excluded.db, login = excluded.login, server_version = excluded.server_version,
      major = excluded.major, protocol = excluded.protocol, uid = excluded.uid, user_name = excluded.user_name, user_tz = excluded.user_tz,
      connected_at = excluded.connected_at`);
  const startRun = db.prepare("INSERT INTO sync_run (started_at, status, full, companies) VALUES (?, 'running', ?, ?)");
  const finishRun = db.prepare('UPDATE sync_run SET finished_at = ?, status = ?, calls = ?, error_code = ?, error = ? WHERE id = ?');
  const abandonRuns = db.prepare("UPDATE sync_run SET status = 'failed', error_code = 'internal', error = 'interrupted (the process stopped before the sync finished)' WHERE status = 'running'");
  const putRunModel = db.prepare(`INSERT OR REPLACE INTO sync_run_model (run_id, model, company_id, fetched, deleted, calls, skipped_reason) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const lastOkRun = db.prepare("SELECT * FROM sync_run WHERE status = 'ok' ORDER BY id DESC LIMIT 1");
  const skipped = db.prepare('SELECT model, company_id, skipped_reason FROM sync_watermark WHERE skipped_reason IS NOT NULL ORDER BY model, company_id');

  return {
    getWatermark: (model: string, companyId: number) => getWatermark.get(model, companyId) as Watermark | undefined,
    putWatermark: (wm: Watermark, updatedAt: string) => {
      putWatermark.run({ ...wm, updated_at: updatedAt });
    },
    getMeta: (model: string) => getMeta.get(model) as ModelMeta | undefined,
    putMeta: (meta: ModelMeta, checkedAt: string) => {
      putMeta.run(meta.model, meta.server_version, meta.available, meta.fields, checkedAt);
    },
    getSource: () => getSource.get() as SyncSource | undefined,
    putSource: (source: SyncSource) => {
      putSource.run(source);
    },
    startRun: (startedAt: string, full: boolean, companies: number[]) => Number(startRun.run(startedAt, full ? 1 : 0, JSON.stringify(companies)).lastInsertRowid),
    finishRun: (id: number, finishedAt: string, status: SyncRunRow['status'], calls: number, errorCode: string | null, error: string | null) => {
      finishRun.run(finishedAt, status, calls, errorCode, error, id);
    },
    /** Runs left 'running' by a killed process are marked failed, so history never shows a ghost. */
    abandonStaleRuns: () => abandonRuns.run().changes,
    putRunModel: (runId: number, row: RunModelRow) => {
      putRunModel.run(runId, row.model, row.company_id, row.fetched, row.deleted, row.calls, row.skipped_reason);
    },
    lastOkRun: () => lastOkRun.get() as SyncRunRow | undefined,
    /** Models not synced for a company, with why: reports that need them must say so. */
    skippedModels: () => skipped.all() as Array<{ model: string; company_id: number; skipped_reason: string }>,
  };
}

export type SyncStateRepo = ReturnType<typeof createSyncStateRepo>;
