import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../workspace/test-core';

/** Sums the demo budget file's amounts (cents) by company|kpi|month. */
function budgetSums(path: string): Map<string, number> {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  expect(header).toBe('company,kpi,month,amount');
  const sums = new Map<string, number>();
  for (const line of lines) {
    const [company, kpi, month, amount] = line.split(',') as [string, string, string, string];
    const [units, cents = '00'] = amount.split('.');
    const minor = Number(units) * 100 + Math.sign(Number(units) || 1) * Number(cents.padEnd(2, '0'));
    const key = `${company}|${kpi}|${month}`;
    sums.set(key, (sums.get(key) ?? 0) + minor);
  }
  return sums;
}

const toBase64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Budget and survey imports through the dispatcher, over the demo company synced by the real client. */
describe('plan.* on the demo company', () => {
  let c: TestCore;
  let month: string;
  beforeAll(async () => {
    c = startTestCore();
    await c.call('demo.start', { scale: 'small' });
    await c.waitFor('sync.completed');
    const state = await c.call('workspace.getState', {});
    month = state.active!.months!.last;
  }, 180_000);
  afterAll(async () => {
    await c.close();
  });

  it('refuses a malformed budget with every bad line named, and stores nothing', async () => {
    const csv = ['company,kpi,month,amount', '1,net_revenue,2026-13,100', '1,net_revenue,2026-10,abc', '99,opex,2026-10,5', '1,unknown_kpi,2026-10,5'].join('\n');
    const result = await c.call('plan.importBudget', { file: { name: 'bad-budget.csv', base64: toBase64(csv) } });
    expect(result).toMatchObject({ kind: 'budget', file: 'bad-budget.csv', batchId: null, read: 4, imported: 0 });
    expect(result.rejected.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(result.rejected[0]!.reason).toMatch(/month/);
    expect(result.rejected[1]!.reason).toMatch(/amount/);
    expect(result.rejected[2]!.reason).toMatch(/company "99"/);
    expect((await c.call('plan.listBatches', {})).batches).toEqual([]);
    const report = await c.call('reports.get', { month, companies: 'all' });
    expect(report.companies.every((co) => co.kpis.budget_variance.month === null)).toBe(true);
  });

  it('imports the demo budget: the tiles\' budgets equal the file\'s sums to the cent, and undoing the batch removes them', async () => {
    const listed = await c.call('plan.listBatches', {});
    const path = listed.demoFiles.budget;
    expect(path).toMatch(/plan[/\\]budget\.csv$/);
    const sums = budgetSums(path!);
    const before = c.events.length;

    const result = await c.call('plan.importBudget', { file: { path: path! } });
    expect(result.rejected).toEqual([]);
    expect(result.imported).toBe(sums.size);
    expect(result.batchId).toMatch(/^[0-9a-f-]{36}$/);
    expect(c.events.slice(before).some((e) => e.event === 'workspace.changed')).toBe(true);

    const report = await c.call('reports.get', { month, companies: 'all' });
    expect(report.companies.length).toBeGreaterThanOrEqual(2);
    for (const company of report.companies) {
      const rows = company.kpis.budget_variance.breakdown ?? [];
      for (const kpi of ['net_revenue', 'cogs', 'gross_margin', 'opex', 'ebitda']) {
        const row = rows.find((r) => r.key === kpi);
        expect(row?.extra?.budget_month, `${company.companyId} ${kpi}`).toBe(sums.get(`${company.companyId}|${kpi}|${month}`));
      }
      // The headline is revenue vs budget, Better/(Worse) = actual - budget.
      expect(company.kpis.budget_variance.month).toBe(company.kpis.net_revenue.month! - sums.get(`${company.companyId}|net_revenue|${month}`)!);
      // A revenue budget for the rest of the fiscal year gives pipeline coverage its target.
      expect(company.kpis.pipeline_coverage.month).not.toBeNull();
    }

    const batches = (await c.call('plan.listBatches', {})).batches;
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ batchId: result.batchId, kind: 'budget', file: 'budget.csv', rows: sums.size });
    expect(batches[0]!.companyIds).toEqual(report.companies.map((co) => co.companyId).sort((a, b) => a - b));

    expect(await c.call('plan.removeBatch', { batchId: result.batchId! })).toEqual({ removed: sums.size });
    expect((await c.call('plan.listBatches', {})).batches).toEqual([]);
    const after = await c.call('reports.get', { month, companies: 'all' });
    expect(after.companies.every((co) => co.kpis.budget_variance.month === null && (co.kpis.budget_variance.breakdown ?? []).length === 0)).toBe(true);
    await expect(c.call('plan.removeBatch', { batchId: result.batchId! })).rejects.toMatchObject({ code: 'not_found' });
  }, 60_000);

  it('imports the demo survey: CSAT is the share of 4s and 5s of the month\'s responses', async () => {
    const path = (await c.call('plan.listBatches', {})).demoFiles.csat!;
    const uploaded = { name: 'csat.csv', base64: readFileSync(path).toString('base64') };
    const result = await c.call('plan.importCsat', { file: uploaded });
    expect(result.rejected).toEqual([]);
    expect(result.imported).toBeGreaterThan(100);
    const lines = readFileSync(path, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const report = await c.call('reports.get', { month, companies: 'all' });
    for (const company of report.companies) {
      const ofMonth = lines.filter(([, date, id]) => date!.startsWith(month) && Number(id) === company.companyId);
      const satisfied = ofMonth.filter(([, , , score]) => Number(score) >= 4).length;
      expect(ofMonth.length).toBeGreaterThan(0);
      expect(company.kpis.csat.month).toBeCloseTo(satisfied / ofMonth.length, 4);
    }
    // Re-importing the same file replaces its rows: still one batch, same row count.
    const again = await c.call('plan.importCsat', { file: uploaded });
    expect(again.replaced).toBe(result.imported);
    const batches = (await c.call('plan.listBatches', {})).batches;
    expect(batches.filter((b) => b.kind === 'csat')).toEqual([expect.objectContaining({ batchId: again.batchId, rows: result.imported })]);
  }, 60_000);

  it('reads by path only inside the data folder', async () => {
    await expect(c.call('plan.importBudget', { file: { path: '/etc/passwd' } })).rejects.toMatchObject({ code: 'validation' });
  });
});
