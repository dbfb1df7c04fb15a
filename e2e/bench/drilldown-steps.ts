import { loadavg } from 'node:os';
import type { CDPSession, Page } from '@playwright/test';
import { openCache } from '../../electron/core/db/open';
import { silentLogger } from '../../electron/core/logging/logger';
import { defaultTimezone, listCompanyIds, loadCompany } from '../../electron/core/reports/context';
import { drilldown } from '../../electron/core/reports/drilldown';
import { reportPeriods, type MonthKey } from '../../shared/period/period';
import { unpackDrilldownRows } from '../../shared/reports/drilldown-columns';
import { DrilldownSchema, type Drilldown } from '../../shared/reports/types';
import { startCpuProfile } from './cpu-profile';
import type { CoreCall } from './timed-launch';

const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;
const TABLE = 'table[aria-label="Source records"]';

/** The renderer's cumulative main-thread task and script time (seconds, from CDP Performance metrics). */
async function rendererCpu(cdp: CDPSession): Promise<{ task: number; script: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const read = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { task: read('TaskDuration'), script: read('ScriptDuration') };
}

/** Waits until the table has applied its deferred filter/sort (aria-busy false). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('aria-busy') === 'false', TABLE, { timeout: 120_000 });
}

/**
 * Opens the DSO tile's drill-down (receivables since inception, the longest record list) on a
 * rendered dashboard and times every step a finance lead takes with it. Returns printable lines.
 */
export async function measureDrilldown(page: Page, core: { calls: CoreCall[]; summary(from?: number): string }): Promise<string[]> {
  const lines: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const stopProfile = await startCpuProfile(cdp);
  const callsBefore = core.calls.length;
  // CPU of this process (it runs the core, its WebSocket host and Playwright) and of the renderer's main
  // thread: under a loaded machine wall time alone cannot tell work from waiting for a core.
  const rendererBefore = await rendererCpu(cdp);
  const cpuBefore = process.cpuUsage();
  const loadBefore = loadavg()[0]!;
  let t0 = performance.now();
  await page.getByTestId('kpi-tile-dso_days').click();
  await page.getByTestId('datatable-row').first().waitFor({ timeout: 300_000 });
  const clickToRow = performance.now() - t0;
  const cpu = process.cpuUsage(cpuBefore);
  const rendererAfter = await rendererCpu(cdp);
  const hottest = await stopProfile();
  const count = await page.getByTestId('datatable-count').textContent();
  const call = core.calls.findLast((c) => c.method === 'reports.drilldown');
  lines.push(`drill-down (${count}): click to first rendered row ${clickToRow.toFixed(0)} ms; core call ${call?.ms.toFixed(0) ?? '?'} ms, payload ${((call?.bytes ?? 0) / 1048576).toFixed(1)} MB`);
  lines.push(`core calls from click to first row: ${core.summary(callsBefore)}`);
  lines.push(`CPU from click to first row: bench process (core + host + Playwright) ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms; renderer main thread tasks ${((rendererAfter.task - rendererBefore.task) * 1000).toFixed(0)} ms, of which script ${((rendererAfter.script - rendererBefore.script) * 1000).toFixed(0)} ms; load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`);
  lines.push(`renderer self time from click to first row, hottest: ${hottest}`);

  t0 = performance.now();
  await page.getByRole('region', { name: /Source records/ }).evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.waitForFunction((selector) => {
    const rows = document.querySelectorAll('[data-testid="datatable-row"]');
    const total = document.querySelector(selector)?.getAttribute('aria-rowcount');
    return rows.length > 0 && total !== undefined && total !== null && rows[rows.length - 1]!.getAttribute('aria-rowindex') === total;
  }, TABLE, { timeout: 60_000 });
  lines.push(`scroll to the last row: ${ms(t0)}`);

  t0 = performance.now();
  await page.locator(`${TABLE} th button`, { hasText: /^Amount/ }).click();
  await page.waitForFunction((selector) => [...document.querySelectorAll(`${selector} th`)].some((th) => th.getAttribute('aria-sort') === 'ascending'), TABLE);
  await settled(page);
  lines.push(`sort by amount (click to sorted rows rendered): ${ms(t0)}`);

  const download = page.waitForEvent('download', { timeout: 120_000 });
  t0 = performance.now();
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  await file.path();
  lines.push(`CSV export of every row (click to file saved): ${ms(t0)}`);

  const partner = (await page.getByTestId('datatable-row').first().locator('td').nth(2).textContent()) ?? '';
  const needle = partner.trim().slice(0, 12) || 'INV';
  t0 = performance.now();
  await page.getByLabel('Filter Source records').fill(needle);
  await page.waitForFunction(() => / of /.test(document.querySelector('[data-testid="datatable-count"]')?.textContent ?? ''));
  await settled(page);
  lines.push(`filter by text "${needle}" (keystrokes to filtered rows rendered): ${ms(t0)}; ${await page.getByTestId('datatable-count').textContent()}`);

  const heap = await page.evaluate(() => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null);
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? heap ?? 0;
  const nodes = metrics.find((m) => m.name === 'Nodes')?.value ?? 0;
  lines.push(`renderer JS heap used ${(used / 1048576).toFixed(0)} MB; DOM rows rendered ${await page.getByTestId('datatable-row').count()}; DOM nodes ${nodes}`);
  return lines;
}

/**
 * The drill-down's steps without a browser, over a cache file opened read-only: the core's query and
 * packing, JSON out, JSON in, unpacking to rows; wall and CPU time each, and the bytes per column.
 * Returns printable lines.
 */
export function measurePayloadSteps(cacheFile: string): string[] {
  const lines: string[] = [];
  const cache = openCache(cacheFile, { logger: silentLogger, readonly: true });
  try {
    const company = loadCompany(cache.db, listCompanyIds(cache.db)[0]!, defaultTimezone(cache.db));
    // The latest month with posted journal items: the month the dashboard opens on.
    const latest = cache.db.prepare<[], { month: string }>(`SELECT substr(MAX(date), 1, 7) AS month FROM odoo_move_line WHERE parent_state = 'posted'`).get();
    const month = (latest?.month ?? '') as MonthKey;
    const step = <T>(name: string, run: () => T, note: (value: T) => string = () => ''): T => {
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      const value = run();
      const used = process.cpuUsage(cpu);
      lines.push(`  ${name}: ${ms(t0)} (CPU ${((used.user + used.system) / 1000).toFixed(0)} ms)${note(value) ? `; ${note(value)}` : ''}`);
      return value;
    };
    for (const kpi of ['ar_total', 'net_revenue'] as const) {
      lines.push(`drill-down steps, company ${company.id} ${kpi} (${kpi === 'ar_total' ? 'since inception' : 'year to date'} to ${month}):`);
      const months = kpi === 'ar_total' ? [month] : reportPeriods(month, { lastMonth: company.fiscalLastMonth }).ytd;
      const result = step('core query + pack', () => drilldown(cache.db, company, { kpi, column: kpi === 'ar_total' ? 'month' : 'ytd', months }), (d) => `${d.count} rows`);
      const json = step('JSON.stringify', () => JSON.stringify({ type: 'response', id: 1, ok: true, value: result }), (text) => `${(Buffer.byteLength(text) / 1048576).toFixed(2)} MB`);
      const perColumn = Object.entries(result.columns).map(([name, column]) => `${name} ${(JSON.stringify(column).length / 1048576).toFixed(2)} MB`).join(', ');
      lines.push(`  bytes per column: ${perColumn}`);
      const parsed = step('JSON.parse', () => JSON.parse(json) as { value: Drilldown });
      step('unpack to row objects (with shape checks)', () => unpackDrilldownRows(parsed.value), (rows) => `${rows.length} rows`);
      step('zod DrilldownSchema.parse of the packed shape', () => DrilldownSchema.parse(parsed.value));
    }
  } finally {
    cache.close();
  }
  return lines;
}
