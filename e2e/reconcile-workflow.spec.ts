import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import type { ReconcileView } from '../shared/rpc/contracts/reconcile';
import { AppPage, DashboardPage } from './pages/AppPage';
import { callCore } from './pages/core-api';
import { expect, test } from './pages/demo-fixture';
import { ReconcilePage } from './pages/ReconcilePage';
import { dashboardMonth } from './pages/workspace-files';

/** An exception as the table lists it: the stored decision joined with the matcher's record. */
interface Oracle {
  recordKey: string;
  category: string;
  status: string;
  note: string | null;
  sourceRef: string;
  /** Every text the table's search box looks into. */
  haystack: string;
}

/** The expected table content, computed from the core's own answer (not from the screen). */
function oracle(view: ReconcileView): Oracle[] {
  const records = new Map(view.records.map((r) => [r.recordKey, r]));
  return view.exceptions.map((e) => {
    const record = records.get(e.recordKey);
    const sourceRef = record?.sourceRef ?? e.recordKey;
    const texts = [e.channel, sourceRef, record?.saleOrders.join(', ') ?? '', e.category, record?.shopAmount, record?.odooAmount, record?.difference, record?.explanation.join(' ') ?? '', e.status, e.note];
    return { recordKey: e.recordKey, category: e.category, status: e.status, note: e.note, sourceRef, haystack: texts.map((t) => String(t ?? '')).join('\u0000').toLowerCase() };
  });
}

async function results(page: Page, month: string): Promise<Oracle[]> {
  return oracle(await callCore(page, 'reconcile.results', { month }));
}

test('exceptions: ignore with a note and re-open, filters and search narrow the table, the export re-opens', async ({ page, synced }) => {
  test.setTimeout(90_000);
  await synced.open(page);
  const shell = new AppPage(page);
  const reconcile = new ReconcilePage(page);
  await expect(new DashboardPage(page).root).toBeVisible();
  const month = await dashboardMonth(page);
  await shell.go('Reconcile');
  await reconcile.upload(join(synced.dataDir, 'demo', 'exports', 'shopify', `orders_export_${month}.csv`));

  let all = await results(page, month);
  const open = all.filter((e) => e.status === 'open');
  expect(open.length).toBeGreaterThanOrEqual(2);

  await test.step('the Status filter starts on Open and the table holds exactly the open exceptions', async () => {
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('Open');
    await expect.poll(() => reconcile.rowCount()).toBe(open.length);
  });

  await test.step('a category narrows the table to that category\'s open exceptions', async () => {
    const counts = new Map<string, number>();
    for (const e of open) counts.set(e.category, (counts.get(e.category) ?? 0) + 1);
    // The category with the fewest open exceptions, so the narrowing is visible.
    const [category, count] = [...counts].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0]!;
    await reconcile.showCategory(category);
    await expect.poll(() => reconcile.rowCount()).toBe(count);
    await expect(reconcile.rows.first()).toContainText(category);
    await reconcile.clearSelect('Category');
    await expect.poll(() => reconcile.rowCount()).toBe(open.length);
  });

  await test.step('search narrows the table to rows whose texts contain it', async () => {
    await reconcile.clearSelect('Status');
    await expect.poll(() => reconcile.rowCount()).toBe(all.length);
    const needle = open[0]!.sourceRef;
    const expected = all.filter((e) => e.haystack.includes(needle.toLowerCase())).length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(all.length);
    await reconcile.filter(needle);
    await expect.poll(() => reconcile.rowCount()).toBe(expected);
    await expect(page.getByTestId('datatable-count')).toHaveText(`${expected} of ${all.length} rows`);
    await reconcile.filter('');
    await expect.poll(() => reconcile.rowCount()).toBe(all.length);
  });

  const target = open[0]!;
  const note = `Test order placed by the shop team, not a sale ${Date.now()}`;

  await test.step('ignore one exception with a note: it leaves Open, shows under Ignored with its note', async () => {
    await reconcile.showStatus('Open');
    await reconcile.filter(target.sourceRef);
    const dialog = await reconcile.openDecision('Ignore', target.sourceRef, target.category);
    await expect(dialog.getByRole('button', { name: 'Ignore', exact: true })).toBeDisabled();
    await dialog.getByRole('textbox', { name: 'Note' }).fill(note);
    await dialog.getByRole('button', { name: 'Ignore', exact: true }).click();
    await expect(dialog).toBeHidden();

    all = await results(page, month);
    const stored = all.find((e) => e.recordKey === target.recordKey && e.category === target.category)!;
    expect(stored).toMatchObject({ status: 'ignored', note });
    await reconcile.filter('');
    await expect.poll(() => reconcile.rowCount()).toBe(open.length - 1);

    await reconcile.showStatus('Ignored');
    await expect.poll(() => reconcile.rowCount()).toBe(all.filter((e) => e.status === 'ignored').length);
    const row = reconcile.rows.filter({ hasText: target.sourceRef }).filter({ hasText: target.category });
    await expect(row).toHaveCount(1);
    // The note rides on the status badge (its title), the only place the table shows it.
    await expect(row.getByTitle(note, { exact: true })).toHaveText('ignored');
    // The search box finds the row by its note too.
    await reconcile.clearSelect('Status');
    await reconcile.filter(note);
    await expect.poll(() => reconcile.rowCount()).toBe(1);
    await reconcile.filter('');
  });

  await test.step('the exceptions export (CSV and XLSX) re-opens with one line per exception, the note included', async () => {
    const exported = await callCore(page, 'reconcile.export', { month, format: 'csv' });
    expect(exported.lines).toBe(all.length);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export exceptions CSV' }).click()]);
    const csvFile = join(synced.dataDir, 'downloaded-exceptions.csv');
    await download.saveAs(csvFile);
    const parsed = Papa.parse<Record<string, string>>(readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(all.length);
    const ignoredLines = parsed.data.filter((line) => Object.values(line).includes(note));
    expect(ignoredLines).toHaveLength(1);
    expect(Object.values(ignoredLines[0]!)).toContain('ignored');

    // The page's button (the core's exceptions file) comes before the table's own "Export XLSX" of its view.
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export XLSX', exact: true }).first().click()]);
    const xlsxFile = join(synced.dataDir, 'downloaded-exceptions.xlsx');
    await xlsxDownload.saveAs(xlsxFile);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    const sheet = workbook.worksheets[0]!;
    const dataRows = sheet.getRows(2, sheet.rowCount - 1)?.filter((r) => r.hasValues) ?? [];
    expect(dataRows).toHaveLength(all.length);
  });

  await test.step('re-open the ignored exception: it is open again', async () => {
    await reconcile.showStatus('Ignored');
    await page.getByRole('button', { name: `Re-open ${target.sourceRef} ${target.category}`, exact: true }).click();
    await expect.poll(async () => (await results(page, month)).find((e) => e.recordKey === target.recordKey && e.category === target.category)?.status).toBe('open');
    await reconcile.showStatus('Open');
    await expect.poll(() => reconcile.rowCount()).toBe(open.length);
    await reconcile.filter(target.sourceRef);
    await expect(reconcile.rows.filter({ hasText: target.category }).getByRole('button', { name: `Ignore ${target.sourceRef} ${target.category}`, exact: true })).toBeVisible();
  });
});
