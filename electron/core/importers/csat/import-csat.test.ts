import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCache, type CacheDb } from '../../db/open';
import { silentLogger } from '../../logging/logger';
import { seedTwoCompanyGroup } from '../../reports/test-fixture';
import { importCsatFile } from './import-csat';

let dir: string;
let cache: CacheDb;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-csat-'));
  cache = openCache(join(dir, 'cache.sqlite'), { logger: silentLogger });
  seedTwoCompanyGroup(cache.db);
});

afterEach(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, lines: string[]): string => {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
};

interface StoredResponse {
  company_id: number | null;
  response_date: string;
  score: number;
  scale_max: number;
  respondent: string | null;
  source_file: string;
}
const stored = (): StoredResponse[] =>
  cache.db
    .prepare<[], StoredResponse>('SELECT company_id, response_date, score, scale_max, respondent, source_file FROM app_csat ORDER BY respondent')
    .all();

describe('CSAT survey import', () => {
  it('imports responses, cutting UTC date-times in the Odoo user timezone, and rejects bad rows with reasons', async () => {
    const path = write('survey-q1.csv', [
      'Response ID,Date,Company,Score,Channel',
      'r1,2025-03-05,1,5,email',
      // 23:30 UTC on 31 March is 01:30 on 1 April in Berlin (the synced user timezone).
      'r2,2025-03-31T23:30:00Z,EU GmbH,4,web',
      'r3,2025-03-10 14:00,1,3,',
      'r4,2025-03,2,5,',
      'r1,2025-03-06,1,2,',
      'r5,2025-03-07,1,6,',
      'r6,yesterday,1,4,',
      'r7,2025-03-08,9,4,',
      'r8,2025-03-09,1,4.5,',
      'r9,2025-03-09,1,"3,9",',
      'r10,2025-03-09,,4,',
      'r11,2025-03-09,1,,',
    ]);
    const outcome = await importCsatFile(cache.db, path);
    expect(outcome).toMatchObject({ file: 'survey-q1.csv', kind: 'csat', read: 12, imported: 6, replaced: 0 });
    expect(outcome.rejected).toEqual([
      { line: 6, reason: 'response id "r1" already appears on line 2' },
      { line: 7, reason: 'score 6 is outside the scale 0–5 (add a scale column or pass --scale)' },
      { line: 8, reason: 'date "yesterday" is not a date (expected e.g. 2026-10-22 09:14:22 +0200)' },
      { line: 9, reason: expect.stringMatching(/company "9" is not a synced company/) },
      { line: 12, reason: 'company is empty; leave the company column out for responses about the whole group' },
      { line: 13, reason: 'score is empty' },
    ]);
    expect(stored().map((r) => [r.respondent, r.company_id, r.response_date, r.score, r.scale_max])).toEqual([
      ['r1', 1, '2025-03-05', 5, 5],
      ['r2', 1, '2025-04-01', 4, 5],
      ['r3', 1, '2025-03-10', 3, 5],
      ['r4', 2, '2025-03-01', 5, 5],
      ['r8', 1, '2025-03-09', 4.5, 5],
      ['r9', 1, '2025-03-09', 3.9, 5],
    ]);
  });

  it('re-importing replaces the file; an overlapping export replaces the responses it repeats, never double counts', async () => {
    await importCsatFile(cache.db, write('jan-mar.csv', ['response_id,date,company,score', 'a,2025-01-05,1,5', 'b,2025-02-05,1,2', 'c,2025-03-05,1,4']));
    const again = await importCsatFile(cache.db, write('jan-mar.csv', ['response_id,date,company,score', 'a,2025-01-05,1,5', 'b,2025-02-05,1,3']));
    expect(again).toMatchObject({ imported: 2, replaced: 3 });
    expect(stored().map((r) => [r.respondent, r.score])).toEqual([
      ['a', 5],
      ['b', 3],
    ]);
    const overlap = await importCsatFile(cache.db, write('feb-apr.csv', ['response_id,date,company,score', 'b,2025-02-05,1,4', 'd,2025-04-01,1,5']));
    expect(overlap).toMatchObject({ imported: 2, replaced: 1 });
    expect(stored().map((r) => [r.respondent, r.score, r.source_file])).toEqual([
      ['a', 5, 'jan-mar.csv'],
      ['b', 4, 'feb-apr.csv'],
      ['d', 5, 'feb-apr.csv'],
    ]);
  });

  it('takes the scale from a column or the option, and group-wide responses when there is no company column', async () => {
    const outcome = await importCsatFile(cache.db, write('nps-style.csv', ['submitted_at;rating;out of', '15.03.2025;9;10', '16.03.2025;7;', '17.03.2025;11;10']), { scaleMax: 10 });
    expect(outcome.imported).toBe(2);
    expect(outcome.rejected).toEqual([{ line: 4, reason: 'score 11 is outside the scale 0–10' }]);
    expect(stored().map((r) => [r.company_id, r.response_date, r.score, r.scale_max])).toEqual([
      [null, '2025-03-15', 9, 10],
      [null, '2025-03-16', 7, 10],
    ]);
  });

  it('refuses a file without a score column', async () => {
    await expect(importCsatFile(cache.db, write('x.csv', ['date,comment', '2025-03-01,great']))).rejects.toMatchObject({
      code: 'import.invalid_file',
      message: 'x.csv line 1: missing column(s) score.',
    });
  });
});
