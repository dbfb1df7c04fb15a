import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdooSimulator } from '../../odoo-sim/server';
import { knownModels } from '../../odoo-sim/schema/index';
import { openCache } from '../db/open';
import { createSyncStateRepo } from '../db/repos/sync-state-repo';
import { silentLogger } from '../logging/logger';
import { MODEL_SPECS } from './model-specs';
import { hashOf, syncInto } from './test-support/harness';
import { buildSyncFixtureDataset } from './test-support/sync-fixture-dataset';

let dir: string;
let cleanHash: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bp-sync-res-'));
  const sim = await startOdooSimulator({ dataset: buildSyncFixtureDataset(30) });
  expect((await syncInto(join(dir, 'clean.sqlite'), sim)).status).toBe('ok');
  await sim.close();
  cleanHash = hashOf(join(dir, 'clean.sqlite'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('faults', () => {
  it('completes through 10% failed calls (500s, resets, truncated bodies) and equals a clean sync', async () => {
    const sim = await startOdooSimulator({ dataset: buildSyncFixtureDataset(30), faultRate: 0.1, faultSeed: 7 });
    try {
      const file = join(dir, 'faulty.sqlite');
      const report = await syncInto(file, sim, {}, { engine: { pageSize: 50 } });
      expect(report.status).toBe('ok');
      const statuses = sim.requestLog.all().map((e) => e.status);
      // Faults really happened: resets (status 0), 500s, and retried calls.
      expect(statuses.filter((s) => s === 0 || s === 500).length).toBeGreaterThan(5);
      expect(hashOf(file)).toBe(cleanHash);
    } finally {
      await sim.close();
    }
  });

  it('in Online mode keeps one call in flight and at least one second between calls', async () => {
    const sim = await startOdooSimulator({ dataset: buildSyncFixtureDataset(2), onlineLimits: true });
    try {
      const specs = MODEL_SPECS.filter((s) => s.model === 'res.currency' || s.model === 'res.partner');
      const report = await syncInto(join(dir, 'online.sqlite'), sim, { companies: [1] }, { client: { hosting: 'online' }, engine: { specs } });
      expect(report.status).toBe('ok');
      expect(report.models.map((m) => [m.model, m.fetched])).toEqual([['res.currency', 3], ['res.partner', 10]]);
      expect(sim.requestLog.maxConcurrency()).toBe(1);
      expect(sim.requestLog.minGapMs()).toBeGreaterThanOrEqual(1000);
      expect(sim.requestLog.all().filter((e) => e.status === 429)).toEqual([]);
    } finally {
      await sim.close();
    }
  }, 30_000);
});

describe('missing modules', () => {
  it('skips a model whose module is not installed, with a note reports can read', async () => {
    const installedModels = knownModels().filter((m) => !m.startsWith('crm.'));
    const sim = await startOdooSimulator({ dataset: buildSyncFixtureDataset(3), installedModels });
    try {
      const file = join(dir, 'nocrm.sqlite');
      const report = await syncInto(file, sim);
      expect(report.status).toBe('ok');
      const skipped = report.models.filter((m) => m.skipped).map((m) => `${m.model}@${m.company_id}`);
      expect(skipped.sort()).toEqual(['crm.lead@1', 'crm.lead@2', 'crm.stage@1', 'crm.stage@2', 'crm.team@1', 'crm.team@2']);
      const cache = openCache(file, { logger: silentLogger, readonly: true });
      const notes = createSyncStateRepo(cache.db).skippedModels();
      expect(notes).toHaveLength(6);
      expect(notes[0].skipped_reason).toMatch(/not installed/);
      expect(cache.db.prepare('SELECT count(*) FROM odoo_move').pluck().get()).toBeGreaterThan(0);
      cache.close();
    } finally {
      await sim.close();
    }
  });
});

describe('cancellation', () => {
  it('stops after a committed page, keeps the watermark at that page, and resumes to a clean result', async () => {
    const sim = await startOdooSimulator({ dataset: buildSyncFixtureDataset(30) });
    try {
      const file = join(dir, 'cancelled.sqlite');
      const controller = new AbortController();
      const report = await syncInto(file, sim, {
        signal: controller.signal,
        onProgress: (e) => {
          if (e.model === 'account.move.line' && e.companyId === 1 && e.phase === 'scan' && e.done > 0) controller.abort();
        },
      }, { engine: { pageSize: 50 } });
      expect(report.status).toBe('cancelled');
      expect(report.error?.code).toBe('cancelled');
      const cache = openCache(file, { logger: silentLogger, readonly: true });
      const wm = createSyncStateRepo(cache.db).getWatermark('account.move.line', 1);
      expect(wm?.phase).toBe('scan');
      const rows = cache.db.prepare('SELECT count(*) AS n, max(id) AS last FROM odoo_move_line WHERE sync_company_id = 1').get() as { n: number; last: number };
      expect(rows.n).toBe(50);
      expect(wm?.last_id).toBe(rows.last);
      expect(cache.db.prepare("SELECT status FROM sync_run ORDER BY id DESC LIMIT 1").pluck().get()).toBe('cancelled');
      cache.close();

      const resumed = await syncInto(file, sim, {}, { engine: { pageSize: 50 } });
      expect(resumed.status).toBe('ok');
      // The resumed scan started after the saved page: it read the 40 remaining lines, not all 90.
      expect(resumed.models.find((m) => m.model === 'account.move.line' && m.company_id === 1)?.fetched).toBe(40);
      expect(hashOf(file)).toBe(cleanHash);
    } finally {
      await sim.close();
    }
  });
});
