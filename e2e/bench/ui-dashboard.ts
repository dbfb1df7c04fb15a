/**
 * UI benchmark (prints numbers, asserts nothing):
 *  1. launch to rendered dashboard from a warm cache: a fresh core + browser host over an already synced
 *     data folder, Chromium opens the app, until the six KPI tiles show values;
 *  2. drill-down of the largest record list (receivables since inception of the largest company):
 *     the core's drilldown call, then the UI from click to first rendered row and to the last row
 *     after scrolling the virtualised table to the end.
 *
 * npx tsx e2e/bench/ui-dashboard.ts [--scale small|medium|large] [--data-dir DIR] [--runs N]
 * With --data-dir pointing at an existing synced folder the (slow) demo sync is skipped.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { createCore } from '../../electron/core/index';
import { silentLogger } from '../../electron/core/logging/logger';
import { createMemorySecretStore } from '../../electron/core/secrets';
import { relaunch } from '../pages/boot';
import { seedDataDirFromCache } from './seed-cache';

const { values } = parseArgs({ options: { scale: { type: 'string', default: 'medium' }, 'data-dir': { type: 'string' }, cache: { type: 'string' }, runs: { type: 'string', default: '3' } } });
const scale = values.scale === 'large' ? 'large' : values.scale === 'small' ? 'small' : 'medium';
const runs = Number(values.runs);
const rss = () => `${Math.round(process.memoryUsage().rss / 1048576)} MB`;

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

async function main(): Promise<void> {
  const dataDir = await prepare();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const launches: number[] = [];
    for (let run = 0; run < runs; run++) {
      const t0 = performance.now();
      const app = await relaunch(dataDir);
      const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
      await page.goto(app.host.appUrl);
      await page.locator('[data-testid="kpi-tile-net_revenue"][data-kpi-value]:not([data-kpi-value=""])').waitFor({ timeout: 300_000 });
      launches.push(performance.now() - t0);
      if (run === runs - 1) {
        const dispatchStart = performance.now();
        const state = await page.evaluate(() => document.querySelector('[data-testid="dashboard"]')?.getAttribute('data-entity'));
        console.log(`dashboard entity: ${state}`);
        // Drill-down: receivables since inception is the longest list the engine offers.
        await page.getByTestId('kpi-tile-dso_days').click();
        const firstRow = page.getByTestId('datatable-row').first();
        await firstRow.waitFor({ timeout: 300_000 });
        const clickToRows = performance.now() - dispatchStart;
        const count = await page.getByTestId('datatable-count').textContent();
        const scrollStart = performance.now();
        await page.getByRole('region', { name: /Source records/ }).evaluate((el) => el.scrollTo(0, el.scrollHeight));
        await page.waitForFunction(() => {
          const rows = document.querySelectorAll('[data-testid="datatable-row"]');
          const last = rows[rows.length - 1];
          const total = document.querySelector('table[aria-label="Source records"]')?.getAttribute('aria-rowcount');
          return last !== undefined && total !== null && total !== undefined && last.getAttribute('aria-rowindex') === total;
        }, undefined, { timeout: 60_000 });
        console.log(`drill-down (${count}): click to first rendered row ${clickToRows.toFixed(0)} ms; scroll to the last row ${(performance.now() - scrollStart).toFixed(0)} ms; DOM rows rendered: ${await page.getByTestId('datatable-row').count()}`);
      }
      await page.close();
      await app.close();
    }
    launches.sort((a, b) => a - b);
    console.log(`launch to rendered dashboard (${scale}, warm cache, ${runs} runs): min ${launches[0]!.toFixed(0)} ms, median ${launches[Math.floor(runs / 2)]!.toFixed(0)} ms, max ${launches[runs - 1]!.toFixed(0)} ms; bench process RSS ${rss()}`);
  } finally {
    await browser.close();
  }
}

await main();
