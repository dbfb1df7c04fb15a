import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCache, type CacheDb } from '../../db/open';
import { silentLogger } from '../../logging/logger';
import { seedTwoCompanyGroup } from '../../reports/test-fixture';
import { importBudgetFile } from './import-budget';

let dir: string;
let cache: CacheDb;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-budget-'));
  cache = openCache(join(dir, 'cache.sqlite'), { logger: silentLogger });
  seedTwoCompanyGroup(cache.db);
});

afterEach(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

interface StoredRow {
  company_id: number;
  target_kind: string;
  target: string;
  month: string;
  amount: number;
  source_file: string;
  source_line: number;
}
const stored = (): StoredRow[] =>
  cache.db
    .prepare<[], StoredRow>('SELECT company_id, target_kind, target, month, amount, source_file, source_line FROM app_budget ORDER BY company_id, target, month')
    .all();

describe('budget import', () => {
  it('reads a semicolon CSV with decimal commas and thousands separators, by KPI and by account, company by id or name', async () => {
    const path = write(
      'budget-2025.csv',
      ['company;account_or_kpi;month;amount', '1;net_revenue;2025-03;140,00', 'EU GmbH;500000;2025-03;35,00', 'eu gmbh;Opex;03/2025;1.234,56', '2;Net revenue;Mar 2025;-12,5'].join('\r\n'),
    );
    const outcome = await importBudgetFile(cache.db, path);
    expect(outcome).toEqual({ file: 'budget-2025.csv', kind: 'budget', read: 4, imported: 4, rejected: [], replaced: 0 });
    expect(stored().map((r) => [r.company_id, r.target_kind, r.target, r.month, r.amount, r.source_line])).toEqual([
      [1, 'account', '500000', '2025-03', 3_500, 3],
      [1, 'kpi', 'net_revenue', '2025-03', 14_000, 2],
      [1, 'kpi', 'opex', '2025-03', 123_456, 4],
      [2, 'kpi', 'net_revenue', '2025-03', -1_250, 5],
    ]);
  });

  it('accounts for every row: malformed ones are rejected with their line and a plain reason', async () => {
    const path = write(
      'bad.csv',
      [
        'Company,KPI,Account,Month,Amount',
        '1,net_revenue,,2025-01,"1,000.50"',
        '7,net_revenue,,2025-01,10',
        '1,net_profit,,2025-01,10',
        '1,,999,2025-01,10',
        '1,,101401,2025-01,10',
        '1,cogs,500000,2025-01,10',
        '1,,,2025-01,10',
        '1,opex,,2025-13,10',
        '1,opex,,2025-02,ten',
        '1,opex,,2025-02,',
        '1,net_revenue,,2025-01,99',
        ',,,,',
        '1,cogs,,2025-02,"7',
      ].join('\n'),
    );
    const outcome = await importBudgetFile(cache.db, path);
    expect(outcome.read).toBe(12);
    expect(outcome.imported).toBe(1);
    expect(outcome.read).toBe(outcome.imported + outcome.rejected.length);
    const reasons = Object.fromEntries(outcome.rejected.map((r) => [r.line, r.reason]));
    expect(reasons[3]).toMatch(/company "7" is not a synced company; use one of 1 \(EU GmbH\), 2 \(UK Ltd\)/);
    expect(reasons[4]).toMatch(/KPI "net_profit" cannot be budgeted; use one of net_revenue, cogs/);
    expect(reasons[5]).toMatch(/account "999" matches no account code of company 1/);
    expect(reasons[6]).toMatch(/account "101401" is not a revenue, COGS or operating-expense account/);
    expect(reasons[7]).toMatch(/both a KPI and an account/);
    expect(reasons[8]).toBe('no KPI or account given');
    expect(reasons[9]).toMatch(/month "2025-13" is not a valid month/);
    expect(reasons[10]).toMatch(/amount "ten" is not an amount/);
    expect(reasons[11]).toBe('amount is empty');
    expect(reasons[12]).toMatch(/same company, kpi "net_revenue" and month 2025-01 as line 2/);
    expect(reasons[14]).toMatch(/quote/);
    expect(stored()).toHaveLength(1);
    expect(stored()[0]?.amount).toBe(100_050);
  });

  it('re-importing the same file replaces its rows; another file overrides only the keys it budgets', async () => {
    const first = write('plan.csv', 'company,kpi,month,amount\n1,net_revenue,2025-01,100\n1,net_revenue,2025-02,200\n1,opex,2025-01,50\n');
    await importBudgetFile(cache.db, first);
    const again = await importBudgetFile(cache.db, write('plan.csv', 'company,kpi,month,amount\n1,net_revenue,2025-01,110\n1,net_revenue,2025-02,210\n'));
    expect(again).toMatchObject({ read: 2, imported: 2, replaced: 3 });
    expect(stored().map((r) => [r.target, r.month, r.amount])).toEqual([
      ['net_revenue', '2025-01', 11_000],
      ['net_revenue', '2025-02', 21_000],
    ]);
    const other = await importBudgetFile(cache.db, write('reforecast.csv', 'company,kpi,month,amount\n1,net_revenue,2025-02,250\n'));
    expect(other).toMatchObject({ imported: 1, replaced: 1 });
    expect(stored().map((r) => [r.month, r.amount, r.source_file])).toEqual([
      ['2025-01', 11_000, 'plan.csv'],
      ['2025-02', 25_000, 'reforecast.csv'],
    ]);
  });

  it('a file whose rows are all rejected leaves the earlier import untouched', async () => {
    await importBudgetFile(cache.db, write('plan.csv', 'company,kpi,month,amount\n1,net_revenue,2025-01,100\n'));
    const outcome = await importBudgetFile(cache.db, write('plan.csv', 'company,kpi,month,amount\n1,net_revenue,January,100\n'));
    expect(outcome).toMatchObject({ read: 1, imported: 0, replaced: 0 });
    expect(stored().map((r) => r.amount)).toEqual([10_000]);
  });

  it('refuses a file without the required columns, naming them, and writes nothing', async () => {
    const path = write('wrong.csv', 'entity,period,value_eur\n1,2025-01,100\n');
    await expect(importBudgetFile(cache.db, path)).rejects.toMatchObject({
      code: 'import.invalid_file',
      message: expect.stringMatching(/wrong\.csv line 1: missing column\(s\) amount/),
    });
    await expect(importBudgetFile(cache.db, write('no-target.csv', 'company,month,amount\n1,2025-01,100\n'))).rejects.toThrow(/missing column\(s\) account_or_kpi/);
    expect(stored()).toEqual([]);
  });

  it('reads the first sheet of an .xlsx workbook: numeric cells, date cells for the month, numeric account codes', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Budget');
    sheet.addRow(['Company', 'Account or KPI', 'Month', 'Amount']);
    sheet.addRow([1, 400000, new Date(Date.UTC(2025, 2, 1)), 1234.5]);
    sheet.addRow(['UK Ltd', 'cogs', '2025-03', 0.1 + 0.2]);
    sheet.addRow([1, 'ebitda', 'not a month', 10]);
    const path = join(dir, 'budget.xlsx');
    await workbook.xlsx.writeFile(path);
    const outcome = await importBudgetFile(cache.db, path);
    expect(outcome).toMatchObject({ file: 'budget.xlsx', read: 3, imported: 2 });
    expect(outcome.rejected).toEqual([{ line: 4, reason: 'month "not a month" is not a month (expected YYYY-MM, e.g. 2025-03)' }]);
    expect(stored().map((r) => [r.company_id, r.target, r.month, r.amount])).toEqual([
      [1, '400000', '2025-03', 123_450],
      [2, 'cogs', '2025-03', 30],
    ]);
  });
});
