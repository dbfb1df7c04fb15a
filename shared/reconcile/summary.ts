/**
 * The per-channel, per-month view for the board pack: totals on both sides, the bridge from shop
 * revenue to Odoo revenue by cause (it always ties: shop total + Σ bridge = Odoo total), counts by
 * category and the open exceptions.
 */
import type { Minor } from '../money/money';
import type { CategoryCode } from './categories';
import { severityOf } from './categories';
import type { CauseKind, RecordResult } from './result';
import { byText } from './keys';

/** A decision taken on one category of one record. */
export type ExceptionStatus = 'open' | 'resolved' | 'ignored';

/** Looks up the decision for (recordKey, category); 'open' when none. */
export type DecisionLookup = (recordKey: string, category: CategoryCode) => ExceptionStatus;

/** One line of the revenue bridge. */
export interface BridgeLine {
  cause: CauseKind;
  amount: Minor;
  records: number;
}

/** Summary of one channel, month and currency. */
export interface ChannelMonthSummary {
  channel: string;
  month: string;
  currency: string;
  records: number;
  shopOrders: number;
  matched: number;
  shopTotal: Minor;
  odooTotal: Minor;
  bridge: BridgeLine[];
  byCategory: Array<{ category: CategoryCode; count: number; difference: Minor }>;
  openExceptions: number;
  resolvedExceptions: number;
  ignoredExceptions: number;
  /** Provider fees on this channel's orders (cost of payment). */
  providerFees: Minor;
}

/** The bridge parts of one record; their amounts sum to (Odoo − shop), missing sides counting as zero. */
export function bridgeParts(record: RecordResult): Array<{ cause: CauseKind; amount: Minor }> {
  if (record.categories.includes('CURRENCY_MISMATCH')) return [];
  const delta = (record.odooAmount ?? 0) - (record.shopAmount ?? 0);
  const parts = record.causes.filter((cause) => cause.amount !== 0).map((cause) => ({ cause: cause.kind, amount: cause.amount }));
  const rest = delta - parts.reduce((sum, part) => sum + part.amount, 0);
  if (rest !== 0) parts.push({ cause: record.odooAmount === null ? 'not_invoiced' : 'unexplained', amount: rest });
  return parts;
}

/** Summarises revenue records (shop orders and Odoo-only documents; provider-only lines count as exceptions only). */
export function summarize(records: readonly RecordResult[], decision: DecisionLookup = () => 'open'): ChannelMonthSummary[] {
  const groups = new Map<string, ChannelMonthSummary>();
  const bridges = new Map<string, Map<CauseKind, BridgeLine>>();
  const categories = new Map<string, Map<CategoryCode, { count: number; difference: Minor }>>();
  for (const record of records) {
    const id = `${record.channel}\u0000${record.month}\u0000${record.currency}`;
    let summary = groups.get(id);
    if (!summary) {
      summary = {
        channel: record.channel, month: record.month, currency: record.currency, records: 0, shopOrders: 0, matched: 0,
        shopTotal: 0, odooTotal: 0, bridge: [], byCategory: [], openExceptions: 0, resolvedExceptions: 0, ignoredExceptions: 0, providerFees: 0,
      };
      groups.set(id, summary);
      bridges.set(id, new Map());
      categories.set(id, new Map());
    }
    summary.records += 1;
    if (record.recordType === 'shop_order') summary.shopOrders += 1;
    if (record.outcome === 'matched') summary.matched += 1;
    summary.providerFees += record.settlement?.fees ?? 0;
    for (const category of record.categories) {
      const byCategory = categories.get(id);
      const entry = byCategory?.get(category) ?? { count: 0, difference: 0 };
      entry.count += 1;
      entry.difference += record.difference ?? 0;
      byCategory?.set(category, entry);
      if (severityOf(category) !== 'exception') continue;
      const status = decision(record.recordKey, category);
      if (status === 'open') summary.openExceptions += 1;
      else if (status === 'resolved') summary.resolvedExceptions += 1;
      else summary.ignoredExceptions += 1;
    }
    if (record.recordType === 'settlement_line' || record.categories.includes('CURRENCY_MISMATCH')) continue;
    summary.shopTotal += record.shopAmount ?? 0;
    summary.odooTotal += record.odooAmount ?? 0;
    const bridge = bridges.get(id);
    for (const part of bridgeParts(record)) {
      const line = bridge?.get(part.cause) ?? { cause: part.cause, amount: 0, records: 0 };
      line.amount += part.amount;
      line.records += 1;
      bridge?.set(part.cause, line);
    }
  }
  for (const [id, summary] of groups) {
    summary.bridge = [...(bridges.get(id)?.values() ?? [])].sort((a, b) => byText(a.cause, b.cause));
    summary.byCategory = [...(categories.get(id)?.entries() ?? [])]
      .map(([category, entry]) => ({ category, ...entry }))
      .sort((a, b) => byText(a.category, b.category));
  }
  return [...groups.values()].sort((a, b) => byText(a.channel, b.channel) || byText(a.month, b.month) || byText(a.currency, b.currency));
}
