import type Database from 'better-sqlite3';
import type { ReconciliationException, ReconciliationSummaryInput } from '../../../shared/boardpack/reconciliation-input';
import { monthEnd, monthStart } from '../../../shared/period/period';
import { reconcile } from '../../../shared/reconcile/matcher';
import type { RecordResult } from '../../../shared/reconcile/result';
import { summarize, type ChannelMonthSummary } from '../../../shared/reconcile/summary';
import { loadOdooSide } from '../reconcile/cache-adapter';
import { decisionKey, listExceptions, type ExceptionRow } from '../reconcile/exception-store';
import { loadImported } from '../reconcile/import-store';
import { channelSettingsFor, type ChannelDefaults } from '../reconcile/channel-rules';

function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** What the pack says about one exception's record: the amount at stake, its currency and the first explanation. */
function exceptionDetail(record: RecordResult | undefined, note: string | null): Pick<ReconciliationException, 'amount' | 'currency' | 'description'> {
  const explanation = record?.explanation[0] ?? '';
  const description = [explanation, note ?? ''].filter((part) => part.trim() !== '').join(' \u2013 ');
  if (!record) return { amount: null, currency: '', description };
  // The amount at stake: the Odoo - shop difference when there is one; otherwise what the provider disputed or
  // kept as fees (a chargeback or a fee on a cancelled order leaves the order amounts equal); otherwise the one
  // side there is (an order missing in Odoo).
  const nonZero = (value: number | null | undefined): number | null => (value === null || value === undefined || value === 0 ? null : value);
  const difference = nonZero(record.difference);
  if (difference !== null) return { amount: difference, currency: record.currency, description };
  const provider = nonZero(record.settlement?.disputed) ?? nonZero(record.settlement?.fees);
  if (provider !== null && record.settlement) return { amount: provider, currency: record.settlement.currency, description };
  return { amount: nonZero(record.shopAmount) ?? nonZero(record.odooAmount), currency: record.currency, description };
}

/** Maps the reconciliation engine's channel summaries and open exceptions (with their records) to the pack's input. */
export function reconciliationInput(
  summary: readonly ChannelMonthSummary[],
  exceptions: readonly ExceptionRow[],
  records: readonly RecordResult[] = [],
): ReconciliationSummaryInput {
  const byKey = new Map(records.map((record) => [record.recordKey, record]));
  const channels = [...summary]
    .sort((a, b) => a.channel.localeCompare(b.channel) || a.currency.localeCompare(b.currency))
    .map((row) => ({
      channel: row.channel,
      currency: row.currency,
      shopCount: row.shopOrders,
      matchedCount: row.matched,
      exceptionCount: row.openExceptions,
      shopTotal: row.shopTotal,
      odooTotal: row.odooTotal,
    }));
  const open: ReconciliationException[] = exceptions
    .filter((row) => row.status === 'open')
    .map((row) => ({ channel: row.channel, reference: row.recordKey, category: row.category.toLowerCase().replace(/_/g, ' '), ...exceptionDetail(byKey.get(row.recordKey), row.note) }));
  return { channels, exceptions: open };
}

function hasRows(db: Database.Database, table: string): boolean {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  return exists && db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined;
}

/**
 * Recomputes the month's reconciliation summary read-only from what is already imported in the cache (the same
 * matcher the reconcile command runs, without importing or recording anything), with the stored decisions.
 * `defaults` are the app Settings' tolerance and date window, as the Reconcile screen applies them.
 * Undefined when no shop export was ever imported.
 */
export function loadReconciliationSummary(db: Database.Database, month: string, companyId?: number, defaults?: ChannelDefaults): ReconciliationSummaryInput | undefined {
  if (!hasRows(db, 'app_shop_order') && !hasRows(db, 'app_settlement_line')) return undefined;
  const from = monthStart(month);
  const to = monthEnd(month);
  const odoo = loadOdooSide(db, from, to, companyId === undefined ? {} : { companyId });
  const shop = loadImported(db, shiftDate(from, -35), shiftDate(to, 35));
  const output = reconcile({
    ...shop,
    saleOrders: odoo.saleOrders,
    invoices: odoo.invoices,
    bankLines: odoo.bankLines,
    companyCurrency: odoo.companyCurrency,
    channelSettings: channelSettingsFor(db, shop, defaults),
  });
  const records = output.records.filter((record) => record.month === month);
  const stored = listExceptions(db, { month });
  const decisions = new Map(stored.map((row) => [decisionKey(row.recordKey, row.category), row.status]));
  const summary = summarize(records, (recordKey, category) => decisions.get(decisionKey(recordKey, category)) ?? 'open');
  return reconciliationInput(summary, stored, records);
}
