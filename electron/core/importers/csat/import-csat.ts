/**
 * `boardpack import csat`: reads a survey export (CSV/TSV/XLSX, see csat-rows.ts for the columns)
 * into app_csat. Every row read is imported or rejected with its line and a reason. The file name
 * identifies the import: importing a file of the same name again replaces that import's responses.
 * A response id already stored from another file (overlapping survey exports) is replaced too, so
 * a response is never counted twice. One transaction: a failure leaves the stored data as it was.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../../../shared/rpc/errors';
import { systemClock, type Clock } from '../../clock';
import { defaultTimezone } from '../../reports/context';
import { assertTimeZone } from '../../../../shared/period/timezone';
import { RowRejection } from '../cell-values';
import { loadCompanyDirectory } from '../budget/company-directory';
import { assertAccounted, type ImportOutcome } from '../budget/import-outcome';
import { locateColumns, readTableFile } from '../budget/table-file';
import { CSAT_COLUMNS, parseCsatRow, type CsatResponse } from './csat-rows';

/** Options of a survey import. */
export interface ImportCsatOptions {
  /** Scale maximum when the file has no scale column (default 5). */
  scaleMax?: number;
  /** Timezone for UTC date-times (default: the synced Odoo user's timezone). */
  timeZone?: string;
  clock?: Clock;
  signal?: AbortSignal;
}

const DESCRIBE = 'A survey export needs a date (or month) and a score column; company, scale, response_id, respondent and channel are optional.';

/** Imports one survey export into the cache's app_csat (the cache must be open writable). */
export async function importCsatFile(db: Database.Database, path: string, options: ImportCsatOptions = {}): Promise<ImportOutcome> {
  const scaleMax = options.scaleMax ?? 5;
  if (!(scaleMax > 0)) throw new AppError('validation', `the scale maximum must be positive, got ${scaleMax}`);
  const timeZone = assertTimeZone(options.timeZone ?? defaultTimezone(db));
  const file = await readTableFile(path, options.signal);
  const columns = locateColumns(file, CSAT_COLUMNS, DESCRIBE);
  const companies = loadCompanyDirectory(db);
  const rejected: ImportOutcome['rejected'] = [];
  const accepted: CsatResponse[] = [];
  const firstLineOfResponse = new Map<string, number>();
  for (const row of file.rows) {
    try {
      const response = parseCsatRow(row, columns, companies, { scaleMax, timeZone });
      if (response.responseId !== null) {
        const key = `${response.companyId ?? '*'}|${response.responseId}`;
        const earlier = firstLineOfResponse.get(key);
        if (earlier !== undefined) throw new RowRejection(`response id "${response.responseId}" already appears on line ${earlier}`);
        firstLineOfResponse.set(key, response.line);
      }
      accepted.push(response);
    } catch (error) {
      if (!(error instanceof RowRejection)) throw error;
      rejected.push({ line: row.line, reason: error.message });
    }
  }

  let replaced = 0;
  // With no usable row, keep what an earlier import stored rather than replacing it by nothing.
  if (accepted.length > 0) {
    const importedAt = (options.clock ?? systemClock).now().toISOString();
    const batchId = randomUUID();
    const removeSameFile = db.prepare<[string]>('DELETE FROM app_csat WHERE source_file = ?');
    const removeSameResponse = db.prepare<[number | null, string]>('DELETE FROM app_csat WHERE company_id IS ? AND respondent = ?');
    const insert = db.prepare<[string, number | null, string, number, number, string | null, string, number, string]>(
      `INSERT INTO app_csat (batch_id, company_id, response_date, score, scale_max, respondent, source_file, source_line, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      replaced += removeSameFile.run(file.fileName).changes;
      for (const r of accepted) {
        if (r.responseId !== null) replaced += removeSameResponse.run(r.companyId, r.responseId).changes;
        insert.run(batchId, r.companyId, r.date, r.score, r.scaleMax, r.responseId ?? r.respondent, file.fileName, r.line, importedAt);
      }
    })();
  }
  const outcome: ImportOutcome = { file: file.fileName, kind: 'csat', read: file.rows.length, imported: accepted.length, rejected, replaced };
  assertAccounted(outcome);
  return outcome;
}
