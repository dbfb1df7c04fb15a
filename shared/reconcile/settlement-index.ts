/**
 * Attaching payment-provider lines to shop orders. A provider belongs to a channel by convention
 * (Shopify Payments → shopify, Stripe → woocommerce, Amazon → marketplace) or by the channel
 * setting; a line is attached by its order number, normalised, within that channel first.
 */
import type { ChannelSetting, SettlementLine, ShopOrder } from './types';
import type { SettlementSummary } from './result';
import { normalizeOrderKey } from './keys';

/** Default provider → channel routing when no channel setting says otherwise. */
export const DEFAULT_SOURCE_CHANNEL: Readonly<Record<string, string>> = {
  shopify_payments: 'shopify',
  stripe: 'woocommerce',
  amazon: 'marketplace',
};

/** Lines grouped by the order they belong to, and the lines that belong to no order. */
export interface SettlementIndex {
  byOrder: Map<string, SettlementLine[]>;
  unattached: SettlementLine[];
  /** Channels that have at least one provider line (so a missing line means something). */
  channelsWithSettlement: Set<string>;
}

/** Identity of a shop order inside one run. */
export function orderId(channel: string, orderKey: string): string {
  return `${channel}:${orderKey}`;
}

function sourceChannels(settings: readonly ChannelSetting[]): Map<string, string> {
  const map = new Map<string, string>(Object.entries(DEFAULT_SOURCE_CHANNEL));
  for (const setting of settings) for (const source of setting.settlementSources ?? []) map.set(source, setting.channel);
  return map;
}

/** Removes repeated lines (the same Stripe txn in the balance export and the itemized report). */
export function dedupeSettlementLines(lines: readonly SettlementLine[]): SettlementLine[] {
  const seen = new Map<string, SettlementLine>();
  for (const line of lines) {
    const key = `${line.source}\u0000${line.lineId}`;
    const previous = seen.get(key);
    if (!previous) seen.set(key, line);
    else if (!previous.orderKey && line.orderKey) seen.set(key, { ...previous, orderKey: line.orderKey });
  }
  return [...seen.values()];
}

/** Builds the index from deduplicated lines. */
export function buildSettlementIndex(
  orders: readonly ShopOrder[],
  lines: readonly SettlementLine[],
  settings: readonly ChannelSetting[],
): SettlementIndex {
  const routing = sourceChannels(settings);
  const byChannelKey = new Map<string, string>();
  const byKeyAnyChannel = new Map<string, string[]>();
  for (const order of orders) {
    const normalized = normalizeOrderKey(order.orderKey);
    const id = orderId(order.channel, order.orderKey);
    byChannelKey.set(`${order.channel}\u0000${normalized}`, id);
    const list = byKeyAnyChannel.get(normalized);
    if (list) list.push(id);
    else byKeyAnyChannel.set(normalized, [id]);
    if (order.externalId) byChannelKey.set(`${order.channel}\u0000ext:${order.externalId}`, id);
  }
  const index: SettlementIndex = { byOrder: new Map(), unattached: [], channelsWithSettlement: new Set() };
  for (const line of lines) {
    const channel = routing.get(line.source);
    if (channel) index.channelsWithSettlement.add(channel);
    if (line.kind === 'payout' || !line.orderKey) {
      if (line.kind !== 'payout') index.unattached.push(line);
      continue;
    }
    const normalized = normalizeOrderKey(line.orderKey);
    let target = channel ? byChannelKey.get(`${channel}\u0000${normalized}`) : undefined;
    if (!target) {
      const anywhere = byKeyAnyChannel.get(normalized);
      if (anywhere && anywhere.length === 1) target = anywhere[0];
    }
    if (!target) {
      index.unattached.push(line);
      continue;
    }
    const list = index.byOrder.get(target);
    if (list) list.push(line);
    else index.byOrder.set(target, [line]);
  }
  return index;
}

/** Sums an order's provider lines. */
export function summarizeSettlement(lines: readonly SettlementLine[]): SettlementSummary | null {
  if (lines.length === 0) return null;
  const summary: SettlementSummary = {
    sources: [...new Set(lines.map((line) => line.source))].sort(),
    charged: 0,
    refunded: 0,
    disputed: 0,
    fees: 0,
    net: 0,
    currency: lines[0]?.currency ?? '',
    payoutKeys: [],
    payoutStatuses: [],
  };
  const payoutKeys = new Set<string>();
  const statuses = new Set<string>();
  for (const line of lines) {
    if (line.kind === 'charge') summary.charged += line.gross;
    else if (line.kind === 'refund') summary.refunded += -line.gross;
    else if (line.kind === 'dispute') summary.disputed += -line.gross;
    summary.fees += line.fee;
    summary.net += line.net;
    const payoutKey = line.payoutId || line.payoutDate;
    if (payoutKey) payoutKeys.add(payoutKey);
    if (line.payoutStatus) statuses.add(line.payoutStatus);
  }
  summary.payoutKeys = [...payoutKeys].sort();
  summary.payoutStatuses = [...statuses].sort();
  return summary;
}
