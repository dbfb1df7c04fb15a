import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportResult } from '../../../shared/reports/types';
import { AppError } from '../../../shared/rpc/errors';
import type { CliIO } from '../../cli/command';
import { command as exportCommand } from '../../cli/commands/export';
import { fixedClock } from '../clock';
import { openCache } from '../db/open';
import { silentLogger } from '../logging/logger';
import { buildReport } from '../reports/index';
import { seedTwoCompanyGroup } from '../reports/test-fixture';
import { snapshotPathFor } from '../snapshot/snapshot-file';
import { findSoffice, recalculateWithLibreOffice } from '../exports/testing/libreoffice';
import { markPackFinal } from './final-gate';
import { saveCommentary } from './pack-store';

interface ExportJson {
  files: Array<{ path: string; format: string; bytes: number; sha256: string }>;
}

let dir: string;
let cacheFile: string;

async function runExport(args: string[]): Promise<ExportJson> {
  const lines: string[] = [];
  const io: CliIO = { out: (line) => lines.push(line), err: () => undefined, env: {}, cwd: dir, signal: new AbortController().signal };
  const code = await exportCommand.run(['--cache', cacheFile, '--month', '2025-03', '--currency', 'EUR', '--json', ...args], io);
  expect(code).toBe(0);
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] ?? '{}');
}

function engineReport(): ReportResult {
  const cache = openCache(cacheFile, { logger: silentLogger, readonly: true });
  try {
    return buildReport(cache.db, { month: '2025-03', companies: 'all', currency: 'EUR' });
  } finally {
    cache.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-export-'));
  cacheFile = join(dir, 'cache.sqlite');
  const cache = openCache(cacheFile, { logger: silentLogger });
  seedTwoCompanyGroup(cache.db);
  cache.db.prepare("INSERT INTO sync_run (started_at, finished_at, status, full, companies) VALUES ('2025-04-02 05:00:00', '2025-04-02 05:10:00', 'ok', 1, '1,2')").run();
  cache.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('boardpack export', () => {
  it('writes xlsx and pdf, reports path/bytes/sha256, and re-renders identical bytes', async () => {
    const first = await runExport(['--out', join(dir, 'out1')]);
    expect(first.files.map((file) => file.format)).toEqual(['xlsx', 'pdf']);
    for (const file of first.files) {
      const bytes = readFileSync(file.path);
      expect(bytes.length).toBe(file.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
      expect(file.path).toMatch(/boardpack-board-group-2025-03\.(xlsx|pdf)$/);
    }
    const second = await runExport(['--out', join(dir, 'out2')]);
    expect(second.files.map((file) => file.sha256)).toEqual(first.files.map((file) => file.sha256));
  });

  it('recalculates the P&L in LibreOffice to the engine figures, to the cent', async (context) => {
    const soffice = await findSoffice();
    if (!soffice) return context.skip('LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui');
    const { files } = await runExport(['--out', join(dir, 'out-lo'), '--format', 'xlsx']);
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(await recalculateWithLibreOffice(soffice, files[0]?.path ?? ''));
    const sheet = recalculated.getWorksheet('P&L');
    if (!sheet) throw new Error('no P&L sheet');
    const byLabel = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row) => {
      const label = row.getCell(1).value;
      if (typeof label === 'string' && !byLabel.has(label)) byLabel.set(label, row);
    });
    // The two "Actual" headers are the month and year-to-date actual columns, wherever budget columns put them.
    let actualColumns: number[] = [];
    sheet.eachRow((row) => {
      if (actualColumns.length > 0) return;
      const found: number[] = [];
      row.eachCell((cell, column) => {
        if (cell.value === 'Actual') found.push(column);
      });
      if (found.length === 2) actualColumns = found;
    });
    const [monthColumn, ytdColumn] = actualColumns;
    if (monthColumn === undefined || ytdColumn === undefined) throw new Error('no Actual columns on the P&L sheet');
    const pnl = engineReport().consolidated?.pnl ?? [];
    expect(pnl.length).toBeGreaterThan(5);
    for (const line of pnl) {
      const row = byLabel.get(line.label);
      if (!row) throw new Error(`P&L line ${line.label} missing`);
      for (const [column, expected] of [[monthColumn, line.month], [ytdColumn, line.ytd]] as const) {
        const cell = row.getCell(column);
        if (expected === null) continue;
        expect(Math.round(Number(cell.result) * 100), `${line.label} column ${column}`).toBe(expected);
      }
    }
  });

  it('includes the commentary and refuses to go final on data-quality errors without a waiver', async () => {
    const writable = openCache(cacheFile, { logger: silentLogger });
    saveCommentary(writable.db, { month: '2025-03', scope: { kind: 'consolidated' }, section: 'pnl', text: 'Margin held despite freight costs.', author: 'CFO', at: '2025-04-02T08:00:00Z' });
    writable.close();
    const { files } = await runExport(['--out', join(dir, 'out3'), '--format', 'xlsx']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(files[0]?.path ?? '');
    const texts: string[] = [];
    workbook.getWorksheet('P&L')?.eachRow((row) => texts.push(String(row.getCell(1).value)));
    expect(texts).toContain('Margin held despite freight costs.');

    const errors = engineReport().dataQuality.filter((finding) => finding.severity === 'error');
    const options = { cacheFile, month: '2025-03', scope: { kind: 'consolidated' as const }, template: 'board' as const, currency: 'EUR', by: 'Jane Doe', logger: silentLogger, clock: fixedClock('2025-04-03T09:00:00Z') };
    if (errors.length > 0) {
      expect(() => markPackFinal(options)).toThrow(AppError);
      expect(existsSync(snapshotPathFor(cacheFile, '2025-03'))).toBe(false);
    }
    const mark = markPackFinal({ ...options, waiver: 'Draft entry 9 is a known test posting, reviewed with the auditor.' });
    expect(mark.by).toBe('Jane Doe');
    expect(mark.at).toBe('2025-04-03T09:00:00.000Z');
    expect(existsSync(mark.snapshotFile)).toBe(true);
    expect(() => markPackFinal({ ...options, waiver: 'again, should be refused' })).toThrow(/already marked final/);
  });

  it('renders a final pack from the frozen snapshot, unchanged after the live cache moves on', async () => {
    const before = await runExport(['--out', join(dir, 'final-1')]);
    const writable = openCache(cacheFile, { logger: silentLogger });
    // A late posting lands in the live cache after the month was closed.
    writable.db.prepare("UPDATE odoo_move_line SET balance = balance * 2, debit = debit * 2, credit = credit * 2 WHERE sync_company_id = 1").run();
    saveCommentary(writable.db, { month: '2025-03', scope: { kind: 'consolidated' }, section: 'pnl', text: 'Edited after the board saw it.', at: '2025-04-05T08:00:00Z' });
    writable.close();
    const after = await runExport(['--out', join(dir, 'final-2')]);
    expect(after.files.map((file) => file.sha256)).toEqual(before.files.map((file) => file.sha256));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(after.files[0]?.path ?? '');
    expect(workbook.getWorksheet('Cover')?.getCell('B5').value).toBe('FINAL');
  });
});
