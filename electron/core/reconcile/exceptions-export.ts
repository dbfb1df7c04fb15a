/**
 * Exporting the exception queue to CSV and XLSX for people who work in spreadsheets. Text that
 * came from outside (order numbers, names, notes) is never evaluated as a formula: CSV cells that
 * start with = + - @ (or tab/CR) get a leading apostrophe, and XLSX cells are written as text.
 */
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { toMajorString } from '../../../shared/money/money';
import { actionOf, severityOf, type CategoryCode } from '../../../shared/reconcile/categories';
import type { RecordResult } from '../../../shared/reconcile/result';
import type { ExceptionStatus } from '../../../shared/reconcile/summary';
import { AppError } from '../../../shared/rpc/errors';
import { decisionKey, type ExceptionRow } from './exception-store';

/** One exported line: one exception category of one record. */
export interface ExceptionLine {
  month: string;
  channel: string;
  recordKey: string;
  sourceRef: string;
  category: string;
  status: ExceptionStatus;
  saleOrders: string;
  invoices: string;
  currency: string;
  shopAmount: number | null;
  odooAmount: number | null;
  difference: number | null;
  explanation: string;
  suggestedAction: string;
  note: string;
  decidedBy: string;
  decidedAt: string;
}

const HEADERS: Array<[keyof ExceptionLine, string]> = [
  ['month', 'Month'], ['channel', 'Channel'], ['recordKey', 'Record'], ['sourceRef', 'Shop reference'], ['category', 'Category'],
  ['status', 'Status'], ['saleOrders', 'Odoo sale orders'], ['invoices', 'Odoo invoices'], ['currency', 'Currency'],
  ['shopAmount', 'Shop amount'], ['odooAmount', 'Odoo amount'], ['difference', 'Difference'], ['explanation', 'Explanation'],
  ['suggestedAction', 'Suggested action'], ['note', 'Note'], ['decidedBy', 'Decided by'], ['decidedAt', 'Decided at'],
];

/** Builds the export lines from a run's records and the stored decisions. */
export function exceptionLines(records: readonly RecordResult[], decisions: ReadonlyMap<string, ExceptionRow>): ExceptionLine[] {
  const lines: ExceptionLine[] = [];
  for (const record of records) {
    for (const category of record.categories) {
      if (severityOf(category) !== 'exception') continue;
      const decision = decisions.get(decisionKey(record.recordKey, category));
      lines.push({
        month: record.month, channel: record.channel, recordKey: record.recordKey, sourceRef: record.sourceRef, category,
        status: decision?.status ?? 'open', saleOrders: record.saleOrders.join(';'), invoices: record.invoices.join(';'), currency: record.currency,
        shopAmount: record.shopAmount, odooAmount: record.odooAmount, difference: record.difference, explanation: record.explanation.join(' '),
        suggestedAction: actionOf(category satisfies CategoryCode), note: decision?.note ?? '', decidedBy: decision?.decidedBy ?? '', decidedAt: decision?.decidedAt ?? '',
      });
    }
  }
  return lines;
}

const DANGEROUS = /^[=+\-@\t\r]/;

/** Neutralises a text cell for CSV: formula-like text gets a leading apostrophe. */
export function safeCsvText(value: string): string {
  const guarded = DANGEROUS.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function isMoney(key: keyof ExceptionLine): boolean {
  return key === 'shopAmount' || key === 'odooAmount' || key === 'difference';
}

/** CSV text (UTF-8 with BOM so Excel reads accents; amounts as plain decimals). */
export function exceptionsCsv(lines: readonly ExceptionLine[]): string {
  const out = [HEADERS.map(([, title]) => safeCsvText(title)).join(',')];
  for (const line of lines) {
    out.push(HEADERS.map(([key]) => {
      const value = line[key];
      if (isMoney(key)) return typeof value === 'number' ? toMajorString(value) : '';
      return safeCsvText(String(value ?? ''));
    }).join(','));
  }
  return `\uFEFF${out.join('\r\n')}\r\n`;
}

/** Writes the CSV or XLSX file (chosen by extension). */
export async function writeExceptions(path: string, lines: readonly ExceptionLine[]): Promise<void> {
  try {
    if (path.toLowerCase().endsWith('.csv')) {
      await writeFile(path, exceptionsCsv(lines), 'utf8');
      return;
    }
    if (!path.toLowerCase().endsWith('.xlsx')) throw new AppError('validation', `cannot export to ${path}: use a .csv or .xlsx file name`);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Exceptions');
    sheet.addRow(HEADERS.map(([, title]) => title)).font = { bold: true };
    for (const line of lines) {
      const row = sheet.addRow(HEADERS.map(([key]) => {
        const value = line[key];
        if (isMoney(key)) return typeof value === 'number' ? Number(toMajorString(value)) : null;
        return String(value ?? '');
      }));
      HEADERS.forEach(([key], index) => {
        const cell = row.getCell(index + 1);
        // Text format: Excel shows "=1+1" as typed and never turns it into a formula on edit.
        if (!isMoney(key)) cell.numFmt = '@';
        else cell.numFmt = '#,##0.00;-#,##0.00';
      });
    }
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.columns.forEach((column) => {
      column.width = 16;
    });
    await workbook.xlsx.writeFile(path);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: unknown }).code;
    throw new AppError(code === 'ENOSPC' ? 'io.disk_full' : 'export.failed', `cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
