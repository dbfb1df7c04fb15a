// @vitest-environment node
/**
 * End to end on the demo company: the real sync fills a cache from the simulator serving the demo
 * generator's data, the generator writes its shop/payment/marketplace exports, and every planted
 * discrepancy of the answer key must be found with its category (recall) while nothing else is
 * flagged (precision). Opt-in (BOARDPACK_DEMO_E2E=1): it syncs a whole demo company.
 * BOARDPACK_DEMO_CACHE=<file> reuses an already synced cache (it is copied, never modified).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDemoData } from '../../demo/index';
import type { Clock } from '../clock';
import { openCache } from '../db/open';
import { silentLogger } from '../logging/logger';
import { scoreDemo, type PlantedRecord } from './demo-check';

const clock: Clock = { now: () => new Date('2026-12-01T08:00:00Z') };

describe.skipIf(!process.env.BOARDPACK_DEMO_E2E)('reconciliation finds exactly the planted discrepancies', () => {
  it('has 100% recall and precision on the small demo company', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-recon-demo-'));
    try {
      const file = join(dir, 'cache.sqlite');
      if (process.env.BOARDPACK_DEMO_CACHE) copyFileSync(process.env.BOARDPACK_DEMO_CACHE, file);
      else execFileSync('node', ['electron/cli/bin.mjs', 'sync', '--demo', '--scale', 'small', '--cache', file, '--json'], { stdio: 'ignore' });
      const exportsDir = join(dir, 'exports');
      const written = await writeDemoData({ scale: 'small', seed: 1, outDir: exportsDir });
      const key = JSON.parse(readFileSync(written.answerKeyFile, 'utf8')) as { discrepancies: PlantedRecord[] };
      const months = [...new Set(key.discrepancies.map((plant) => plant.month))].sort();
      const cache = openCache(file, { logger: silentLogger });
      try {
        const score = await scoreDemo(cache.db, exportsDir, key.discrepancies, months, { clock, logger: silentLogger });
        console.log(`planted ${score.planted}, found ${score.found}, correct ${score.correct}, flagged ${score.flagged}, extra ${score.extra.length}`);
        expect(score.missed).toEqual([]);
        expect(score.wrong).toEqual([]);
        // Anything flagged beyond the key must be a real, verifiable discrepancy in the synced data.
        for (const extra of score.extra) {
          const [, record, category] = extra.split(' ');
          const orderKey = (record ?? '').replace(/^marketplace:/, '');
          const creditNotes = cache.db.prepare("SELECT count(*) FROM odoo_move WHERE move_type = 'out_refund' AND (ref = ? OR invoice_origin IN (SELECT name FROM odoo_sale_order WHERE client_order_ref = ?))").pluck().get(orderKey, orderKey);
          expect({ extra, category, creditNotes }).toEqual({ extra, category: 'REFUND_NOT_BOOKED', creditNotes: 0 });
        }
      } finally {
        cache.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 900_000);
});
