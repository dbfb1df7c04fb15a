import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/rpc/errors';
import { systemClock, type Clock } from '../clock';
import type { Logger } from '../logging/logger';
import { migrations as appMigrations } from './migrations/index';
import type { Migration } from './migrations/types';
import { checkMigrationHistory, migrate, readAppliedMigrations } from './migrate';
import { closedCleanly, forgetCleanClose, recordCleanClose } from './clean-close';

/** An open cache file. Report builders should only read `db`; the sync engine writes it. */
export interface CacheDb {
  readonly file: string;
  readonly db: Database.Database;
  readonly readonly: boolean;
  /** Highest migration applied to this file. */
  readonly schemaVersion: number;
  close(): void;
}

export interface OpenCacheOptions {
  logger: Logger;
  readonly?: boolean;
  clock?: Clock;
  /** For tests of the migration path only: the app's migration list. */
  migrations?: readonly Migration[];
}

function damaged(file: string, problem: string, cause?: unknown): AppError {
  return new AppError('cache.damaged', `The cache ${file} is damaged (${problem}).`, {
    hint: 'Move the file aside and run `boardpack sync` again to rebuild it; snapshots are separate files and are not affected.',
    details: { file },
    cause,
  });
}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/**
 * Opens (and creates or migrates, unless read-only) a cache file: WAL, foreign keys, a quick
 * integrity check before anything is read (skipped when the file is byte-for-byte as a clean close
 * left it, see clean-close.ts), and refusal of files from a newer app.
 */
export function openCache(file: string, options: OpenCacheOptions): CacheDb {
  const readonly = options.readonly ?? false;
  const known = options.migrations ?? appMigrations;
  const logger = options.logger.child('cache');
  if (readonly && file !== ':memory:' && !existsSync(file)) {
    throw new AppError('cache.missing', `No cache at ${file}.`, { hint: 'Run `boardpack sync` first, or check the --cache path.' });
  }

  let db: Database.Database;
  try {
    db = new Database(file, { readonly, fileMustExist: readonly });
  } catch (error) {
    if (isCorruption(error)) throw damaged(file, 'not a database', error);
    throw error;
  }

  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      // NORMAL is durable against process crashes (the kill -9 case) and fast; only power loss can drop the last commits.
      db.pragma('synchronous = NORMAL');
    }
    if (!closedCleanly(file)) {
      const check = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
      const problems = check.map((row) => row.quick_check).filter((text) => text !== 'ok');
      if (problems.length > 0) throw damaged(file, problems.slice(0, 3).join('; '));
    }

    let schemaVersion: number;
    if (readonly) {
      const applied = readAppliedMigrations(db);
      checkMigrationHistory(file, applied, known);
      schemaVersion = applied.length === 0 ? 0 : applied[applied.length - 1].version;
      const latest = known.length === 0 ? 0 : known[known.length - 1].version;
      if (schemaVersion < latest) logger.warn('read-only cache has an older schema', { file, schemaVersion, latest });
    } else {
      const clock = options.clock ?? systemClock;
      schemaVersion = migrate(db, file, known, { logger, now: () => clock.now() });
    }
    if (readonly) return { file, db, readonly, schemaVersion, close: () => db.close() };
    forgetCleanClose(file);
    return {
      file, db, readonly, schemaVersion,
      close() {
        db.close();
        recordCleanClose(file);
      },
    };
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    if (isCorruption(error)) throw damaged(file, error instanceof Error ? error.message : String(error), error);
    throw error;
  }
}
