import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/rpc/errors';
import { startOdooSimulator } from '../../odoo-sim/server';
import { openCache } from '../db/open';
import { silentLogger } from '../logging/logger';
import { createOdooClient } from '../odoo/client';
import { createSyncEngine } from './engine';
import { acquireSyncLock } from './sync-lock';
import { clientConfigFor, syncInto } from './test-support/harness';
import { buildSyncFixtureDataset } from './test-support/sync-fixture-dataset';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-sync-ver-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.each([17, 18] as const)('Odoo %i', (version) => {
  it('syncs every model through the older field names and protocol', async () => {
    const sim = await startOdooSimulator({ dataset: buildSyncFixtureDataset(5), version });
    try {
      const file = join(dir, `v${version}.sqlite`);
      const report = await syncInto(file, sim);
      expect(report.status).toBe('ok');
      expect(report.models.filter((m) => m.skipped)).toEqual([]);
      const cache = openCache(file, { logger: silentLogger, readonly: true });
      expect(cache.db.prepare('SELECT server_version, major FROM sync_source').get()).toEqual({ server_version: expect.stringContaining(String(version)), major: version });
      // Same amounts whatever the version: the invoices' company-currency totals.
      expect(cache.db.prepare('SELECT count(*) FROM odoo_move_line WHERE balance IS NOT NULL').pluck().get()).toBe(30);
      expect(cache.db.prepare('SELECT count(*) FROM odoo_account WHERE active = 1').pluck().get()).toBeGreaterThan(0);
      expect(cache.db.prepare('SELECT count(*) FROM odoo_product WHERE is_storable = 1 AND sync_company_id = 1').pluck().get()).toBe(3);
      cache.close();
    } finally {
      await sim.close();
    }
  });
});

describe('guards', () => {
  it('refuses to mix two databases in one cache file', async () => {
    const sim = await startOdooSimulator({ dataset: buildSyncFixtureDataset(1) });
    try {
      const file = join(dir, 'guard.sqlite');
      expect((await syncInto(file, sim, { companies: [1] })).status).toBe('ok');
      const cache = openCache(file, { logger: silentLogger });
      const client = createOdooClient(clientConfigFor(sim), { logger: silentLogger });
      const engine = createSyncEngine({ cache, client, logger: silentLogger, source: { url: sim.url, db: 'other-db' } });
      const report = await engine.run({ companies: [1] });
      cache.close();
      expect(report.status).toBe('failed');
      expect(report.error?.message).toMatch(/holds data of database "boardpack", not "other-db"/);
      const unknownCompany = await syncInto(file, sim, { companies: [99] });
      expect(unknownCompany.error?.code).toBe('odoo.company');
    } finally {
      await sim.close();
    }
  });

  it('allows one sync per cache file at a time, and takes over the lock of a dead process', () => {
    const file = join(dir, 'lock.sqlite');
    const release = acquireSyncLock(file);
    expect(() => acquireSyncLock(file)).toThrow(AppError);
    release();
    // A lock left by a process that no longer exists (kill -9) does not block the next sync.
    writeFileSync(`${file}.sync.lock`, '2147483646');
    const again = acquireSyncLock(file);
    expect(readFileSync(`${file}.sync.lock`, 'utf8')).toBe(String(process.pid));
    again();
    expect(existsSync(`${file}.sync.lock`)).toBe(false);
  });
});
