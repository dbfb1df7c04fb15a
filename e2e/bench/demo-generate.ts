/**
 * Benchmark: demo company generation time and peak RSS per scale, streamed to a temp dir
 * (exports, answer key and the Odoo records as JSON lines). Prints numbers; asserts nothing.
 * Usage: npx tsx e2e/bench/demo-generate.ts [small|medium|large ...] [--no-odoo] [--keep]
 */
import { mkdtempSync, rmSync, readdirSync, statSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { writeDemoData } from '../../electron/demo/index';
import type { DemoScale } from '../../electron/demo/index';

function dirSize(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    total += st.isDirectory() ? dirSize(path) : st.size;
  }
  return total;
}

const args = process.argv.slice(2);
const keep = args.includes('--keep');
/** Also write every Odoo record as odoo/<model>.jsonl (about 1 KB per journal item). */
const withOdoo = !args.includes('--no-odoo');
const scales = (args.filter((a) => !a.startsWith('--')) as DemoScale[]);
for (const scale of scales.length ? scales : (['small', 'medium', 'large'] as DemoScale[])) {
  const dir = mkdtempSync(join(tmpdir(), `demo-bench-${scale}-`));
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const summary = await writeDemoData({ scale, outDir: dir, odoo: withOdoo });
  const seconds = (performance.now() - started) / 1000;
  // CPU time is the fair number on a shared machine: wall time also counts waiting for a core.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // maxRSS is the process-wide peak (KiB); scales run in ascending order, so it is this scale's peak.
  const peak = process.resourceUsage().maxRSS * 1024;
  const lines = summary.counts['account.move.line'] ?? 0;
  console.log(JSON.stringify({
    scale, odoo_jsonl: withOdoo, seconds: Number(seconds.toFixed(2)), cpu_seconds: Number(cpuSeconds.toFixed(2)), load_avg_1m: Number(loadavg()[0]!.toFixed(1)), journal_items: lines, moves: summary.counts['account.move'], sale_orders: summary.counts['sale.order'],
    export_files: summary.exportFiles.length, output_mb: Number((dirSize(dir) / 1e6).toFixed(1)), peak_rss_mb: Number((peak / 1e6).toFixed(0)),
    items_per_second: Math.round(lines / seconds), dir: keep ? dir : undefined,
  }));
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
