/**
 * Benchmark: records per second read through the Odoo client from the simulator over loopback,
 * and API calls per 10,000 records, per protocol and starting page size. Prints a table; asserts nothing.
 * Run: npx tsx e2e/bench/odoo-client-throughput.ts [--dataset sim-small|demo-small|demo-medium] [--models a,b] [--versions 19,17] [--repeat N] [--ceiling ROWS]
 * The "ceiling" rows read from a trivial pre-serialised server: the client's own cost (0 to skip).
 */
import { parseArgs } from 'node:util';
import { silentLogger } from '../../electron/core/logging/logger';
import { createOdooClient } from '../../electron/core/odoo/client';
import { json, startReplayServer } from '../../electron/core/odoo/test-support/fixture-server';
import { buildDemoDataset } from '../../electron/demo/index';
import type { SimDataset } from '../../electron/odoo-sim/dataset';
import { buildSmallDataset } from '../../electron/odoo-sim/seed-small';
import { startOdooSimulator } from '../../electron/odoo-sim/server';

const { values } = parseArgs({
  options: {
    models: { type: 'string', default: 'account.move.line,account.move' },
    versions: { type: 'string', default: '19,17' },
    repeat: { type: 'string', default: '1' },
    dataset: { type: 'string', default: 'demo-small' },
    ceiling: { type: 'string', default: '20000' },
  },
});

function buildDataset(name: string): SimDataset {
  if (name === 'sim-small') return buildSmallDataset();
  if (name === 'demo-small') return buildDemoDataset({ scale: 'small' });
  if (name === 'demo-medium') return buildDemoDataset({ scale: 'medium' });
  throw new Error(`unknown --dataset ${name} (sim-small, demo-small, demo-medium)`);
}
const models = values.models.split(',').filter(Boolean);
const versions = values.versions.split(',').map(Number).filter((v): v is 17 | 18 | 19 => v === 17 || v === 18 || v === 19);
const repeat = Math.max(1, Number(values.repeat));
const PAGE_SIZES = [100, 500, 2000];

interface Row {
  version: number;
  protocol: string;
  model: string;
  startPage: number;
  records: number;
  pages: number;
  calls: number;
  ms: number;
  bytes: number;
}

async function measure(version: 17 | 18 | 19, model: string, startPage: number, url: string, db: string, login: string, apiKey: string): Promise<Row> {
  const client = createOdooClient({ url, db, login, apiKey }, { logger: silentLogger });
  const info = await client.connect();
  const fields = Object.entries(await client.fieldsGet(model, ['type', 'store']))
    .filter(([, f]) => f.store === true && f.type !== 'binary' && f.type !== 'one2many' && f.type !== 'many2many')
    .map(([name]) => name);
  const before = client.stats();
  const started = performance.now();
  let records = 0;
  let pages = 0;
  for await (const page of client.readKeyset(model, { fields, pageSize: startPage }, { context: { active_test: false } })) {
    records += page.records.length;
    pages++;
  }
  const ms = performance.now() - started;
  const after = client.stats();
  return { version, protocol: info.protocol, model, startPage, records, pages, calls: after.calls - before.calls, ms, bytes: after.bytes - before.bytes };
}

const rows: Row[] = [];
for (const version of versions) {
  const building = performance.now();
  const dataset = buildDataset(values.dataset);
  console.error(`[bench] Odoo ${version}: dataset ${values.dataset} built in ${(performance.now() - building).toFixed(0)} ms (${models.map((m) => `${m}: ${dataset.table(m).length}`).join(', ')})`);
  const sim = await startOdooSimulator({ dataset, version, latencyMs: 0, faultRate: 0, onlineLimits: false, port: 0 });
  try {
    const { url, db, login, api_key: apiKey } = sim.credentials;
    for (const model of models) {
      for (const startPage of PAGE_SIZES) {
        let best: Row | undefined;
        for (let i = 0; i < repeat; i++) {
          const row = await measure(version, model, startPage, url, db, login, apiKey);
          if (!best || row.ms < best.ms) best = row;
        }
        if (best) {
          rows.push(best);
          console.error(`[bench] ${version} ${model} page0=${startPage}: ${best.records} records in ${best.ms.toFixed(0)} ms`);
        }
      }
    }
  } finally {
    await sim.close();
  }
}

/**
 * The client's own ceiling: a trivial server that answers keyset pages from pre-serialised rows
 * (shaped like account.move.line), so the numbers show client + loopback cost, not the simulator's.
 */
async function measureCeiling(total: number): Promise<Row[]> {
  const rows = Array.from({ length: total }, (_, i) => JSON.stringify({
    id: i + 1, move_id: [Math.floor(i / 4) + 1, `INV/2026/${String(i).padStart(5, '0')}`], account_id: [40 + (i % 9), 'Product Sales'],
    partner_id: [i % 300, 'Azure Interior'], company_id: [1, 'Brightline Industrial'], date: '2026-10-24', parent_state: 'posted',
    debit: i % 2 ? 0 : 125.5, credit: i % 2 ? 125.5 : 0, balance: i % 2 ? -125.5 : 125.5, amount_currency: 125.5, currency_id: [126, 'EUR'],
    name: 'Office chair black', product_id: [i % 400, 'Office Chair'], quantity: 1, price_unit: 125.5, tax_ids: [1], reconciled: false,
    write_date: '2026-11-28 03:12:58', create_date: '2026-11-28 03:12:44',
  }));
  const server = await startReplayServer((req) => {
    if (req.url === '/web/version') return json(200, { version_info: [19, 0, 0, 'final', 0, ''], version: '19.0' });
    if (req.url.endsWith('/context_get')) return json(200, { uid: 2, tz: 'UTC', lang: 'en_US' });
    const body: unknown = JSON.parse(req.body);
    const domain = typeof body === 'object' && body !== null && 'domain' in body && Array.isArray(body.domain) ? body.domain : [];
    const limit = typeof body === 'object' && body !== null && 'limit' in body && typeof body.limit === 'number' ? body.limit : total;
    const leaf: unknown = domain.at(-1);
    const after = Array.isArray(leaf) && typeof leaf[2] === 'number' ? leaf[2] : 0;
    return { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: `[${rows.slice(after, after + limit).join(',')}]` };
  });
  const out: Row[] = [];
  try {
    for (const startPage of PAGE_SIZES) {
      const client = createOdooClient({ url: server.url, db: 'bench', apiKey: 'bench' }, { logger: silentLogger });
      const started = performance.now();
      let records = 0;
      let pages = 0;
      for await (const page of client.readKeyset('account.move.line', { fields: ['balance'], pageSize: startPage })) {
        records += page.records.length;
        pages++;
      }
      const stats = client.stats();
      out.push({ version: 19, protocol: 'ceiling', model: 'account.move.line', startPage, records, pages, calls: stats.calls - 1, ms: performance.now() - started, bytes: stats.bytes });
    }
  } finally {
    await server.close();
  }
  return out;
}

if (Number(values.ceiling) > 0) rows.push(...(await measureCeiling(Number(values.ceiling))));

const pad = (v: string | number, n: number) => String(v).padStart(n);
console.log(`Odoo client throughput over loopback, dataset ${values.dataset} (best of ${repeat}; fields = all stored scalar/m2o fields; Node ${process.versions.node})`);
console.log(`${'ver'.padEnd(4)}${'protocol'.padEnd(9)}${'model'.padEnd(20)}${pad('page0', 6)}${pad('records', 9)}${pad('pages', 7)}${pad('calls', 7)}${pad('ms', 9)}${pad('rec/s', 10)}${pad('calls/10k', 11)}${pad('KB', 9)}`);
for (const r of rows) {
  const perSecond = r.records / (r.ms / 1000);
  const per10k = r.records === 0 ? 0 : (r.calls / r.records) * 10_000;
  console.log(`${String(r.version).padEnd(4)}${r.protocol.padEnd(9)}${r.model.padEnd(20)}${pad(r.startPage, 6)}${pad(r.records, 9)}${pad(r.pages, 7)}${pad(r.calls, 7)}${pad(r.ms.toFixed(0), 9)}${pad(perSecond.toFixed(0), 10)}${pad(per10k.toFixed(1), 11)}${pad((r.bytes / 1024).toFixed(0), 9)}`);
}
