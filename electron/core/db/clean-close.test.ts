import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { closedCleanly } from './clean-close';
import { openCache } from './open';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-clean-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('clean-close marker (skips the quick_check of an untouched cache)', () => {
  it('is recorded by a clean close and removed while the cache is open for writing', () => {
    const file = join(dir, 'c.sqlite');
    const cache = openCache(file, { logger: silentLogger });
    cache.db.prepare("INSERT INTO odoo_company (sync_company_id, id, name) VALUES (1, 1, 'A')").run();
    expect(closedCleanly(file)).toBe(false);
    cache.close();
    expect(existsSync(`${file}.checked`)).toBe(true);
    expect(closedCleanly(file)).toBe(true);

    const again = openCache(file, { logger: silentLogger });
    expect(existsSync(`${file}.checked`)).toBe(false);
    expect(again.db.prepare('SELECT name FROM odoo_company').pluck().get()).toBe('A');
    again.close();
  });

  it('does not survive a session that never closed (a crash)', () => {
    const file = join(dir, 'c.sqlite');
    openCache(file, { logger: silentLogger }).close();
    const crashed = openCache(file, { logger: silentLogger });
    crashed.db.prepare("INSERT INTO odoo_company (sync_company_id, id, name) VALUES (1, 1, 'A')").run();
    // No close: the marker stays removed, so the next open checks the file.
    expect(closedCleanly(file)).toBe(false);
    crashed.db.close();
  });

  it('is void once anything else wrote the file after the close', () => {
    const file = join(dir, 'c.sqlite');
    openCache(file, { logger: silentLogger }).close();
    expect(closedCleanly(file)).toBe(true);
    appendFileSync(file, Buffer.alloc(16));
    expect(closedCleanly(file)).toBe(false);
  });

  it('is neither written nor consumed by a read-only open', () => {
    const file = join(dir, 'c.sqlite');
    openCache(file, { logger: silentLogger }).close();
    const reader = openCache(file, { logger: silentLogger, readonly: true });
    expect(closedCleanly(file)).toBe(true);
    reader.close();
    expect(closedCleanly(file)).toBe(true);
  });
});
