/**
 * Benchmark: full sync of the demo company over loopback (simulator in this process, real HTTP).
 * Prints records/s, API calls against the minimum possible, peak RSS, and the same rows inserted
 * by a bare better-sqlite3 loop in the same run, so the cost of the sync + cache layer is a ratio.
 *
 *   npx tsx e2e/bench/sync-full.ts                 # medium
 *   npx tsx e2e/bench/sync-full.ts --scale large   # or small / medium / large, repeatable
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openCache } from '../../electron/core/db/open';
import { silentLogger } from '../../electron/core/logging/logger';
import { createOdooClient } from '../../electron/core/odoo/client';
import { KEYSET_MAX_PAGE } from '../../electron/core/odoo/keyset';
import { createSyncEngine } from '../../electron/core/sync/engine';
import { MODEL_SPECS } from '../../electron/core/sync/model-specs';
import { loadSimDataset, type DatasetScale } from '../../electron/odoo-sim/dataset-source';
import { startOdooSimulator } from '../../electron/odoo-sim/server';

const { values } = parseArgs({ options: { scale: { type: 'string', multiple: true } } });
const scales = (values.scale ?? ['medium']) as DatasetScale[];

function mb(kb: number): string {
  return `${(kb / 1024).toFixed(0)} MB`;
}

async function bench(scale: DatasetScale): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `bp-bench-sync-${scale}-`));
  try {
    const t0 = performance.now();
    const { dataset, source } = await loadSimDataset({ scale, seed: 1 });
    const genMs = performance.now() - t0;
    const sim = await startOdooSimulator({ dataset });
    const cacheFile = join(dir, 'cache.sqlite');
    const cache = openCache(cacheFile, { logger: silentLogger });
    const client = createOdooClient({ url: sim.url, db: sim.credentials.db, login: sim.credentials.login, apiKey: sim.credentials.api_key, hosting: 'self-hosted' }, { logger: silentLogger });
    const engine = createSyncEngine({ cache, client, logger: silentLogger, pageSize: KEYSET_MAX_PAGE });
    const started = performance.now();
    const report = await engine.run({});
    const syncMs = performance.now() - started;
    await sim.close();
    if (report.status !== 'ok') throw new Error(`sync ${report.status}: ${report.error?.message}`);

    const records = report.models.reduce((n, m) => n + m.fetched, 0);
    const searchReads = sim.requestLog.all().filter((e) => e.method === 'search_read').length;
    const minimumReads = report.models.reduce((n, m) => n + Math.max(1, Math.ceil(m.fetched / KEYSET_MAX_PAGE)), 0);
    const connectAndMeta = report.calls - report.models.reduce((n, m) => n + m.calls, 0);

    // The same rows through a bare better-sqlite3 loop: same schema, one transaction per table.
    const rows = MODEL_SPECS.map((spec) => ({ spec, rows: cache.db.prepare(`SELECT * FROM ${spec.table}`).raw().all() as unknown[][] }));
    const schema = MODEL_SPECS.map((spec) => cache.db.prepare("SELECT sql FROM sqlite_master WHERE name = ?").pluck().get(spec.table) as string);
    cache.close();
    const bare = new Database(join(dir, 'bare.sqlite'));
    bare.pragma('journal_mode = WAL');
    bare.pragma('synchronous = NORMAL');
    schema.forEach((sql) => bare.exec(sql));
    const bareStart = performance.now();
    for (const { spec, rows: tableRows } of rows) {
      if (tableRows.length === 0) continue;
      const insert = bare.prepare(`INSERT INTO ${spec.table} VALUES (${tableRows[0].map(() => '?').join(', ')})`);
      bare.transaction(() => {
        for (const row of tableRows) insert.run(...row);
      })();
    }
    const bareMs = performance.now() - bareStart;
    bare.close();
    const cachedRows = rows.reduce((n, t) => n + t.rows.length, 0);

    console.log(`\n== sync-full ${scale} (dataset: ${source}, generated in ${(genMs / 1000).toFixed(1)} s) ==`);
    console.log(`records synced      ${records} (${cachedRows} cache rows, ${report.models.length} model x company steps)`);
    console.log(`sync wall time      ${(syncMs / 1000).toFixed(2)} s  -> ${Math.round(records / (syncMs / 1000))} records/s`);
    console.log(`API calls           ${report.calls} total: ${searchReads} search_read vs minimum ${minimumReads} (ceil(records/${KEYSET_MAX_PAGE}) per model x company), ${connectAndMeta} connect+fields_get`);
    console.log(`bare insert loop    ${(bareMs / 1000).toFixed(2)} s  -> ${Math.round(cachedRows / (bareMs / 1000))} rows/s`);
    console.log(`cache layer         ${((report.cacheWriteMs ?? 0) / 1000).toFixed(2)} s in page writes (row mapping, money conversion, upsert, watermark)`);
    console.log(`ratio               cache layer / bare insert = ${((report.cacheWriteMs ?? 0) / bareMs).toFixed(2)}x; full sync / bare insert = ${(syncMs / bareMs).toFixed(1)}x`);
    console.log(`peak RSS            ${mb(process.resourceUsage().maxRSS)}`);
    for (const m of [...report.models].sort((a, b) => b.fetched - a.fetched).slice(0, 5)) console.log(`  ${m.model.padEnd(26)} company ${m.company_id}: ${m.fetched} records, ${m.calls} calls`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const scale of scales) await bench(scale);
