/**
 * Simulator throughput over loopback: JSON-2 search_read with keyset paging (order id, id > last) of
 * account.move.line at page sizes 100 / 500 / 2000, printing records/s and API calls per 10,000
 * records. Also one JSON-RPC pass for comparison. Prints numbers, asserts nothing.
 * Run: npx tsx e2e/bench/odoo-sim-throughput.ts [lines=60000 | small | medium]
 * (a number adds that many synthetic journal items to the hand-made dataset; small/medium serve the demo company)
 */
import { performance } from 'node:perf_hooks';
import { SimDataset, type SimRecord } from '../../electron/odoo-sim/dataset';
import { buildSmallDataset } from '../../electron/odoo-sim/seed-small';
import { startOdooSimulator } from '../../electron/odoo-sim/server';
import { buildDemoDataset } from '../../electron/demo/index';

const ARG = process.argv[2] ?? '60000';
const LINES = Number(ARG);
const FIELDS = ['move_id', 'date', 'account_id', 'partner_id', 'debit', 'credit', 'balance', 'amount_currency', 'currency_id', 'company_id', 'parent_state', 'write_date'];

/** The small dataset plus LINES synthetic posted journal items spread over its moves and accounts. */
function benchDataset(): SimDataset {
  const dataset = buildSmallDataset();
  const moves = dataset.table('account.move');
  const accounts = dataset.table('account.account');
  const start = (dataset.table('account.move.line').at(-1)?.id ?? 0) + 1;
  const rows: SimRecord[] = [];
  for (let i = 0; i < LINES; i++) {
    const move = moves[i % moves.length];
    const amount = ((i * 7919) % 100_000) / 100;
    const debit = i % 2 === 0;
    rows.push({
      id: start + i, move_id: move.id, move_name: move.name, date: move.date, parent_state: 'posted', company_id: move.company_id,
      account_id: accounts[i % accounts.length].id, partner_id: move.partner_id, debit: debit ? amount : 0, credit: debit ? 0 : amount,
      balance: debit ? amount : -amount, amount_currency: debit ? amount : -amount, currency_id: move.currency_id, journal_id: move.journal_id,
      create_date: '2026-11-01 08:00:00', write_date: '2026-11-01 08:00:00',
    });
  }
  dataset.addRecords('account.move.line', rows);
  return dataset;
}

async function main(): Promise<void> {
  const dataset = ARG === 'small' || ARG === 'medium' ? buildDemoDataset({ scale: ARG, seed: 1 }) : benchDataset();
  const total = dataset.table('account.move.line').length;
  const sim = await startOdooSimulator({ dataset, version: 19 });
  const { api_key, db } = sim.credentials;
  process.stdout.write(`odoo-sim throughput: ${total} account.move.line rows, ${FIELDS.length} fields, JSON-2 over ${sim.url}\n`);

  const json2 = async (body: unknown): Promise<Array<{ id: number }>> => {
    const response = await fetch(`${sim.url}/json/2/account.move.line/search_read`, {
      method: 'POST',
      headers: { Authorization: `bearer ${api_key}`, 'X-Odoo-Database': db, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Array<{ id: number }>;
  };

  for (const pageSize of [100, 500, 2000]) {
    sim.requestLog.reset();
    let last = 0;
    let read = 0;
    const t0 = performance.now();
    for (;;) {
      const page = await json2({ domain: [['id', '>', last]], fields: FIELDS, order: 'id asc', limit: pageSize });
      read += page.length;
      if (page.length < pageSize) break;
      last = page[page.length - 1].id;
    }
    const seconds = (performance.now() - t0) / 1000;
    const calls = sim.requestLog.count();
    process.stdout.write(
      `page ${String(pageSize).padStart(4)}: ${read} records in ${seconds.toFixed(2)} s = ${Math.round(read / seconds)} records/s, ` +
        `${calls} calls (${((calls / read) * 10_000).toFixed(1)} calls per 10,000 records)\n`,
    );
  }

  sim.requestLog.reset();
  const t0 = performance.now();
  const response = await fetch(`${sim.url}/jsonrpc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { service: 'object', method: 'execute_kw', args: [db, 2, api_key, 'account.move.line', 'search_read', [[]], { fields: FIELDS, limit: 2000, order: 'id asc' }] } }),
  });
  const rows = ((await response.json()) as { result: unknown[] }).result.length;
  process.stdout.write(`JSON-RPC single page of ${rows}: ${(performance.now() - t0).toFixed(0)} ms\n`);
  await sim.close();
}

await main();
