import type Database from 'better-sqlite3';
import type { ReconciliationException, ReconciliationSummaryInput } from '../../../shared/boardpack/reconciliation-input';
import { monthEnd, monthStart } from '../../../shared/period/period';
import { reconcile } from '../../../shared/reconcile/matcher';
import { summarize, type ChannelMonthSummary } from '../../../shared/reconcile/summary';
import { loadOdooSide } from '../reconcile/cache-adapter';
import { decisionKey, listExceptions, type ExceptionRow } from '../reconcile/exception-store';
import { loadImported } from '../reconcile/import-store';
import { loadChannelSettings } from '../reconcile/settings-store';

function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** Maps the reconciliation engine's channel summaries and open exceptions to the pack's input. */
export function reconciliationInput(summary: readonly ChannelMonthSummary[], exceptions: readonly ExceptionRow[]): ReconciliationSummaryInput {
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
    .map((row) => ({ channel: row.channel, reference: row.recordKey, category: row.category.toLowerCase().replace(/_/g, ' '), description: row.note ?? '', amount: null, currency: '' }));
  return { channels, exceptions: open };
}

function hasRows(db: Database.Database, table: string): boolean {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  return exists && db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined;
}

/**
 * Recomputes the month's reconciliation summary read-only from what is already imported in the cache (the same
 * matcher the reconcile command runs, without importing or recording anything), with the stored decisions.
 * Undefined when no shop export was ever imported.
 */
export function loadReconciliationSummary(db: Database.Database, month: string, companyId?: number): ReconciliationSummaryInput | undefined {
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
    channelSettings: loadChannelSettings(db),
  });
  const records = output.records.filter((record) => record.month === month);
  const stored = listExceptions(db, { month });
  const decisions = new Map(stored.map((row) => [decisionKey(row.recordKey, row.category), row.status]));
  const summary = summarize(records, (recordKey, category) => decisions.get(decisionKey(recordKey, category)) ?? 'open');
  return reconciliationInput(summary, stored);
}
