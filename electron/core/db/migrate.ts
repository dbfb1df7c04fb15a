import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/rpc/errors';
import type { Logger } from '../logging/logger';
import type { Migration } from './migrations/types';

/** SHA-256 of a migration's SQL text: what schema_migrations records and re-checks. */
export function migrationChecksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

function ensureMigrationTable(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
}

/** The applied migrations, or [] for a database that never ran one (read-only safe). */
export function readAppliedMigrations(db: Database.Database): AppliedRow[] {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!table) return [];
  return db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as AppliedRow[];
}

/**
 * Refuses databases the app cannot safely use: one written by a newer app, or one whose recorded
 * migration checksums differ from this app's (an edited migration, or a file from a fork).
 */
export function checkMigrationHistory(file: string, applied: AppliedRow[], known: readonly Migration[]): void {
  const latest = known.length === 0 ? 0 : known[known.length - 1].version;
  const newest = applied.length === 0 ? 0 : applied[applied.length - 1].version;
  if (newest > latest) {
    throw new AppError('cache.too_new', `The cache ${file} was written by a newer Boardpack (schema version ${newest}; this app knows up to ${latest}).`, {
      hint: 'Update Boardpack, or sync into a new cache file.',
      details: { file, schemaVersion: newest, appVersion: latest },
    });
  }
  for (const row of applied) {
    const migration = known.find((m) => m.version === row.version);
    if (!migration || migrationChecksum(migration) !== row.checksum) {
      throw new AppError('cache.damaged', `The cache ${file} records migration ${row.version} (${row.name}) with a different checksum than this app's.`, {
        hint: 'The file was made by a different build. Move it aside and run `boardpack sync` to rebuild the cache.',
        details: { file, version: row.version },
      });
    }
  }
}

function hasUserTables(db: Database.Database): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'").get() as { n: number };
  return row.n > 0;
}

/** Where the pre-migration backup of `file` at schema `version` goes. */
export function backupPathFor(file: string, version: number): string {
  return `${file}.pre-migration-v${version}.bak`;
}

/**
 * Applies the pending migrations, each in its own transaction with its checksum recorded. An
 * existing non-empty database is first copied with VACUUM INTO, so a failed step loses nothing.
 * Returns the schema version reached.
 */
export function migrate(db: Database.Database, file: string, known: readonly Migration[], options: { logger: Logger; now: () => Date }): number {
  ensureMigrationTable(db);
  const applied = readAppliedMigrations(db);
  checkMigrationHistory(file, applied, known);
  const current = applied.length === 0 ? 0 : applied[applied.length - 1].version;
  const pending = known.filter((m) => m.version > current);
  if (pending.length === 0) return current;

  if (file !== ':memory:' && hasUserTables(db)) {
    const backup = backupPathFor(file, current);
    if (existsSync(backup)) rmSync(backup);
    db.prepare('VACUUM INTO ?').run(backup);
    options.logger.info('cache backed up before migrating', { backup, from: current });
  }

  const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  for (const migration of pending) {
    db.transaction(() => {
      migration.up(db);
      record.run(migration.version, migration.name, migrationChecksum(migration), options.now().toISOString());
    })();
    options.logger.info('cache migrated', { version: migration.version, name: migration.name });
  }
  return pending[pending.length - 1].version;
}
