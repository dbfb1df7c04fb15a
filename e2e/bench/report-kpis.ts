/**
 * Benchmark: the full KPI set for one month, all companies + consolidated, on a demo cache, cold
 * (fresh connection, empty page cache of the process) and warm (same connection, repeated), against
 * one plain SQL scan of that month's journal items measured in the same run. Prints numbers only.
 *
 *   npx tsx e2e/bench/report-kpis.ts [--cache FILE] [--scale small|medium|large] [--month YYYY-MM] [--runs N]
 *
 * Without --cache it builds one with `boardpack sync --demo --scale <scale>` into a temp folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openCache } from '../../electron/core/db/open';
import { silentLogger } from '../../electron/core/logging/logger';
import { buildReport } from '../../electron/core/reports/index';
import { monthEnd, monthStart } from '../../shared/period/period';

const { values } = parseArgs({
  options: { cache: { type: 'string' }, scale: { type: 'string', default: 'medium' }, month: { type: 'string' }, runs: { type: 'string', default: '5' } },
});
let file = values.cache;
if (!file) {
  file = join(mkdtempSync(join(tmpdir(), 'bp-bench-')), 'cache.sqlite');
  const started = performance.now();
  execFileSync('node', ['electron/cli/bin.mjs', 'sync', '--demo', '--scale', values.scale ?? 'medium', '--cache', file, '--json'], { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`built ${values.scale} demo cache in ${((performance.now() - started) / 1000).toFixed(1)} s: ${file}`);
}
if (!existsSync(file)) throw new Error(`no cache at ${file}`);

const probe = openCache(file, { logger: silentLogger, readonly: true });
const lines = (probe.db.prepare('SELECT COUNT(*) AS n FROM odoo_move_line').get() as { n: number }).n;
const month = values.month ?? (probe.db.prepare("SELECT substr(MAX(date), 1, 7) AS m FROM odoo_move_line WHERE parent_state = 'posted'").get() as { m: string }).m;
probe.close();
console.log(`cache: ${file}  journal items: ${lines}  month: ${month}`);

/** Wall and CPU milliseconds of one call (the machine may be shared: CPU time is the steadier number). */
const time = <T>(f: () => T): [number, T, number] => {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const r = f();
  const used = process.cpuUsage(cpu);
  return [performance.now() - t, r, (used.user + used.system) / 1000];
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

// Two baselines: the plain month filter as a user would type it (SQLite answers it with a table
// scan), and the same month read through the (company, date) index, per synced company.
const scanSql = `SELECT COUNT(*) AS n, SUM(balance) AS s FROM odoo_move_line WHERE date BETWEEN ? AND ? AND parent_state = 'posted'`;
const indexedSql = `SELECT COUNT(*) AS n, SUM(balance) AS s FROM odoo_move_line
  WHERE sync_company_id IN (SELECT id FROM odoo_company WHERE sync_company_id = id) AND date BETWEEN ? AND ? AND parent_state = 'posted'`;

const cold = openCache(file, { logger: silentLogger, readonly: true });
const [coldMs, result, coldCpu] = time(() => buildReport(cold.db, { month, companies: 'all' }));
const [scanMs, scan] = time(() => cold.db.prepare<[string, string], { n: number; s: number }>(scanSql).get(monthStart(month), monthEnd(month)));
const runs = Number(values.runs);
const warm: number[] = [];
const warmCpu: number[] = [];
for (let i = 0; i < runs; i += 1) {
  const [ms, , cpu] = time(() => buildReport(cold.db, { month, companies: 'all' }));
  warm.push(ms);
  warmCpu.push(cpu);
}
const scans: number[] = [];
const indexed: number[] = [];
for (let i = 0; i < runs; i += 1) {
  scans.push(time(() => cold.db.prepare(scanSql).get(monthStart(month), monthEnd(month)))[0]);
  indexed.push(time(() => cold.db.prepare(indexedSql).get(monthStart(month), monthEnd(month)))[0]);
}
cold.close();

console.log(`companies: ${result.companies.length}  consolidated: ${result.consolidated ? result.consolidated.currency : 'none'}  KPIs per entity: ${Object.keys(result.companies[0]?.kpis ?? {}).length}`);
console.log(`full KPI set, cold:          ${coldMs.toFixed(1)} ms  (cpu ${coldCpu.toFixed(0)} ms)`);
console.log(`full KPI set, warm (median): ${median(warm).toFixed(1)} ms  (cpu ${median(warmCpu).toFixed(0)} ms; runs: ${warm.map((w) => w.toFixed(0)).join(', ')})`);
console.log(`plain scan of the month (${scan?.n ?? 0} items): first ${scanMs.toFixed(1)} ms, warm median ${median(scans).toFixed(1)} ms`);
console.log(`indexed read of the month, per company:     warm median ${median(indexed).toFixed(1)} ms`);
console.log(`ratio warm report / warm plain scan:    ${(median(warm) / median(scans)).toFixed(1)}x`);
console.log(`ratio warm report / warm indexed read:  ${(median(warm) / median(indexed)).toFixed(1)}x`);
