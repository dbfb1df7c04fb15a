import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/rpc/errors';
import { silentLogger } from '../logging/logger';
import { migrationChecksum, backupPathFor } from './migrate';
import { migrations } from './migrations/index';
import { openCache } from './open';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-db-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function expectAppError(fn: () => unknown, code: string): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return error as AppError;
  }
  throw new Error(`expected AppError ${code}`);
}

const latest = migrations[migrations.length - 1].version;

describe('openCache', () => {
  it('creates a fresh cache with every migration recorded with its checksum, WAL and foreign keys', () => {
    const cache = openCache(join(dir, 'c.sqlite'), { logger: silentLogger });
    expect(cache.schemaVersion).toBe(latest);
    const rows = cache.db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as Array<{ version: number; name: string; checksum: string }>;
    expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    rows.forEach((row, i) => expect(row.checksum).toBe(migrationChecksum(migrations[i])));
    expect(cache.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(cache.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = cache.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND (name LIKE 'odoo_%' OR name LIKE 'sync_%' OR name LIKE 'app_%')").all() as Array<{ name: string; sql: string }>;
    expect(tables.length).toBeGreaterThanOrEqual(21 + 5);
    for (const table of tables) expect(table.sql, table.name).toMatch(/STRICT\s*$/);
    // STRICT really refuses a wrong type.
    expect(() => cache.db.prepare("INSERT INTO odoo_move (sync_company_id, id, amount_total) VALUES (1, 1, 'ten')").run()).toThrow(/cannot store TEXT/);
    cache.close();
  });

  it('migrates from every earlier version, backing up first and keeping the data', () => {
    for (let from = 1; from < migrations.length; from++) {
      const file = join(dir, `from-${from}.sqlite`);
      const old = openCache(file, { logger: silentLogger, migrations: migrations.slice(0, from) });
      expect(old.schemaVersion).toBe(migrations[from - 1].version);
      old.db.prepare("INSERT INTO odoo_company (sync_company_id, id, name, write_date) VALUES (1, 1, 'Keep me', '2026-01-01 00:00:00')").run();
      old.close();

      const upgraded = openCache(file, { logger: silentLogger });
      expect(upgraded.schemaVersion).toBe(latest);
      expect(upgraded.db.prepare('SELECT name FROM odoo_company WHERE id = 1').pluck().get()).toBe('Keep me');
      expect(upgraded.db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(migrations.length);
      upgraded.close();

      const backup = backupPathFor(file, migrations[from - 1].version);
      expect(existsSync(backup)).toBe(true);
      const restored = openCache(backup, { logger: silentLogger, readonly: true });
      expect(restored.schemaVersion).toBe(migrations[from - 1].version);
      expect(restored.db.prepare('SELECT name FROM odoo_company WHERE id = 1').pluck().get()).toBe('Keep me');
      restored.close();
    }
  });

  it('takes no backup of a brand-new file', () => {
    const file = join(dir, 'new.sqlite');
    openCache(file, { logger: silentLogger }).close();
    expect(existsSync(backupPathFor(file, 0))).toBe(false);
  });

  it('refuses a cache written by a newer app', () => {
    const file = join(dir, 'c.sqlite');
    openCache(file, { logger: silentLogger }).close();
    const error = expectAppError(() => openCache(file, { logger: silentLogger, migrations: migrations.slice(0, migrations.length - 1) }), 'cache.too_new');
    expect(error.message).toContain(`schema version ${latest}`);
    expect(error.hint).toMatch(/Update Boardpack/);
  });

  it('detects an edited migration by its checksum', () => {
    const file = join(dir, 'c.sqlite');
    openCache(file, { logger: silentLogger }).close();
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    expectAppError(() => openCache(file, { logger: silentLogger, migrations: edited }), 'cache.damaged');
  });

  it('detects a damaged file before any read and suggests a re-sync', () => {
    const file = join(dir, 'c.sqlite');
    const cache = openCache(file, { logger: silentLogger });
    const insert = cache.db.prepare('INSERT INTO odoo_partner (sync_company_id, id, name) VALUES (1, ?, ?)');
    cache.db.transaction(() => {
      for (let i = 1; i <= 5000; i++) insert.run(i, `Partner ${i} ${'x'.repeat(40)}`);
    })();
    cache.db.pragma('wal_checkpoint(TRUNCATE)');
    cache.close();
    const size = readFileSync(file).length;
    const fd = openSync(file, 'r+');
    // Scribble over pages in the middle of the table's b-tree.
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const error = expectAppError(() => openCache(file, { logger: silentLogger }), 'cache.damaged');
    expect(error.hint).toMatch(/boardpack sync/);
  });

  it('detects a file that is not a database at all', () => {
    const file = join(dir, 'junk.sqlite');
    writeFileSync(file, 'this is not sqlite '.repeat(500));
    expectAppError(() => openCache(file, { logger: silentLogger }), 'cache.damaged');
  });

  it('reports a missing cache when opened read-only', () => {
    expectAppError(() => openCache(join(dir, 'absent.sqlite'), { logger: silentLogger, readonly: true }), 'cache.missing');
  });
});
