/**
 * UI benchmark (prints numbers, asserts nothing):
 *  1. launch to rendered dashboard from a warm cache: a fresh core + browser host over an already synced
 *     data folder, Chromium opens the app, until the six KPI tiles show values (median/min/max of --runs),
 *     with the RPC calls the dashboard made on the way (count, core time, response size);
 *  2. drill-down of the largest record list (Days sales outstanding → receivables since inception of the
 *     first company: 112,750 journal items on the large demo): core call time and payload, click to the
 *     first rendered row, scroll to the last row, sort by amount, CSV export, filter by text, renderer
 *     JS heap and DOM row count.
 *
 * Warm large cache without a sync (copies FILE into a fresh data folder; FILE is never modified):
 *   npx tsx e2e/bench/ui-dashboard.ts --scale large --cache /tmp/rep2-large.sqlite [--runs 3]
 * A cache file comes from `node electron/cli/bin.mjs sync --demo --scale large --cache FILE` (~30 min).
 * Demo sync first (slow), or reuse a data folder it printed:
 *   npx tsx e2e/bench/ui-dashboard.ts [--scale small|medium|large] [--data-dir DIR] [--runs N] [--skip-drilldown]
 * The drill-down's steps without a browser (query + pack, JSON out and in, unpack; wall and CPU time,
 * bytes per column), over the data folder's cache, then exit:
 *   npx tsx e2e/bench/ui-dashboard.ts --data-dir DIR --steps
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { createCore } from '../../electron/core/index';
import { silentLogger } from '../../electron/core/logging/logger';
import { createMemorySecretStore } from '../../electron/core/secrets';
import { measureDrilldown, measurePayloadSteps } from './drilldown-steps';
import { seedDataDirFromCache } from './seed-cache';
import { timedLaunch } from './timed-launch';

const { values } = parseArgs({ options: { scale: { type: 'string', default: 'medium' }, 'data-dir': { type: 'string' }, cache: { type: 'string' }, runs: { type: 'string', default: '3' }, 'skip-drilldown': { type: 'boolean', default: false }, steps: { type: 'boolean', default: false } } });
const scale = values.scale === 'large' ? 'large' : values.scale === 'small' ? 'small' : 'medium';
const runs = Number(values.runs);
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

async function prepare(): Promise<string> {
  if (values.cache) {
    const seeded = seedDataDirFromCache(values.cache, scale);
    console.log(`data folder ${seeded} seeded from a copy of ${values.cache}`);
    return seeded;
  }
  if (values['data-dir'] && existsSync(join(values['data-dir'], 'profiles.json'))) return values['data-dir'];
  const dataDir = values['data-dir'] ?? mkdtempSync(join(tmpdir(), `boardpack-bench-${scale}-`));
  const core = createCore({ dataDir, secrets: createMemorySecretStore(), logger: silentLogger });
  const started = performance.now();
  const done = new Promise<{ status: string; message?: string }>((resolve) => core.subscribe((e) => e.event === 'sync.completed' && resolve(e.payload as { status: string })));
  const response = await core.dispatch({ id: 1, method: 'demo.start', params: { scale } });
  if (!response.ok) throw new Error(response.error.message);
  const result = await done;
  await core.close();
  console.log(`prepared ${scale} demo (generate + serve + sync through the real client): ${((performance.now() - started) / 1000).toFixed(1)} s, status ${result.status} ${result.message ?? ''}`);
  console.log(`data folder: ${dataDir} (pass --data-dir to reuse it warm)`);
  return dataDir;
}

const stats = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  return `min ${sorted[0]!.toFixed(0)} ms, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, max ${sorted[sorted.length - 1]!.toFixed(0)} ms`;
};

async function openDashboard(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('[data-testid="kpi-tile-net_revenue"][data-kpi-value]:not([data-kpi-value=""])').waitFor({ timeout: 300_000 });
}

async function main(): Promise<void> {
  const dataDir = await prepare();
  if (values.steps) {
    const caches = join(dataDir, 'caches');
    for (const file of readdirSync(caches).filter((f) => f.endsWith('.sqlite'))) {
      for (const line of measurePayloadSteps(join(caches, file))) console.log(line);
    }
    return;
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'] });
  try {
    const launches: number[] = [];
    const coreStarts: number[] = [];
    for (let run = 0; run < runs; run++) {
      const t0 = performance.now();
      const app = await timedLaunch(dataDir);
      coreStarts.push(performance.now() - t0);
      const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
      await openDashboard(page, app.host.appUrl);
      launches.push(performance.now() - t0);
      console.log(`run ${run + 1}: launch to dashboard ${(performance.now() - t0).toFixed(0)} ms (core + host start ${coreStarts[run]!.toFixed(0)} ms); core time per call: ${app.summary()}; load average ${loadavg()[0]!.toFixed(1)}`);
      if (run === runs - 1 && !values['skip-drilldown']) {
        // Same data, same request: the second dashboard of the session is served from the report memo.
        const again = await browser.newPage({ viewport: { width: 1360, height: 860 } });
        const t1 = performance.now();
        const before = app.calls.length;
        await openDashboard(again, app.host.appUrl);
        console.log(`second window over the running core (memoised report): ${(performance.now() - t1).toFixed(0)} ms; core time per call: ${app.summary(before)}`);
        await again.close();
        console.log(`dashboard entity: ${await page.getByTestId('dashboard').getAttribute('data-entity')}`);
        for (const line of await measureDrilldown(page, app)) console.log(line);
      }
      await page.close();
      await app.close();
    }
    console.log(`launch to rendered dashboard (${scale}, warm cache, ${runs} runs): ${stats(launches)}; core + host start ${stats(coreStarts)}`);
    console.log(`bench process RSS (core in-process) ${mb(process.memoryUsage().rss)}`);
  } finally {
    await browser.close();
  }
}

await main();
