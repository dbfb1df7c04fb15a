import { chmodSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/rpc/errors';
import { systemClock, type Clock } from '../clock';
import { openCache, type CacheDb } from '../db/open';
import type { Logger } from '../logging/logger';
import { isSyncRunning } from '../sync/sync-lock';
import { computeContentHash } from './content-hash';

/** What a snapshot file says about itself (table snapshot_meta, one row, only in snapshot files). */
export interface SnapshotMeta {
  month: string;
  created_at: string;
  source_url: string | null;
  source_db: string | null;
  odoo_version: string | null;
  last_sync_at: string | null;
  schema_version: number;
  content_hash: string;
}

export interface SnapshotInfo extends SnapshotMeta {
  file: string;
  /** The recomputed content hash equals the recorded one. */
  verified: boolean;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `<dir>/<cache name>.snapshot-YYYY-MM.sqlite`, beside the cache. */
export function snapshotPathFor(cacheFile: string, month: string): string {
  const base = basename(cacheFile, extname(cacheFile));
  return join(dirname(cacheFile), `${base}.snapshot-${month}.sqlite`);
}

function readMeta(db: Database.Database, file: string): SnapshotMeta {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'snapshot_meta'").get();
  const meta = hasMeta ? (db.prepare('SELECT month, created_at, source_url, source_db, odoo_version, last_sync_at, schema_version, content_hash FROM snapshot_meta').get() as SnapshotMeta | undefined) : undefined;
  if (!meta) throw new AppError('cache.damaged', `${file} is not a Boardpack snapshot (no snapshot metadata).`, { hint: 'Pass a file made by `boardpack snapshot close`.' });
  return meta;
}

/**
 * Freezes the cache as an immutable month-end snapshot: VACUUM INTO a temporary file (a consistent
 * read even while the app keeps using the cache), content hash computed on the copy, metadata
 * written, rollback-journal mode, then renamed into place and made read-only.
 */
export function closeSnapshot(cacheFile: string, month: string, deps: { logger: Logger; clock?: Clock }): SnapshotInfo {
  if (!MONTH.test(month)) throw new AppError('validation', `--month must be YYYY-MM, got "${month}".`);
  const clock = deps.clock ?? systemClock;
  const target = snapshotPathFor(cacheFile, month);
  if (existsSync(target)) {
    throw new AppError('validation', `The snapshot for ${month} already exists: ${target}.`, { hint: 'Closed months are immutable. Move the old file aside deliberately if the month must be closed again.' });
  }
  const cache = openCache(cacheFile, { logger: deps.logger, readonly: true, clock });
  const temp = `${target}.tmp-${process.pid}`;
  try {
    const scanning = cache.db.prepare("SELECT count(*) FROM sync_watermark WHERE phase = 'scan'").pluck().get() as number;
    if (scanning > 0 || isSyncRunning(cacheFile)) {
      throw new AppError('sync.in_progress', 'The cache holds an unfinished sync; a snapshot of it would be incomplete.', { hint: 'Run `boardpack sync` to completion, then close the month.' });
    }
    const latest = cache.db.prepare('SELECT status FROM sync_run ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined;
    if (latest !== 'ok') {
      throw new AppError('validation', latest === undefined ? `The cache ${cacheFile} has never completed a sync.` : `The last sync of ${cacheFile} did not finish (${latest}); a snapshot would mix old and new data.`, {
        hint: 'Run `boardpack sync` to completion, then close the month.',
      });
    }
    rmSync(temp, { force: true });
    cache.db.prepare('VACUUM INTO ?').run(temp);
  } finally {
    cache.close();
  }

  const copy = new Database(temp);
  try {
    const source = copy.prepare('SELECT url, db, server_version FROM sync_source WHERE id = 1').get() as { url: string; db: string; server_version: string | null } | undefined;
    const lastSync = copy.prepare("SELECT max(finished_at) FROM sync_run WHERE status = 'ok'").pluck().get() as string | null;
    const schemaVersion = copy.prepare('SELECT max(version) FROM schema_migrations').pluck().get() as number;
    const meta: SnapshotMeta = {
      month,
      created_at: clock.now().toISOString(),
      source_url: source?.url ?? null,
      source_db: source?.db ?? null,
      odoo_version: source?.server_version ?? null,
      last_sync_at: lastSync,
      schema_version: schemaVersion,
      content_hash: computeContentHash(copy),
    };
    copy.exec(`CREATE TABLE snapshot_meta (
      month TEXT NOT NULL, created_at TEXT NOT NULL, source_url TEXT, source_db TEXT, odoo_version TEXT,
      last_sync_at TEXT, schema_version INTEGER NOT NULL, content_hash TEXT NOT NULL) STRICT`);
    copy.prepare('INSERT INTO snapshot_meta VALUES (@month, @created_at, @source_url, @source_db, @odoo_version, @last_sync_at, @schema_version, @content_hash)').run(meta);
    // A read-only file must not need a -wal/-shm beside it.
    copy.pragma('journal_mode = DELETE');
    copy.close();
    renameSync(temp, target);
    chmodSync(target, 0o444);
    deps.logger.info('snapshot closed', { file: target, month, hash: meta.content_hash });
    return { ...meta, file: target, verified: true };
  } catch (error) {
    if (copy.open) copy.close();
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Opens a snapshot read-only after checking its content hash; a mismatch is 'cache.damaged'. */
export function openSnapshot(file: string, deps: { logger: Logger }): { cache: CacheDb; meta: SnapshotMeta } {
  const cache = openCache(file, { logger: deps.logger, readonly: true });
  try {
    const meta = readMeta(cache.db, file);
    const actual = computeContentHash(cache.db);
    if (actual !== meta.content_hash) {
      throw new AppError('cache.damaged', `The snapshot ${file} does not match its recorded content hash; it was modified after closing.`, {
        hint: 'Do not use it for board packs. Close the month again from a re-synced cache if the period is still open in Odoo.',
        details: { recorded: meta.content_hash, actual },
      });
    }
    return { cache, meta };
  } catch (error) {
    cache.close();
    throw error;
  }
}

/** Reads a snapshot's metadata and verifies its hash; never throws for a bad hash (reports verified: false). */
export function inspectSnapshot(file: string, deps: { logger: Logger }): SnapshotInfo {
  const cache = openCache(file, { logger: deps.logger, readonly: true });
  try {
    const meta = readMeta(cache.db, file);
    return { ...meta, file, verified: computeContentHash(cache.db) === meta.content_hash };
  } finally {
    cache.close();
  }
}

/** The snapshots closed from this cache, oldest month first. */
export function listSnapshots(cacheFile: string, deps: { logger: Logger }): SnapshotInfo[] {
  const dir = dirname(cacheFile);
  const prefix = `${basename(cacheFile, extname(cacheFile))}.snapshot-`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && /\.snapshot-\d{4}-\d{2}\.sqlite$/.test(name))
    .sort()
    .map((name) => inspectSnapshot(join(dir, name), deps));
}
