import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/rpc/errors';
import { openCache } from '../db/open';
import { silentLogger } from '../logging/logger';
import { computeContentHash } from './content-hash';
import { diffSnapshots } from './diff';
import { closeSnapshot, listSnapshots, openSnapshot, snapshotPathFor } from './snapshot-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-snap-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const deps = { logger: silentLogger };

/** A small synced-looking cache: two companies (USD, EUR), invoices and journal items. */
function seed(file: string, reverse = false): void {
  const cache = openCache(file, deps);
  const db = cache.db;
  const statements: Array<() => void> = [
    () => db.prepare("INSERT INTO sync_source (id, url, db, server_version, connected_at) VALUES (1, 'http://odoo.test', 'acme', '19.0', '2026-11-01T00:00:00Z')").run(),
    () => db.prepare("INSERT INTO sync_run (started_at, finished_at, status, full, companies) VALUES ('2026-11-01T00:00:00Z', '2026-11-01T00:01:00Z', 'ok', 1, '[1,5]')").run(),
  ];
  for (const c of [1, 5]) {
    statements.push(() => db.prepare("INSERT INTO odoo_currency (sync_company_id, id, name, decimal_places) VALUES (?, 1, 'USD', 2), (?, 2, 'EUR', 2)").run(c, c));
    statements.push(() => db.prepare('INSERT INTO odoo_company (sync_company_id, id, name, currency_id, currency_name) VALUES (?, ?, ?, ?, ?)').run(c, c, c === 1 ? 'US Co' : 'EU Co', c === 1 ? 1 : 2, c === 1 ? 'USD' : 'EUR'));
    for (let i = 1; i <= 20; i++) {
      const id = c * 1000 + i;
      statements.push(() => db.prepare("INSERT INTO odoo_move (sync_company_id, id, name, state, move_type, currency_id, currency_name, amount_total, amount_total_signed, write_date) VALUES (?, ?, ?, 'posted', 'out_invoice', ?, ?, ?, ?, '2026-10-31 12:00:00')")
        .run(c, id, `INV/${id}`, c === 1 ? 1 : 2, c === 1 ? 'USD' : 'EUR', 10000 + i, 10000 + i));
      statements.push(() => db.prepare("INSERT INTO odoo_move_line (sync_company_id, id, move_id, balance, debit, credit, company_currency_id, company_currency_name, write_date) VALUES (?, ?, ?, ?, ?, 0, ?, ?, '2026-10-31 12:00:00')")
        .run(c, id * 10, id, 10000 + i, 10000 + i, c === 1 ? 1 : 2, c === 1 ? 'USD' : 'EUR'));
    }
  }
  if (reverse) statements.reverse();
  db.transaction(() => statements.forEach((s) => s()))();
  cache.close();
}

describe('content hash', () => {
  it('is the same for the same data written in a different order, and differs when one amount moves by a cent', () => {
    seed(join(dir, 'a.sqlite'));
    seed(join(dir, 'b.sqlite'), true);
    const a = openCache(join(dir, 'a.sqlite'), deps);
    const b = openCache(join(dir, 'b.sqlite'), deps);
    b.db.prepare("INSERT INTO sync_run (started_at, status, full, companies) VALUES ('2027-01-01', 'failed', 0, '[]')").run();
    expect(computeContentHash(a.db)).toBe(computeContentHash(b.db));
    b.db.prepare('UPDATE odoo_move_line SET balance = balance + 1 WHERE id = 10010').run();
    expect(computeContentHash(a.db)).not.toBe(computeContentHash(b.db));
    a.close();
    b.close();
  });
});

describe('snapshots', () => {
  it('closes an immutable, verifiable snapshot that later cache changes do not touch', () => {
    const file = join(dir, 'acme.sqlite');
    seed(file);
    const info = closeSnapshot(file, '2026-10', deps);
    expect(info.file).toBe(snapshotPathFor(file, '2026-10'));
    expect(info.source_db).toBe('acme');
    expect(info.odoo_version).toBe('19.0');
    expect(statSync(info.file).mode & 0o222).toBe(0);
    const live = openCache(file, deps);
    expect(computeContentHash(live.db)).toBe(info.content_hash);
    live.db.prepare('DELETE FROM odoo_move WHERE id = 1001').run();
    live.close();
    const before = readFileSync(info.file);
    const opened = openSnapshot(info.file, deps);
    expect(opened.meta.content_hash).toBe(info.content_hash);
    expect(opened.cache.db.prepare('SELECT count(*) FROM odoo_move').pluck().get()).toBe(40);
    opened.cache.close();
    expect(readFileSync(info.file).equals(before)).toBe(true);
    expect(() => closeSnapshot(file, '2026-10', deps)).toThrow(/already exists/);
    expect(listSnapshots(file, deps).map((s) => [s.month, s.verified])).toEqual([['2026-10', true]]);
  });

  it('refuses a snapshot modified after closing', () => {
    const file = join(dir, 'acme.sqlite');
    seed(file);
    const info = closeSnapshot(file, '2026-10', deps);
    chmodSync(info.file, 0o644);
    const raw = new Database(info.file);
    raw.prepare('UPDATE odoo_move SET amount_total_signed = 1 WHERE id = 1001').run();
    raw.close();
    let error: unknown;
    try {
      openSnapshot(info.file, deps);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('cache.damaged');
    expect(listSnapshots(file, deps)[0].verified).toBe(false);
  });

  it('diff reports exactly the planted changes, per model and company, with amounts per currency', () => {
    const file = join(dir, 'acme.sqlite');
    seed(file);
    const oct = closeSnapshot(file, '2026-10', deps);
    const live = openCache(file, deps);
    live.db.transaction(() => {
      // company 1: one invoice added, one amount changed (+5.00), one deleted; company 5: one touched without change.
      live.db.prepare("INSERT INTO odoo_move (sync_company_id, id, name, currency_id, currency_name, amount_total, amount_total_signed) VALUES (1, 1099, 'INV/1099', 2, 'EUR', 5000, 5450)").run();
      live.db.prepare('UPDATE odoo_move SET amount_total = amount_total + 500, amount_total_signed = amount_total_signed + 500 WHERE sync_company_id = 1 AND id = 1002').run();
      live.db.prepare('DELETE FROM odoo_move WHERE sync_company_id = 1 AND id = 1003').run();
      live.db.prepare("UPDATE odoo_move SET write_date = '2026-11-05 09:00:00' WHERE sync_company_id = 5 AND id = 5001").run();
      live.db.prepare('UPDATE odoo_move_line SET balance = balance - 7, debit = debit - 7 WHERE sync_company_id = 5 AND id = 50040').run();
    })();
    live.close();
    const nov = closeSnapshot(file, '2026-11', deps);
    const diff = diffSnapshots(oct.file, nov.file, deps);
    expect(diff.a.month).toBe('2026-10');
    expect(diff.models).toEqual([
      {
        model: 'account.move', company_id: 1,
        added: { count: 1, amounts: [
          { column: 'amount_total', currency: 'EUR', minor: 5000, amount: '50.00' },
          { column: 'amount_total_signed', currency: 'USD', minor: 5450, amount: '54.50' },
        ] },
        changed: { count: 1, amounts: [
          { column: 'amount_total', currency: 'USD', minor: 500, amount: '5.00' },
          { column: 'amount_total_signed', currency: 'USD', minor: 500, amount: '5.00' },
        ] },
        deleted: { count: 1, amounts: [
          { column: 'amount_total', currency: 'USD', minor: 10003, amount: '100.03' },
          { column: 'amount_total_signed', currency: 'USD', minor: 10003, amount: '100.03' },
        ] },
      },
      {
        model: 'account.move.line', company_id: 5,
        added: { count: 0, amounts: [] },
        changed: { count: 1, amounts: [
          { column: 'balance', currency: 'EUR', minor: -7, amount: '-0.07' },
          { column: 'debit', currency: 'EUR', minor: -7, amount: '-0.07' },
        ] },
        deleted: { count: 0, amounts: [] },
      },
    ]);
    expect(listSnapshots(file, deps).map((s) => s.month)).toEqual(['2026-10', '2026-11']);
  });
});

describe('closing requires a finished sync', () => {
  it('refuses a cache whose last sync did not finish or that is mid-scan', () => {
    const file = join(dir, 'acme.sqlite');
    seed(file);
    const cache = openCache(file, deps);
    cache.db.prepare("INSERT INTO sync_run (started_at, status, full, companies) VALUES ('2026-11-02T00:00:00Z', 'failed', 0, '[1,5]')").run();
    cache.close();
    expect(() => closeSnapshot(file, '2026-10', deps)).toThrow(/did not finish \(failed\)/);
    const again = openCache(file, deps);
    again.db.prepare("INSERT INTO sync_run (started_at, finished_at, status, full, companies) VALUES ('2026-11-03T00:00:00Z', '2026-11-03T00:01:00Z', 'ok', 0, '[1,5]')").run();
    again.db.prepare("INSERT INTO sync_watermark (model, company_id, last_id, phase, updated_at) VALUES ('account.move', 1, 40, 'scan', '2026-11-03')").run();
    again.close();
    expect(() => closeSnapshot(file, '2026-10', deps)).toThrow(/unfinished sync/);
  });
});
