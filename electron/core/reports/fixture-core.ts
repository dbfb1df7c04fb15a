import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openCache } from '../db/open';
import { silentLogger } from '../logging/logger';
import { createProfileStore } from '../workspace/profile-store';
import { startTestCore, type TestCore } from '../workspace/test-core';
import { seedTwoCompanyGroup } from './test-fixture';

/**
 * For tests: a core whose active Odoo profile's cache holds the two-company fixture, with a clock that moves
 * one second per reading from `startAt` (so a rebuilt report shows a new generatedAt). `syncedAt` records a
 * finished sync, which closing a month requires.
 */
export function startFixtureCore(options: { startAt: string; syncedAt?: string }): { core: TestCore; cacheFile: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'bp-reports-core-'));
  const profiles = createProfileStore(dataDir);
  const profile = profiles.upsert({ name: 'Fixture', kind: 'odoo', url: 'http://127.0.0.1:1', db: 'fixture', login: null, protocol: 'auto', companies: null, keySavedAt: null }, new Date('2025-04-01T00:00:00Z'));
  profiles.setActive(profile.id);
  const cacheFile = profiles.cacheFile(profile.id);
  mkdirSync(dirname(cacheFile), { recursive: true });
  const seeded = openCache(cacheFile, { logger: silentLogger });
  seedTwoCompanyGroup(seeded.db);
  if (options.syncedAt) {
    const finished = new Date(Date.parse(options.syncedAt) + 60_000).toISOString();
    seeded.db.prepare("INSERT INTO sync_run (started_at, finished_at, status, full, companies) VALUES (?, ?, 'ok', 1, '[1,2]')").run(options.syncedAt, finished);
  }
  seeded.close();
  let tick = Date.parse(options.startAt);
  const core = startTestCore({ dataDir, clock: { now: () => new Date((tick += 1000)) } });
  return { core, cacheFile };
}
