/**
 * Reading a small user-authored table (budget, survey export) from CSV/TSV or the first sheet of
 * an .xlsx workbook into a header plus rows with their physical line numbers. Encoding, delimiter
 * and workbook handling are the shared importer pieces, so these files get the same tolerance as
 * the e-commerce exports (BOMs, Windows-1252, semicolons, quoted line breaks).
 */
import { basename } from 'node:path';
import { AppError } from '../../../../shared/rpc/errors';
import { sniffDelimiter, streamCsv, type CsvRecord } from '../csv-rows';
import { decodedChunks, inspectFile } from '../text-decoding';
import { readWorkbookRows } from '../workbook-rows';

/** A file read into memory: header, data rows, and the number convention it implies. */
export interface TableFile {
  path: string;
  fileName: string;
  sha256: string;
  format: 'csv' | 'xlsx';
  /** Semicolon files come from European Excel: ambiguous amounts like `1.234` read as thousands. */
  decimalComma: boolean;
  header: CsvRecord;
  rows: CsvRecord[];
}

/** Reads the whole file. Throws `import.invalid_file` when it is unreadable or has no header row. */
export async function readTableFile(path: string, signal?: AbortSignal): Promise<TableFile> {
  const facts = await inspectFile(path, signal);
  const records: CsvRecord[] = [];
  const collect = (record: CsvRecord): void => {
    if (signal?.aborted) throw new AppError('cancelled', 'import cancelled');
    // Spreadsheets save trailing empty rows as ",,,,": not data, so not counted as read.
    if (record.error === undefined && record.fields.every((f) => f.trim() === '')) return;
    records.push(record);
  };
  let decimalComma = false;
  if (facts.isWorkbook) {
    await readWorkbookRows(path, collect);
  } else {
    const delimiter = sniffDelimiter(facts.head);
    decimalComma = delimiter === ';';
    await streamCsv(decodedChunks(facts, signal), delimiter, collect);
  }
  const [header, ...rows] = records;
  if (!header) {
    throw new AppError('import.invalid_file', `${basename(path)} is empty: it has no header row.`, {
      hint: 'The first row must name the columns (see `boardpack import --help`).',
    });
  }
  return { path, fileName: basename(path), sha256: facts.sha256, format: facts.isWorkbook ? 'xlsx' : 'csv', decimalComma, header, rows };
}

/** Header spelling reduced to compare: case, BOM, quotes, spaces, dashes and underscores ignored. */
export function columnKey(name: string): string {
  return name.replace(/^\uFEFF/, '').replace(/["']/g, '').trim().toLowerCase().replace(/[\s_\-./]+/g, '');
}

/** One column a file kind understands: its canonical name and the header spellings accepted for it. */
export interface ColumnSpec {
  aliases: readonly string[];
  required: boolean;
}

/** Where a known column sits in the file (undefined when the file does not have it). */
export type ColumnIndex<K extends string> = (name: K) => number | undefined;

/**
 * Finds each known column in the header (case, spaces, dashes and underscores ignored). Throws
 * `import.invalid_file` naming the missing required columns and the header that was found.
 */
export function locateColumns<K extends string>(file: TableFile, spec: Readonly<Record<K, ColumnSpec>>, describe: string): ColumnIndex<K> {
  const keys = file.header.fields.map(columnKey);
  const found: Record<string, number> = {};
  const missing: string[] = [];
  for (const [name, column] of Object.entries<ColumnSpec>(spec)) {
    const index = keys.findIndex((k) => column.aliases.some((alias) => columnKey(alias) === k));
    if (index >= 0) found[name] = index;
    else if (column.required) missing.push(name);
  }
  if (missing.length > 0) {
    throw new AppError('import.invalid_file', `${file.fileName} line ${file.header.line}: missing column(s) ${missing.join(', ')}.`, {
      hint: `${describe} Found: ${file.header.fields.map((f) => `"${f}"`).join(', ')}.`,
    });
  }
  return (name) => found[name];
}

/** The trimmed text of a column in a row ('' when the column is absent or the row is short). */
export function cell(row: CsvRecord, index: number | undefined): string {
  return index === undefined ? '' : (row.fields[index] ?? '').trim();
}
