/**
 * Where the dashboard's core time goes (prints numbers, asserts nothing): opening the cache (integrity
 * check, migrations), building the report for every company and the group (per SQL statement), the
 * JSON size of the result, and the drill-downs the dashboard offers.
 *
 * npx tsx e2e/bench/report-profile.ts --cache FILE [--month YYYY-MM] [--runs N] [--schema N]
 * FILE is COPIED to a temp folder first (opening migrates it); the original is never modified.
 * --schema N migrates the copy only up to migration N (e.g. 5: without the ledger index) for before/after.
 * Wall times swing with the machine's load; CPU times (this process, user + system) much less.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type Database from 'better-sqlite3';
import { openCache } from '../../electron/core/db/open';
import { migrations as allMigrations } from '../../electron/core/db/migrations/index';
import { silentLogger } from '../../electron/core/logging/logger';
import { loadReport } from '../../electron/core/reports/index';
import { defaultTimezone, listCompanyIds, loadCompany } from '../../electron/core/reports/context';
import { drilldown } from '../../electron/core/reports/drilldown';

const { values } = parseArgs({ options: { cache: { type: 'string' }, month: { type: 'string' }, runs: { type: 'string', default: '3' }, schema: { type: 'string' } } });
if (!values.cache) throw new Error('--cache FILE is required');
const dir = mkdtempSync(join(tmpdir(), 'boardpack-profile-'));
const file = join(dir, 'cache.sqlite');
copyFileSync(values.cache, file);
const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const migrations = values.schema ? allMigrations.filter((m) => m.version <= Number(values.schema)) : allMigrations;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

let t0 = performance.now();
openCache(file, { logger: silentLogger, migrations }).close();
console.log(`schema up to migration ${migrations[migrations.length - 1]!.version}; load average ${loadavg()[0]!.toFixed(1)}`);
console.log(`first open (quick_check + pending migrations incl. backup): ${ms(t0)}`);
t0 = performance.now();
let cache = openCache(file, { logger: silentLogger, migrations });
console.log(`warm open after a clean close (nothing to migrate): ${ms(t0)}`);
cache.db.close();
t0 = performance.now();
cache = openCache(file, { logger: silentLogger, migrations });
console.log(`open after an unclean close (full quick_check): ${ms(t0)}`);

/** Wraps prepare so every statement's run time is summed by its first line of SQL. */
function timedDb(db: Database.Database) {
  const totals = new Map<string, { ms: number; calls: number }>();
  const wrap = <F extends (...args: never[]) => unknown>(sql: string, fn: F): F => ((...args: Parameters<F>) => {
    const start = performance.now();
    try {
      return fn(...args);
    } finally {
      const key = sql.replace(/\s+/g, ' ').trim().slice(0, 110);
      const entry = totals.get(key) ?? { ms: 0, calls: 0 };
      entry.ms += performance.now() - start;
      entry.calls += 1;
      totals.set(key, entry);
    }
  }) as F;
  const proxy = {
    prepare(sql: string) {
      const statement = db.prepare(sql);
      return new Proxy(statement, {
        get(target, prop, receiver) {
          const value: unknown = Reflect.get(target, prop, receiver);
          if ((prop === 'all' || prop === 'get' || prop === 'iterate') && typeof value === 'function') return wrap(sql, value.bind(target) as (...args: never[]) => unknown);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
  } as Pick<Database.Database, 'prepare'>;
  return { db: proxy, totals };
}

const month = values.month ?? (cache.db.prepare(`SELECT substr(MAX(date), 1, 7) AS m FROM odoo_move_line WHERE parent_state = 'posted'`).get() as { m: string }).m;
const runs = Number(values.runs);
const times: number[] = [];
const cpu: number[] = [];
let lastTotals: Map<string, { ms: number; calls: number }> = new Map();
for (let run = 0; run < runs; run++) {
  const timed = timedDb(cache.db);
  const start = performance.now();
  const cpuStart = cpuMs();
  const loaded = loadReport(timed.db, { month, companies: 'all' });
  times.push(performance.now() - start);
  cpu.push(cpuMs() - cpuStart);
  lastTotals = timed.totals;
  if (run === 0) console.log(`report ${month}: ${loaded.result.companies.length} companies, JSON ${mb(JSON.stringify(loaded.result).length)}`);
}
const stats = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  return `min ${sorted[0]!.toFixed(0)} ms, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, max ${sorted[sorted.length - 1]!.toFixed(0)} ms`;
};
console.log(`loadReport(all companies + group), ${runs} runs: wall ${stats(times)}; CPU ${stats(cpu)}`);
console.log('SQL time of the last run, by statement:');
for (const [sql, entry] of [...lastTotals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) console.log(`  ${entry.ms.toFixed(0).padStart(6)} ms ×${entry.calls}  ${sql}`);

const tz = defaultTimezone(cache.db);
for (const id of listCompanyIds(cache.db)) {
  const company = loadCompany(cache.db, id, tz);
  for (const kpi of ['ar_total', 'net_revenue'] as const) {
    const start = performance.now();
    const cpuStart = cpuMs();
    const result = drilldown(cache.db, company, { kpi, column: 'month', months: [month] });
    const took = performance.now() - start;
    const tookCpu = cpuMs() - cpuStart;
    const json = JSON.stringify(result).length;
    console.log(`drilldown company ${id} ${kpi} month: ${result.count} rows in ${took.toFixed(0)} ms (CPU ${tookCpu.toFixed(0)} ms), JSON ${mb(json)}`);
  }
}
console.log(`profile process RSS ${mb(process.memoryUsage().rss)}`);
cache.close();
rmSync(dir, { recursive: true, force: true });
