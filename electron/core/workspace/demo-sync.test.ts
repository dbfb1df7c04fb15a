import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../reports/index';
import { unpackDrilldownRows } from '../../../shared/reports/drilldown-columns';
import { openCache } from '../db/open';
import { silentLogger } from '../logging/logger';
import { startTestCore, type TestCore } from './test-core';

/** The whole first-run path through the dispatcher: demo server, real client sync, reports, drill-down. */
describe('demo company through the dispatcher', () => {
  let c: TestCore;
  beforeAll(async () => {
    c = startTestCore();
  });
  afterAll(async () => {
    await c.close();
  });

  it('starts the demo, syncs it with progress events, and reports from the cache', async () => {
    const started = await c.call('demo.start', { scale: 'small' });
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    const completed = await c.waitFor('sync.completed');
    expect(completed.payload).toMatchObject({ runId: started.runId, status: 'ok' });
    const progress = c.events.filter((e) => e.event === 'sync.progressed');
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.some((e) => (e.payload as { model: string }).model === 'account.move.line')).toBe(true);

    const state = await c.call('workspace.getState', {});
    expect(state.active).toMatchObject({ hasData: true, online: 'online', syncing: false, profile: { kind: 'demo' } });
    expect(state.active?.companies.length).toBeGreaterThanOrEqual(2);
    expect(state.active?.months).not.toBeNull();
    expect(readdirSync(join(c.dataDir, 'demo', 'exports'), { recursive: true }).length).toBeGreaterThan(0);

    const history = await c.call('sync.history', {});
    expect(history.runs[0]).toMatchObject({ status: 'ok', full: false });
    expect(history.runs[0]?.fetched).toBeGreaterThan(100);

    const month = state.active!.months!.last;
    const report = await c.call('reports.get', { month, companies: 'all' });
    const cacheFile = state.active!.cacheFile;
    expect(existsSync(cacheFile)).toBe(true);
    const direct = openCache(cacheFile, { logger: silentLogger, readonly: true });
    try {
      const expected = buildReport(direct.db, { month, companies: 'all', staleDraftDays: 30 });
      expect(report.consolidated?.kpis.net_revenue.month).toBe(expected.consolidated?.kpis.net_revenue.month);
      expect(report.companies.map((co) => co.kpis.net_revenue.month)).toEqual(expected.companies.map((co) => co.kpis.net_revenue.month));
    } finally {
      direct.close();
    }

    const company = report.companies[0]!;
    const drill = await c.call('reports.drilldown', { month, companyId: company.companyId, kpi: 'net_revenue' });
    const rows = unpackDrilldownRows(drill);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.reduce((sum, row) => sum + row.amount, 0)).toBe(company.kpis.net_revenue.month);
    expect(rows.every((row) => row.channel !== null)).toBe(true);
    expect(drill.total).toBe(company.kpis.net_revenue.month);
  }, 120_000);

  it('imports the demo Shopify export, lists exceptions, resolves one with a note, exports them', async () => {
    const state = await c.call('workspace.getState', {});
    const month = state.active!.months!.last;
    const file = join(c.dataDir, 'demo', 'exports', 'shopify', `orders_export_${month}.csv`);
    const result = await c.call('reconcile.import', { month, files: [{ name: `orders_export_${month}.csv`, base64: readFileSync(file).toString('base64') }] });
    expect(result.imports[0]).toMatchObject({ fileName: `orders_export_${month}.csv`, format: expect.stringContaining('shopify'), duplicateFile: false });
    expect(result.imports[0]!.rowsRead).toBe(result.imports[0]!.rowsImported + result.imports[0]!.rowsRejected);
    const open = result.exceptions.filter((e) => e.status === 'open');
    expect(open.length).toBeGreaterThan(0);
    const target = open[0]!;
    await expect(c.call('reconcile.resolve', { recordKey: target.recordKey, category: target.category, status: 'resolved' })).rejects.toMatchObject({ code: 'validation' });
    const decided = await c.call('reconcile.resolve', { recordKey: target.recordKey, category: target.category, status: 'resolved', note: 'Booked the shipping in Odoo' });
    expect(decided.exceptions[0]).toMatchObject({ status: 'resolved', note: 'Booked the shipping in Odoo' });
    const again = await c.call('reconcile.results', { month });
    expect(again.exceptions.find((e) => e.recordKey === target.recordKey && e.category === target.category)?.status).toBe('resolved');
    const exported = await c.call('reconcile.export', { month, format: 'csv' });
    expect(readFileSync(exported.path, 'utf8')).toContain('Booked the shipping in Odoo');
    const downloaded = await c.call('files.read', { path: exported.path });
    expect(Buffer.from(downloaded.base64, 'base64').toString('utf8')).toContain(target.recordKey);
    await expect(c.call('files.read', { path: '/etc/hostname' })).rejects.toMatchObject({ code: 'validation' });
  }, 60_000);

  it('previews, exports (files re-open), marks final with a waiver and lists the closed snapshot', async () => {
    const state = await c.call('workspace.getState', {});
    const month = state.active!.months!.last;
    const preview = await c.call('boardpack.preview', { month, company: 'all' });
    expect(preview.sections.length).toBeGreaterThan(3);
    expect(preview.status).toBe('draft');
    await c.call('boardpack.saveCommentary', { month, company: 'all', section: 'executive-summary', text: 'Revenue grew on the web shop.' });
    const withComment = await c.call('boardpack.preview', { month, company: 'all' });
    expect(JSON.stringify(withComment)).toContain('Revenue grew on the web shop.');

    const exported = await c.call('boardpack.export', { month, company: 'all', formats: ['xlsx', 'pdf'] });
    expect(exported.files.map((f) => f.format)).toEqual(['xlsx', 'pdf']);
    const pdf = exported.files.find((f) => f.format === 'pdf')!;
    expect(readFileSync(pdf.path).subarray(0, 5).toString()).toBe('%PDF-');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(exported.files.find((f) => f.format === 'xlsx')!.path);
    expect(workbook.worksheets.length).toBeGreaterThan(2);

    const errors = (await c.call('reports.get', { month, companies: 'all' })).dataQuality.filter((f) => f.severity === 'error').length;
    if (errors > 0) {
      await expect(c.call('boardpack.markFinal', { month, company: 'all', by: 'Test Lead' })).rejects.toMatchObject({ code: 'validation' });
    }
    const mark = await c.call('boardpack.markFinal', { month, company: 'all', by: 'Test Lead', waiver: 'Reviewed with the auditors; the findings do not affect the KPIs.' });
    expect(mark).toMatchObject({ by: 'Test Lead', snapshotHash: expect.stringMatching(/^[0-9a-f]{16,}$/) });
    expect((await c.call('workspace.getState', {})).active?.closedMonths).toContain(month);
    const { snapshots } = await c.call('boardpack.snapshots', {});
    expect(snapshots[0]).toMatchObject({ month, verified: true });
    const diff = await c.call('boardpack.diff', { a: snapshots[0]!.file, b: snapshots[0]!.file });
    expect(diff.models.every((m) => m.added.count === 0 && m.deleted.count === 0 && m.changed.count === 0)).toBe(true);
    expect((await c.call('boardpack.preview', { month, company: 'all' })).status).toBe('final');
  }, 120_000);

  it('refuses a second sync while one runs, and a cancelled sync says so', async () => {
    const since = c.events.length;
    const { runId } = await c.call('sync.start', { full: true });
    await expect(c.call('sync.start', {})).rejects.toMatchObject({ code: 'sync.in_progress' });
    expect(await c.call('sync.cancel', {})).toEqual({ cancelled: true });
    const completed = await c.waitFor('sync.completed', since);
    expect(completed.payload).toMatchObject({ runId, status: 'cancelled' });
    const history = await c.call('sync.history', { limit: 5 });
    expect(history.runs[0]?.status).toBe('cancelled');
  }, 60_000);
});
