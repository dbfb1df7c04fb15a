import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { toMajorString } from '../../../shared/money/money';
import type { ExceptionStatus } from '../../../shared/reconcile/summary';
import { AppError } from '../../../shared/rpc/errors';
import { intFlag, parseFlags, requireFlag } from '../args';
import { UsageError, type CliCommand, type CliIO } from '../command';
import { systemClock } from '../../core/clock';
import { openCache } from '../../core/db/open';
import { createLogger } from '../../core/logging/logger';
import { decideException, decisionKey, listExceptions } from '../../core/reconcile/exception-store';
import { exceptionLines, writeExceptions } from '../../core/reconcile/exceptions-export';
import { listImports } from '../../core/reconcile/import-store';
import { runReconciliation, type RunReport } from '../../core/reconcile/run';
import { loadChannelSettings, saveChannelSetting, saveMapping } from '../../core/reconcile/settings-store';

const USAGE = [
  'boardpack reconcile --cache FILE --month YYYY-MM [--file PATH ...] [--format auto|shopify-orders|shopify-payment-transactions|shopify-payouts|woocommerce-orders|stripe-balance|stripe-payout-itemized|amazon-settlement|paypal-activity|generic:<name>]',
  '          [--tz Europe/Berlin] [--currency EUR] [--company ID] [--who NAME] [--export exceptions.xlsx|.csv] [--json]',
  'boardpack reconcile resolve|ignore|reopen --cache FILE --record KEY [--category CODE] --note TEXT --who NAME [--json]',
  'boardpack reconcile exceptions --cache FILE [--month YYYY-MM] [--status open|resolved|ignored] [--json]',
  'boardpack reconcile imports --cache FILE [--json]',
  'boardpack reconcile settings --cache FILE [--channel NAME --shipping-in-odoo yes|no --tolerance MINOR --date-window DAYS --sources a,b] [--json]',
  'boardpack reconcile mapping --cache FILE --save MAPPING.json',
].join('\n       ');

const FLAGS = {
  cache: { type: 'string' },
  month: { type: 'string' },
  file: { type: 'string', multiple: true },
  format: { type: 'string' },
  tz: { type: 'string' },
  currency: { type: 'string' },
  company: { type: 'string' },
  who: { type: 'string' },
  export: { type: 'string' },
  record: { type: 'string' },
  category: { type: 'string' },
  note: { type: 'string' },
  status: { type: 'string' },
  channel: { type: 'string' },
  'shipping-in-odoo': { type: 'string' },
  tolerance: { type: 'string' },
  'date-window': { type: 'string' },
  sources: { type: 'string' },
  save: { type: 'string' },
  json: { type: 'boolean' },
} as const;

function money(amount: number | null): string {
  return amount === null ? '-' : toMajorString(amount);
}

function printReport(report: RunReport, io: CliIO): void {
  for (const imported of report.imports) {
    io.out(`${imported.file}: ${imported.format}${imported.duplicateFile ? ' (same file imported before: nothing new)' : ''}; rows read ${imported.rowsRead} = imported ${imported.rowsImported} + rejected ${imported.rowsRejected}`);
    for (const row of imported.rejected.slice(0, 20)) io.out(`  line ${row.line}: ${row.reason}`);
    if (imported.rejected.length > 20) io.out(`  … ${imported.rowsRejected - 20} more rejected rows (see --json)`);
    if (imported.ignoredColumns.length > 0) io.out(`  ignored columns: ${imported.ignoredColumns.join(', ')}`);
  }
  io.out('');
  for (const summary of report.summary) {
    io.out(`${summary.channel} ${summary.month} ${summary.currency}: ${summary.records} records, ${summary.matched} matched, ${summary.openExceptions} open exceptions`);
    io.out(`  shop ${money(summary.shopTotal)} -> Odoo ${money(summary.odooTotal)}`);
    for (const line of summary.bridge) io.out(`    ${line.cause.padEnd(18)} ${money(line.amount).padStart(14)}  (${line.records})`);
  }
  io.out('');
  for (const record of report.records.filter((r) => r.exception)) {
    const decided = Object.values(record.status).filter((status) => status !== 'open');
    io.out(`${record.recordKey.padEnd(28)} ${record.categories.join('|').padEnd(40)} shop ${money(record.shopAmount).padStart(10)} odoo ${money(record.odooAmount).padStart(10)}${decided.length ? ` [${decided.join(',')}]` : ''}  ${record.explanation.join(' ')}`);
  }
  const pending = report.payouts.filter((payout) => !payout.categories.includes('PAYOUT_MATCHED'));
  if (pending.length > 0) io.out('');
  for (const payout of pending) io.out(`payout ${payout.source} ${payout.payoutDate} ${payout.payoutKey}: ${payout.categories.join('|')} total ${money(payout.providerTotal)} lines ${money(payout.linesNet)}`);
  if (report.dataCleaning.unmappedSkus > 0) io.out(`\n${report.dataCleaning.unmappedSkus} shop SKU(s) without an Odoo product code`);
  if (report.dataCleaning.duplicateCustomers.length > 0) io.out(`${report.dataCleaning.duplicateCustomers.length} possible duplicate customer group(s)`);
}

function statusFlag(value: string | undefined): ExceptionStatus | undefined {
  if (value === undefined) return undefined;
  if (value === 'open' || value === 'resolved' || value === 'ignored') return value;
  throw new UsageError(`--status must be open, resolved or ignored, got "${value}"`);
}

export const command: CliCommand = {
  name: 'reconcile',
  summary: 'Import shop/payment/marketplace exports and reconcile them against Odoo; manage exceptions',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, FLAGS, true);
    const action = positionals[0] ?? 'run';
    const json = values.json ?? false;
    const logger = createLogger({ level: 'warn' });
    const cache = openCache(resolve(io.cwd, requireFlag(values.cache, 'cache')), { logger });
    try {
      const db = cache.db;
      switch (action) {
        case 'run': {
          const report = await runReconciliation(db, {
            month: requireFlag(values.month, 'month'),
            files: (values.file ?? []).map((file) => resolve(io.cwd, file)),
            format: values.format ?? 'auto',
            timeZone: values.tz,
            defaultCurrency: values.currency?.toUpperCase(),
            companyId: intFlag(values.company, 'company'),
            importedBy: values.who ?? io.env.USER,
            clock: systemClock,
            logger,
            signal: io.signal,
          });
          if (values.export) {
            const decisions = new Map(listExceptions(db, { month: report.month }).map((row) => [decisionKey(row.recordKey, row.category), row]));
            await writeExceptions(resolve(io.cwd, values.export), exceptionLines(report.records, decisions));
          }
          if (json) io.out(JSON.stringify({ amountUnit: 'minor', ...report }));
          else printReport(report, io);
          return 0;
        }
        case 'resolve':
        case 'ignore':
        case 'reopen': {
          const rows = decideException(db, {
            recordKey: requireFlag(values.record, 'record'),
            category: values.category,
            status: action === 'resolve' ? 'resolved' : action === 'ignore' ? 'ignored' : 'open',
            note: values.note ?? '',
            who: values.who ?? '',
          }, systemClock);
          if (json) io.out(JSON.stringify({ exceptions: rows }));
          else rows.forEach((row) => io.out(`${row.recordKey} ${row.category}: ${row.status}${row.note ? ` (${row.note}, ${row.decidedBy}, ${row.decidedAt})` : ''}`));
          return 0;
        }
        case 'exceptions': {
          const rows = listExceptions(db, { month: values.month, status: statusFlag(values.status) });
          if (json) io.out(JSON.stringify({ exceptions: rows }));
          else if (rows.length === 0) io.out('No exceptions recorded.');
          else rows.forEach((row) => io.out(`${row.month} ${row.recordKey.padEnd(28)} ${row.category.padEnd(26)} ${row.status}${row.note ? `  ${row.note} (${row.decidedBy})` : ''}`));
          return 0;
        }
        case 'imports': {
          const rows = listImports(db);
          if (json) io.out(JSON.stringify({ imports: rows }));
          else rows.forEach((row) => io.out(`#${row.id} ${row.importedAt} ${row.format} ${row.fileName} read ${row.rowsRead} imported ${row.rowsImported} rejected ${row.rowsRejected}`));
          return 0;
        }
        case 'settings': {
          if (values.channel) {
            const shipping = values['shipping-in-odoo'];
            if (shipping !== undefined && shipping !== 'yes' && shipping !== 'no') throw new UsageError('--shipping-in-odoo must be yes or no');
            const current = loadChannelSettings(db).find((setting) => setting.channel === values.channel);
            saveChannelSetting(db, {
              channel: values.channel,
              shippingInOdoo: shipping === undefined ? (current?.shippingInOdoo ?? true) : shipping === 'yes',
              roundingToleranceMinor: intFlag(values.tolerance, 'tolerance') ?? current?.roundingToleranceMinor,
              // Kept unless given: the app's Settings edit the same row, and a CLI update must not erase its window.
              dateWindowDays: intFlag(values['date-window'], 'date-window') ?? current?.dateWindowDays,
              settlementSources: values.sources ? values.sources.split(',').map((s) => s.trim()).filter(Boolean) : (current?.settlementSources ?? []),
            }, systemClock);
          }
          const settings = loadChannelSettings(db);
          if (json) io.out(JSON.stringify({ settings }));
          else if (settings.length === 0) io.out('No channel settings (defaults: shipping is revenue in Odoo, rounding tolerance 1 minor unit per item).');
          else settings.forEach((s) => io.out(`${s.channel}: shipping in Odoo ${s.shippingInOdoo ? 'yes' : 'no'}, tolerance ${s.roundingToleranceMinor ?? 'default'}, date window ${s.dateWindowDays ?? 'default'}, sources ${(s.settlementSources ?? []).join(',') || 'default'}`));
          return 0;
        }
        case 'mapping': {
          const file = resolve(io.cwd, requireFlag(values.save, 'save'));
          let parsed: unknown;
          try {
            parsed = JSON.parse(await readFile(file, 'utf8'));
          } catch (error) {
            throw new AppError('validation', `cannot read mapping ${file}: ${error instanceof Error ? error.message : String(error)}`);
          }
          const saved = saveMapping(db, parsed, systemClock);
          io.out(json ? JSON.stringify({ mapping: saved }) : `Saved mapping "${saved.name}": import with --format generic:${saved.name}`);
          return 0;
        }
        default:
          throw new UsageError(`unknown action "${action}": use resolve, ignore, reopen, exceptions, imports, settings or mapping (or none to reconcile)`);
      }
    } finally {
      cache.close();
    }
  },
};
