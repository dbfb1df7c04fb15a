import type { Page } from '@playwright/test';
import { startCpuProfile } from './cpu-profile';
import type { CoreCall } from './timed-launch';

const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;
const TABLE = 'table[aria-label="Source records"]';

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
  const stopProfile = await startCpuProfile(cdp);
  const callsBefore = core.calls.length;
  let t0 = performance.now();
  await page.getByTestId('kpi-tile-dso_days').click();
  await page.getByTestId('datatable-row').first().waitFor({ timeout: 300_000 });
  const clickToRow = performance.now() - t0;
  const hottest = await stopProfile();
  const count = await page.getByTestId('datatable-count').textContent();
  const call = core.calls.findLast((c) => c.method === 'reports.drilldown');
  lines.push(`drill-down (${count}): click to first rendered row ${clickToRow.toFixed(0)} ms; core call ${call?.ms.toFixed(0) ?? '?'} ms, payload ${((call?.bytes ?? 0) / 1048576).toFixed(1)} MB`);
  lines.push(`core calls from click to first row: ${core.summary(callsBefore)}`);
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
  await cdp.send('Performance.enable');
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? heap ?? 0;
  const nodes = metrics.find((m) => m.name === 'Nodes')?.value ?? 0;
  lines.push(`renderer JS heap used ${(used / 1048576).toFixed(0)} MB; DOM rows rendered ${await page.getByTestId('datatable-row').count()}; DOM nodes ${nodes}`);
  return lines;
}
