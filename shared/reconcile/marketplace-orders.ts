/**
 * Marketplace orders rebuilt from settlement lines. An Amazon settlement is the only record of the
 * order, and one order's sale and refund can sit in different settlements (files), so orders are
 * assembled from every stored line rather than per file.
 */
import type { SettlementLine, ShopOrder } from './types';
import { DEFAULT_SOURCE_CHANNEL } from './settlement-index';
import { byText } from './keys';

/** Providers whose settlements define the orders. */
export const MARKETPLACE_SOURCES: ReadonlySet<string> = new Set(['amazon']);

/** One order per (source, order key) with a charge line carrying orderParts. */
export function ordersFromSettlement(lines: readonly SettlementLine[]): ShopOrder[] {
  const byOrder = new Map<string, SettlementLine[]>();
  for (const line of lines) {
    if (!MARKETPLACE_SOURCES.has(line.source) || !line.orderKey || (line.kind !== 'charge' && line.kind !== 'refund')) continue;
    const key = `${line.source}\u0000${line.orderKey}`;
    const list = byOrder.get(key);
    if (list) list.push(line);
    else byOrder.set(key, [line]);
  }
  const orders: ShopOrder[] = [];
  for (const group of byOrder.values()) {
    const charges = group.filter((line) => line.kind === 'charge' && line.orderParts).sort((a, b) => byText(a.occurredAtUtc, b.occurredAtUtc) || byText(a.lineId, b.lineId));
    const first = charges[0];
    if (!first) continue;
    const order: ShopOrder = {
      channel: DEFAULT_SOURCE_CHANNEL[first.source] ?? first.source,
      orderKey: first.orderKey,
      externalId: first.orderKey,
      createdAtUtc: first.occurredAtUtc,
      createdLocalDate: first.occurredLocalDate,
      currency: first.currency,
      subtotal: 0, shipping: 0, discount: 0, tax: 0, taxIncluded: null, duties: 0, total: 0, refunded: 0,
      financialStatus: 'paid', cancelled: false, paymentGateway: 'Amazon', paymentTerms: '', customerEmail: '', customerName: '', lines: [],
    };
    for (const line of charges) {
      const parts = line.orderParts;
      if (!parts) continue;
      order.total += line.gross;
      order.subtotal += parts.subtotal;
      order.shipping += parts.shipping;
      order.tax += parts.tax;
      order.discount += parts.discount;
      order.lines.push(...parts.lines);
    }
    for (const line of group) if (line.kind === 'refund') order.refunded += -line.gross;
    // Amazon lists tax as its own components, so principal and shipping are net of tax.
    order.taxIncluded = order.tax === 0 ? null : false;
    orders.push(order);
  }
  return orders;
}
