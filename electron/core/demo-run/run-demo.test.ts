import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import type { DemoRunResult } from './run-demo';

// The README's main job, end to end through the CLI: generate, serve, sync, reconcile, write the pack.
describe('boardpack demo', () => {
  let dir = '';
  let result: DemoRunResult;
  let exitCode = -1;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bp-demo-run-'));
    const out: string[] = [];
    exitCode = await runCli(['demo', '--out', dir, '--json'], { out: (l) => out.push(l), err: () => undefined, env: {}, cwd: process.cwd(), signal: new AbortController().signal });
    result = JSON.parse(out.join('\n')) as DemoRunResult;
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('syncs the demo company through the Odoo client', () => {
    expect(exitCode).toBe(0);
    expect(result.sync.status).toBe('ok');
    expect(result.sync.records).toBeGreaterThan(10_000);
    expect(existsSync(result.cache)).toBe(true);
  });

  it('reconciles the month against the shop exports and finds the planted exceptions', () => {
    expect(result.month).toMatch(/^\d{4}-\d{2}$/);
    expect(result.reconciliation.files).toBeGreaterThan(10);
    expect(result.reconciliation.records).toBeGreaterThan(0);
    expect(result.reconciliation.exceptions).toBeGreaterThan(0);
    expect(result.reconciliation.channels.length).toBeGreaterThan(1);
  });

  it('writes the board pack for the group and each company, as workbooks and PDFs that re-open', async () => {
    const xlsx = result.files.filter((file) => file.format === 'xlsx');
    const pdf = result.files.filter((file) => file.format === 'pdf');
    expect(xlsx.length).toBe(pdf.length);
    expect(xlsx.length).toBeGreaterThanOrEqual(3);
    expect(result.files.map((file) => file.path).some((path) => path.includes('-group-'))).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx[0]!.path);
    expect(workbook.getWorksheet('Data')).toBeDefined();
    expect(readFileSync(pdf[0]!.path).subarray(0, 5).toString()).toBe('%PDF-');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf[0]!.path]).toString())?.[1]);
    expect(pages).toBeGreaterThan(3);
  });

  it('imports the demo budget and survey, so every pack compares with budget and shows CSAT', () => {
    expect(result.plan.budget).toEqual({ imported: expect.any(Number), rejected: 0 });
    expect(result.plan.budget.imported).toBeGreaterThan(100);
    expect(result.plan.csat.rejected).toBe(0);
    expect(result.plan.csat.imported).toBeGreaterThan(100);
    for (const pdf of result.files.filter((file) => file.format === 'pdf')) {
      const text = execFileSync('pdftotext', ['-layout', pdf.path, '-']).toString();
      // The P&L's budget columns and the executive tiles' "vs budget" line.
      expect(text, pdf.path).toContain('\u0394 BU');
      expect(text, pdf.path).toMatch(/vs budget [+-]\d/);
      expect(text, pdf.path).not.toContain('no budget imported');
    }
  });
});
