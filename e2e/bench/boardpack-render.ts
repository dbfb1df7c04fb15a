/**
 * Benchmark: the full board pack (xlsx + pdf) for every company and for the consolidated group, from a demo
 * cache. Prints seconds per pack, the total and peak RSS; asserts nothing about time.
 *
 *   npx tsx e2e/bench/boardpack-render.ts [--cache FILE] [--scale small|medium|large] [--month YYYY-MM] [--out DIR]
 *
 * Without --cache it builds one with `boardpack sync --demo --scale <scale>` (default large) into a temp folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { exportBoardPack } from '../../electron/core/boardpack/export-pack';
import { openCache } from '../../electron/core/db/open';
import { silentLogger } from '../../electron/core/logging/logger';

const { values } = parseArgs({
  options: { cache: { type: 'string' }, scale: { type: 'string', default: 'large' }, month: { type: 'string' }, out: { type: 'string' } },
});
let file = values.cache;
if (!file) {
  file = join(mkdtempSync(join(tmpdir(), 'bp-bench-pack-')), 'cache.sqlite');
  const started = performance.now();
  execFileSync('node', ['electron/cli/bin.mjs', 'sync', '--demo', '--scale', values.scale ?? 'large', '--cache', file, '--json'], { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`built ${values.scale} demo cache in ${((performance.now() - started) / 1000).toFixed(1)} s: ${file}`);
}
if (!existsSync(file)) throw new Error(`no cache at ${file}`);

const probe = openCache(file, { logger: silentLogger, readonly: true });
const lines = probe.db.prepare('SELECT COUNT(*) FROM odoo_move_line').pluck().get() as number;
const companies = probe.db.prepare('SELECT DISTINCT id FROM odoo_company ORDER BY id').pluck().all() as number[];
const month = values.month ?? (probe.db.prepare("SELECT substr(MAX(date), 1, 7) FROM odoo_move_line WHERE parent_state = 'posted'").pluck().get() as string);
probe.close();
const outDir = values.out ?? mkdtempSync(join(tmpdir(), 'bp-bench-out-'));
console.log(`cache: ${file}  journal items: ${lines}  companies: ${companies.join(', ')}  month: ${month}  out: ${outDir}`);

const rssMb = (): number => process.resourceUsage().maxRSS / 1024;
const scopes: Array<'all' | number> = [...companies, 'all'];
const started = performance.now();
for (const company of scopes) {
  const t0 = performance.now();
  const files = await exportBoardPack({ cacheFile: file, month, company, template: 'board', formats: ['xlsx', 'pdf'], outDir, logger: silentLogger });
  const seconds = (performance.now() - t0) / 1000;
  const sizes = files.map((f) => `${f.format} ${(f.bytes / 1024).toFixed(0)} kB`).join(', ');
  console.log(`${company === 'all' ? 'consolidated' : `company ${company}`}: ${seconds.toFixed(2)} s  (${sizes})  peak RSS so far ${rssMb().toFixed(0)} MB`);
}
console.log(`total: ${((performance.now() - started) / 1000).toFixed(2)} s for ${scopes.length} packs (xlsx + pdf each)  peak RSS: ${rssMb().toFixed(0)} MB`);
