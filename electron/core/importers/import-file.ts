/**
 * Importing one export file: inspect bytes (hash, encoding), sniff the delimiter, detect the
 * format from the header, stream the rows through the format's parser. Every row is accounted
 * for: rowsRead = rowsImported + rowsRejected, each rejection with its line and a plain reason.
 */
import { AppError } from '../../../shared/rpc/errors';
import { firstLine, sniffDelimiter, streamCsv, type CsvRecord, type Delimiter } from './csv-rows';
import { RowRejection } from './cell-values';
import { columnIndex, detectFormat, headerKey } from './detect-format';
import type { FormatSpec, ParsedRecords } from './formats/format';
import { genericFormat, type SourceMapping } from './formats/generic-csv';
import { BUILT_IN_FORMATS } from './formats/index';
import { decodedChunks, inspectFile, type TextEncoding } from './text-decoding';
import { readWorkbookRows } from './workbook-rows';

/** How to read a file. */
export interface ImportFileOptions {
  /** `auto` (default), a built-in format id, or `generic:<mapping name>`. */
  format?: string;
  /** Saved generic mappings (also tried by auto-detection, after the built-ins). */
  mappings?: readonly SourceMapping[];
  siteTimeZone: string;
  companyTimeZone: string;
  defaultCurrency?: string;
  /** Force the decimal convention (default: comma for semicolon files, else point). */
  decimalComma?: boolean;
  signal?: AbortSignal;
}

/** A row that was not imported. */
export interface RejectedRow {
  line: number;
  reason: string;
}

/** Outcome of reading one file. */
export interface ImportResult {
  path: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  encoding: TextEncoding | 'xlsx';
  delimiter: Delimiter | 'xlsx';
  format: string;
  formatLabel: string;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  /** The first 1,000 rejections (the count above is complete). */
  rejected: RejectedRow[];
  ignoredColumns: string[];
  records: ParsedRecords;
}

const MAX_LISTED_REJECTIONS = 1000;

/** Every format a run knows: built-ins plus saved generic mappings. */
export function availableFormats(mappings: readonly SourceMapping[] = []): FormatSpec[] {
  return [...BUILT_IN_FORMATS, ...mappings.map(genericFormat)];
}

/** Reads, validates and parses one file. Throws AppError for unreadable/unknown files; bad rows are rejected, not thrown. */
export async function importFile(path: string, options: ImportFileOptions): Promise<ImportResult> {
  const facts = await inspectFile(path, options.signal);
  const formats = availableFormats(options.mappings);
  const delimiter: Delimiter | 'xlsx' = facts.isWorkbook ? 'xlsx' : sniffDelimiter(facts.head);
  let header: string[] | null = null;
  let spec: FormatSpec | null = null;
  let index = new Map<string, number>();
  let parser: ReturnType<FormatSpec['create']> | null = null;
  const rejected: RejectedRow[] = [];
  let rowsRead = 0;
  let rowsRejected = 0;
  const reject = (line: number, reason: string) => {
    rowsRejected += 1;
    if (rejected.length < MAX_LISTED_REJECTIONS) rejected.push({ line, reason });
  };

  const onRecord = (record: CsvRecord) => {
    if (options.signal?.aborted) throw new AppError('cancelled', 'import cancelled');
    if (header === null) {
      header = record.fields.map((name) => name.replace(/^\uFEFF/, '').trim());
      spec = detectFormat(formats, header, options.format ?? 'auto', facts.fileName);
      index = columnIndex(spec, header);
      parser = spec.create({
        siteTimeZone: options.siteTimeZone,
        companyTimeZone: options.companyTimeZone,
        defaultCurrency: options.defaultCurrency,
        decimalComma: options.decimalComma ?? delimiter === ';',
        localDates: new Map(),
      });
      return;
    }
    rowsRead += 1;
    if (record.error) return reject(record.line, record.error);
    const fields = facts.isWorkbook ? padded(record.fields, header.length) : record.fields;
    if (fields.length < header.length) {
      return reject(record.line, `has ${fields.length} field(s) but the header has ${header.length}: the line looks truncated or a value is missing its quotes`);
    }
    if (fields.length > header.length && fields.slice(header.length).some((value) => value.trim() !== '')) {
      return reject(record.line, `has ${fields.length} fields but the header has ${header.length}: a value probably contains an unquoted "${delimiter === '\t' ? 'tab' : delimiter}"`);
    }
    const cell = (column: string) => {
      const position = index.get(column) ?? -1;
      return position < 0 ? '' : (fields[position] ?? '');
    };
    try {
      parser?.row(cell, record.line);
    } catch (error) {
      if (error instanceof RowRejection) return reject(record.line, error.message);
      throw error;
    }
  };

  if (facts.isWorkbook) await readWorkbookRows(path, onRecord);
  else await streamCsv(decodedChunks(facts, options.signal), delimiter === 'xlsx' ? ',' : delimiter, onRecord);

  const headerFields: string[] = header ?? [];
  if (header === null || spec === null || parser === null) {
    throw new AppError('import.invalid_file', `${facts.fileName} is empty: no header row was found`, {
      hint: firstLine(facts.head).trim() === '' ? 'The file has no content. Export it again.' : undefined,
    });
  }
  const finalSpec: FormatSpec = spec;
  const records = (parser as ReturnType<FormatSpec['create']>).finish();
  for (const late of records.lateRejections) reject(late.line, late.reason);
  const known = new Set([...finalSpec.known, ...finalSpec.required, ...(finalSpec.documented ?? []), ...Object.values(finalSpec.aliases ?? {}).flat()].map(headerKey));
  return {
    path,
    fileName: facts.fileName,
    sha256: facts.sha256,
    sizeBytes: facts.sizeBytes,
    encoding: facts.isWorkbook ? 'xlsx' : facts.encoding,
    delimiter,
    format: finalSpec.id,
    formatLabel: finalSpec.label,
    rowsRead,
    rowsImported: rowsRead - rowsRejected,
    rowsRejected,
    rejected,
    ignoredColumns: headerFields.filter((name) => name !== '' && !known.has(headerKey(name))),
    records,
  };
}

function padded(fields: string[], width: number): string[] {
  if (fields.length >= width) return fields;
  return [...fields, ...new Array<string>(width - fields.length).fill('')];
}

/** Throws unless `result` accounts for every row (a guard for callers and tests). */
export function assertAccounted(result: ImportResult): void {
  if (result.rowsRead !== result.rowsImported + result.rowsRejected) {
    throw new AppError('internal', `row accounting broken for ${result.fileName}`);
  }
}
