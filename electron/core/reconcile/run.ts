/**
 * One reconciliation run against a cache: import the given files (idempotently), load the month's
 * shop data and Odoo documents, match, record exceptions, summarise. Shared by the CLI and the
 * core handlers so both report the same thing.
 */
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { monthEnd, monthStart, parseMonth } from '../../../shared/period/period';
import { buildSkuMap, findDuplicateCustomers, shopCustomers, type DuplicateCustomerGroup, type SkuMapEntry } from '../../../shared/reconcile/data-cleaning';
import { reconcile } from '../../../shared/reconcile/matcher';
import type { PayoutResult, RecordResult } from '../../../shared/reconcile/result';
import { summarize, type ChannelMonthSummary } from '../../../shared/reconcile/summary';
import { AppError } from '../../../shared/rpc/errors';
import type { Clock } from '../clock';
import type { Logger } from '../logging/logger';
import { importFile, type ImportResult } from '../importers/import-file';
import { loadOdooCustomers, loadOdooSide, loadProductCodes } from './cache-adapter';
import { channelSettingsFor, type ChannelDefaults } from './channel-rules';
import { decisionKey, listExceptions, recordExceptions } from './exception-store';
import { loadImported, storeImport } from './import-store';
import { loadMappings } from './settings-store';

/** Inputs of a run. */
export interface RunOptions {
  month: string;
  files: readonly string[];
  format?: string;
  /** Shop/site time zone for exports without offsets (default: the cache's company time zone). */
  timeZone?: string;
  /** Currency for exports without a currency column (default: the company currency). */
  defaultCurrency?: string;
  companyId?: number;
  importedBy?: string;
  /**
   * Tolerance and date window for channels without their own (the app passes its Settings).
   * Absent: the matcher's defaults (1 minor unit per item, 3 days), as the CLI runs.
   */
  channelDefaults?: ChannelDefaults;
  clock: Clock;
  logger: Logger;
  signal?: AbortSignal;
  /** Told before each file is read and before matching (steps done of files + 1), for a progress bar. */
  onProgress?(step: { label: string; done: number; total: number }): void;
}

/** Import statistics of one file in a run. */
export interface RunImport {
  file: string;
  sha256: string;
  format: string;
  encoding: string;
  duplicateFile: boolean;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rejected: ImportResult['rejected'];
  ignoredColumns: string[];
  recordsInserted: number;
  recordsUpdated: number;
}

/** Everything a run reports. */
export interface RunReport {
  month: string;
  timeZone: string;
  companyCurrency: string;
  imports: RunImport[];
  records: Array<RecordResult & { status: Record<string, string> }>;
  payouts: PayoutResult[];
  summary: ChannelMonthSummary[];
  dataCleaning: { duplicateCustomers: DuplicateCustomerGroup[]; skuMap: SkuMapEntry[]; unmappedSkus: number };
}

function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** Runs the whole pipeline. Import failures of one file abort the run before anything is matched. */
export async function runReconciliation(db: Database.Database, options: RunOptions): Promise<RunReport> {
  try {
    parseMonth(options.month);
  } catch {
    throw new AppError('validation', `--month must be YYYY-MM, got "${options.month}"`);
  }
  const logger = options.logger.child('reconcile');
  const from = monthStart(options.month);
  const to = monthEnd(options.month);
  const odooProbe = loadOdooSide(db, from, to, { companyId: options.companyId, timeZone: options.timeZone });
  const timeZone = options.timeZone ?? odooProbe.timeZone;
  const defaultCurrency = options.defaultCurrency ?? odooProbe.companyCurrency;
  const mappings = loadMappings(db);

  const imports: RunImport[] = [];
  const steps = options.files.length + 1;
  for (const [index, file] of options.files.entries()) {
    options.onProgress?.({ label: `Reading ${basename(file)}`, done: index, total: steps });
    const result = await importFile(file, { format: options.format, mappings, siteTimeZone: timeZone, companyTimeZone: timeZone, defaultCurrency, signal: options.signal });
    const stored = storeImport(db, result, options.clock, options.importedBy);
    logger.info('imported file', { file: result.fileName, format: result.format, rows: result.rowsRead, rejected: result.rowsRejected, duplicate: stored.duplicate });
    imports.push({
      file, sha256: result.sha256, format: result.format, encoding: result.encoding, duplicateFile: stored.duplicate, rowsRead: result.rowsRead,
      rowsImported: result.rowsImported, rowsRejected: result.rowsRejected, rejected: result.rejected, ignoredColumns: result.ignoredColumns,
      recordsInserted: stored.inserted, recordsUpdated: stored.updated,
    });
  }

  // Neighbouring weeks are loaded too: a payout or refund of this month's order may fall outside it.
  options.onProgress?.({ label: 'Matching against Odoo', done: steps - 1, total: steps });
  const shop = loadImported(db, shiftDate(from, -35), shiftDate(to, 35));
  const output = reconcile({
    ...shop,
    saleOrders: odooProbe.saleOrders,
    invoices: odooProbe.invoices,
    bankLines: odooProbe.bankLines,
    companyCurrency: odooProbe.companyCurrency,
    channelSettings: channelSettingsFor(db, shop, options.channelDefaults),
  });
  const monthRecords = output.records.filter((record) => record.month === options.month);
  recordExceptions(db, monthRecords, options.clock, options.month);
  const decisions = new Map(listExceptions(db, { month: options.month }).map((row) => [decisionKey(row.recordKey, row.category), row.status]));
  const records = monthRecords.map((record) => ({
    ...record,
    status: Object.fromEntries(record.categories.filter((category) => decisions.has(decisionKey(record.recordKey, category))).map((category) => [category, decisions.get(decisionKey(record.recordKey, category)) ?? 'open'])),
  }));
  const monthOrders = shop.shopOrders.filter((order) => order.createdLocalDate.startsWith(options.month));
  const skuMap = buildSkuMap(monthOrders, loadProductCodes(db));
  return {
    month: options.month,
    timeZone,
    companyCurrency: odooProbe.companyCurrency,
    imports,
    records,
    payouts: output.payouts.filter((payout) => payout.payoutDate.startsWith(options.month)),
    summary: summarize(monthRecords, (recordKey, category) => decisions.get(decisionKey(recordKey, category)) ?? 'open'),
    dataCleaning: {
      duplicateCustomers: findDuplicateCustomers([...loadOdooCustomers(db), ...shopCustomers(monthOrders)]),
      skuMap,
      unmappedSkus: skuMap.filter((entry) => entry.match === 'unmapped').length,
    },
  };
}
