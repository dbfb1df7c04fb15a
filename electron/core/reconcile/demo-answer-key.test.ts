// @vitest-environment node
/**
 * End to end on the demo company (small scale, seed 1): the generator's Odoo records are served by
 * the simulator and synced through the real client into a temporary cache, every export file the
 * generator wrote is imported with its entity's time zone and currency, every month of the history
 * is reconciled, and the result must equal the answer key: every planted discrepancy found with its
 * category (recall 100%), nothing else flagged (precision 100%). The synced cache is built once for
 * this file and deleted afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerKey } from '../../demo/answer-key';
import type { Clock } from '../clock';
import { openCache, type CacheDb } from '../db/open';
import { silentLogger } from '../logging/logger';
import { importDemoExports, scoreDemo, syncDemoCompany, type DemoScore } from './demo-check';

const clock: Clock = { now: () => new Date('2026-12-01T08:00:00Z') };
const deps = { clock, logger: silentLogger };

describe('reconciliation of the demo company against its answer key', () => {
  let dir = '';
  let cache: CacheDb;
  let answerKey: AnswerKey;
  let score: DemoScore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bp-recon-demo-'));
    const exportsDir = join(dir, 'exports');
    const synced = await syncDemoCompany({ scale: 'small', seed: 1, cacheFile: join(dir, 'cache.sqlite'), exportsDir, logger: silentLogger });
    expect(synced.sync.status).toBe('ok');
    answerKey = synced.answerKey;
    cache = openCache(join(dir, 'cache.sqlite'), { logger: silentLogger });
    const imported = await importDemoExports(cache.db, exportsDir, answerKey.companies, deps);
    expect(imported).toBeGreaterThan(50);
    score = await scoreDemo(cache.db, answerKey.discrepancies, answerKey.companies[0]!.months.map((month) => month.month), deps);
  }, 180_000);

  afterAll(() => {
    cache?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports every export row without rejecting any', () => {
    const rejected = cache.db.prepare('SELECT file_name, rows_rejected FROM app_import_batch WHERE rows_rejected > 0').all();
    expect(rejected).toEqual([]);
    const rows = cache.db.prepare('SELECT sum(rows_read) AS read, sum(rows_imported) AS imported FROM app_import_batch').get() as { read: number; imported: number };
    expect(rows.read).toBeGreaterThan(1000);
    expect(rows.imported).toBe(rows.read);
  });

  it('finds every planted discrepancy with its category (recall 100%)', () => {
    expect(score.planted).toBe(answerKey.discrepancies.length);
    expect(score.planted).toBeGreaterThan(150);
    expect(score.missed).toEqual([]);
    expect(score.wrong).toEqual([]);
    expect(score.correct).toBe(score.planted);
  });

  it('reports the amounts of the answer key on both sides, to the cent, in the document currency', () => {
    expect(score.amounts).toEqual([]);
  });

  it('flags nothing that was not planted (precision 100%)', () => {
    expect(score.extra).toEqual([]);
    const plantedExceptions = answerKey.discrepancies.filter((plant) => plant.category !== 'MATCHED').length;
    expect(score.flagged).toBe(plantedExceptions);
  });

  it('ties every payout: its lines add up to the provider total, which is an Odoo bank line', () => {
    expect(score.payoutIssues).toEqual([]);
    expect(Object.keys(score.payouts)).toEqual(['PAYOUT_MATCHED']);
    expect(score.payouts.PAYOUT_MATCHED).toBeGreaterThan(200);
  });

  it('covers every category the answer key documents', () => {
    const categories = new Set(answerKey.discrepancies.map((plant) => plant.category));
    for (const category of ['MISSING_IN_ODOO', 'MISSING_IN_SHOP', 'AMOUNT_MISMATCH_SHIPPING', 'AMOUNT_MISMATCH_DISCOUNT', 'AMOUNT_MISMATCH_TAX', 'REFUND_NOT_BOOKED',
      'MATCHED_FX_DIFFERENCE', 'MATCHED_TIMING_MONTH_END', 'TIMEZONE_MONTH_BOUNDARY', 'CANCELLED_FEE_ONLY', 'DUPLICATE_IN_ODOO', 'PAYMENT_NOT_REGISTERED',
      'CHARGEBACK_NOT_BOOKED', 'UNMATCHED_FEE', 'MATCHED_KEY_NORMALIZED', 'MATCHED_OTHER_GATEWAY', 'OPEN_EXPECTED', 'MATCHED']) {
      expect(categories.has(category), category).toBe(true);
    }
  });
});
