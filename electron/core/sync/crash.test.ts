import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCache } from '../db/open';
import { silentLogger } from '../logging/logger';
import { startOdooSimulator } from '../../odoo-sim/server';
import { MODEL_SPECS } from './model-specs';
import { hashOf, syncInto } from './test-support/harness';
import { buildSyncFixtureDataset } from './test-support/sync-fixture-dataset';

const ROOT = resolve(__dirname, '../../..');
const CHILD = join(__dirname, 'test-support/sync-child.ts');

interface ChildResult {
  killed: boolean;
  code: number | null;
  stdout: string;
}

/** Where to kill: when the child reports this step of the plan, optionally only once that model has committed a page. */
interface KillPoint {
  step: number;
  afterFirstPage: boolean;
  jitterMs: number;
}

const PER_COMPANY = 40;

/**
 * A sync in a child process (test-support/sync-child.ts: the simulator and the engine, as the CLI
 * runs them). With a kill point, the child is SIGKILLed when its progress output reaches it, so
 * every kill lands inside a running sync whatever the machine's speed.
 */
function runSyncChild(cache: string, kill?: KillPoint): Promise<ChildResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, cache, String(PER_COMPANY)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let armed = kill !== undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (!armed || !kill) return;
      for (const match of chunk.toString().matchAll(/^progress (\d+) \S+ \d+ (\w+) (\d+)$/gm)) {
        const step = Number(match[1]);
        const midScan = match[2] === 'scan' && Number(match[3]) > 0;
        if (step > kill.step || (step === kill.step && (!kill.afterFirstPage || midScan))) {
          armed = false;
          setTimeout(() => child.kill('SIGKILL'), kill.jitterMs);
          break;
        }
      }
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => done({ killed: signal === 'SIGKILL', code, stdout }));
  });
}

function rowCounts(file: string): Record<string, number> {
  const cache = openCache(file, { logger: silentLogger, readonly: true });
  try {
    return Object.fromEntries(MODEL_SPECS.map((s) => [s.table, cache.db.prepare(`SELECT count(*) FROM ${s.table}`).pluck().get() as number]));
  } finally {
    cache.close();
  }
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-crash-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('crash safety', () => {
  it('a sync SIGKILLed at points spread over the plan resumes each time and ends equal to a clean sync', async () => {
    // The demo source is the small sync fixture (40 invoices per company): the clean reference is synced in-process.
    const clean = join(dir, 'clean.sqlite');
    const sim = await startOdooSimulator({ dataset: buildSyncFixtureDataset(PER_COMPANY) });
    expect((await syncInto(clean, sim, {}, { engine: { pageSize: 50 } })).status).toBe('ok');
    await sim.close();
    const cleanHash = hashOf(clean);
    const cleanCounts = rowCounts(clean);

    const file = join(dir, 'crashy.sqlite');
    // Steps of the 42-step plan (21 models x 2 companies), early and late, both companies; jitter lands kills mid-page.
    const kills: KillPoint[] = [
      { step: 5, afterFirstPage: false, jitterMs: 0 },
      { step: 14, afterFirstPage: true, jitterMs: 0 }, // account.move.line, company 1, between pages
      { step: 14, afterFirstPage: true, jitterMs: 1 },
      { step: 35, afterFirstPage: true, jitterMs: 0 }, // account.move.line, company 2
      { step: 38, afterFirstPage: false, jitterMs: 3 },
    ];
    let interrupted = 0;
    let midScan = 0;
    for (const kill of kills) {
      const result = await runSyncChild(file, kill);
      expect(result.killed).toBe(true);
      const cache = openCache(file, { logger: silentLogger, readonly: true });
      if ((cache.db.prepare("SELECT count(*) FROM sync_run WHERE status = 'running'").pluck().get() as number) > 0) interrupted++;
      if ((cache.db.prepare("SELECT count(*) FROM sync_watermark WHERE phase = 'scan'").pluck().get() as number) > 0) midScan++;
      cache.close();
    }
    expect(interrupted).toBe(kills.length);
    // At least one kill fell between two pages of one model (watermark left mid-scan), the case resume exists for.
    expect(midScan).toBeGreaterThanOrEqual(1);

    const final = await runSyncChild(file);
    expect(final.code).toBe(0);
    const report = JSON.parse(final.stdout) as { status: string };
    expect(report.status).toBe('ok');
    expect(rowCounts(file)).toEqual(cleanCounts);
    expect(hashOf(file)).toBe(cleanHash);
    const cache = openCache(file, { logger: silentLogger, readonly: true });
    // Killed runs are marked failed, not left "running"; no watermark is mid-scan after the final run.
    expect(cache.db.prepare("SELECT count(*) FROM sync_run WHERE status = 'running'").pluck().get()).toBe(0);
    expect(cache.db.prepare("SELECT count(*) FROM sync_watermark WHERE phase = 'scan'").pluck().get()).toBe(0);
    cache.close();
  }, 120_000);
});
