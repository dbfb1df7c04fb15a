import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/rpc/errors';
import type { CacheDb } from '../db/open';
import { openCache } from '../db/open';
import type { Logger } from '../logging/logger';

import { openSnapshot, snapshotPathFor } from '../snapshot/snapshot-file';

/** Where a pack's figures come from: the month's closed snapshot when there is one, else the live cache. */
export interface PackSource {
  cache: CacheDb;
  /** The live cache (read-only): user-authored marks live there. The same handle as `cache` for a live source. */
  live: CacheDb | null;
  kind: 'snapshot' | 'live';
  file: string;
  snapshot: { createdAt: string; hash: string };
  dataCutoff: string[];
}

/**
 * Identity of a live (not closed) cache's data: the last successful sync and the row count of every synced
 * table. Hashing every row (the snapshot content hash) takes seconds on a large cache; this takes
 * milliseconds, changes with every sync and stays put while nothing is synced. A closed month carries the
 * full content hash instead.
 */
export function liveStateHash(db: Database.Database): string {
  const hash = createHash('sha256');
  const run = db.prepare("SELECT id, finished_at FROM sync_run WHERE status = 'ok' ORDER BY id DESC LIMIT 1").get() as { id: number; finished_at: string } | undefined;
  hash.update(`sync ${run?.id ?? 0} ${run?.finished_at ?? ''}\n`);
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'odoo\\_%' ESCAPE '\\' ORDER BY name").pluck().all() as string[];
  for (const table of tables) hash.update(`${table} ${String(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get())}\n`);
  return hash.digest('hex');
}

/** Closes the source's handles. */
export function closePackSource(source: PackSource): void {
  source.cache.close();
  if (source.live && source.live !== source.cache) source.live.close();
}

/**
 * Opens the figures of a month read-only. A closed month renders from its immutable snapshot (hash verified), so
 * the pack is the same after the live cache moves on; an open month renders from the live cache, stamped with
 * its last successful sync and a cheap state hash so re-rendering unchanged data gives identical files.
 */
export function openPackSource(cacheFile: string, month: string, logger: Logger): PackSource {
  const snapshotFile = snapshotPathFor(cacheFile, month);
  if (existsSync(snapshotFile)) {
    const { cache, meta } = openSnapshot(snapshotFile, { logger });
    const live = existsSync(cacheFile) ? openCache(cacheFile, { logger, readonly: true }) : null;
    return {
      cache,
      live,
      kind: 'snapshot',
      file: snapshotFile,
      snapshot: { createdAt: meta.created_at, hash: meta.content_hash },
      dataCutoff: [`Odoo${meta.source_db ? ` ${meta.source_db}` : ''}: last sync ${meta.last_sync_at ?? 'unknown'}`, `Month closed ${meta.created_at}`],
    };
  }
  if (!existsSync(cacheFile)) {
    throw new AppError('cache.missing', `The cache ${cacheFile} does not exist.`, { hint: 'Run `boardpack sync --cache FILE` first, or pass the right --cache path.' });
  }
  const cache = openCache(cacheFile, { logger, readonly: true });
  try {
    const lastSync = cache.db.prepare("SELECT max(finished_at) FROM sync_run WHERE status = 'ok'").pluck().get() as string | null;
    if (!lastSync) throw new AppError('validation', `The cache ${cacheFile} has never completed a sync.`, { hint: 'Run `boardpack sync` first.' });
    const source = cache.db.prepare('SELECT db FROM sync_source WHERE id = 1').get() as { db: string } | undefined;
    return {
      cache,
      live: cache,
      kind: 'live',
      file: cacheFile,
      snapshot: { createdAt: lastSync, hash: liveStateHash(cache.db) },
      dataCutoff: [`Odoo${source?.db ? ` ${source.db}` : ''}: last sync ${lastSync} (month not closed)`],
    };
  } catch (error) {
    cache.close();
    throw error;
  }
}
