/**
 * Lookup structures over the Odoo side: sale orders by each key field (raw and normalised) and
 * posted invoices by the sale order they came from (`invoice_origin`) or by `ref`.
 */
import type { OdooInvoice, OdooSaleOrder } from './types';
import { exactOrderKey, normalizeOrderKey, byText } from './keys';

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexed Odoo documents. Built once per run; read-only afterwards. */
export interface OdooIndex {
  byClientRef: Map<string, OdooSaleOrder[]>;
  byOrigin: Map<string, OdooSaleOrder[]>;
  byName: Map<string, OdooSaleOrder[]>;
  byNormalized: Map<string, OdooSaleOrder[]>;
  /** Posted invoices/credit notes per sale order name (a combined invoice is listed under each). */
  invoicesBySaleOrder: Map<string, OdooInvoice[]>;
  /** Posted invoices whose origin names no known sale order, by raw and normalised ref. */
  orphanInvoicesByRef: Map<string, OdooInvoice[]>;
  orphanInvoicesByNormalized: Map<string, OdooInvoice[]>;
  /** How many sale orders each invoice's origin names (for splitting combined invoices). */
  originCount: Map<string, string[]>;
}

/** Splits `invoice_origin` (`S00231, S00232`) into sale order names. */
export function originNames(origin: string): string[] {
  return origin
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Builds the index. Only posted invoices count: drafts and cancelled moves are not revenue. */
export function buildOdooIndex(saleOrders: readonly OdooSaleOrder[], invoices: readonly OdooInvoice[]): OdooIndex {
  const index: OdooIndex = {
    byClientRef: new Map(),
    byOrigin: new Map(),
    byName: new Map(),
    byNormalized: new Map(),
    invoicesBySaleOrder: new Map(),
    orphanInvoicesByRef: new Map(),
    orphanInvoicesByNormalized: new Map(),
    originCount: new Map(),
  };
  const names = new Set<string>();
  for (const so of saleOrders) {
    names.add(so.name);
    if (so.clientOrderRef.trim()) push(index.byClientRef, exactOrderKey(so.clientOrderRef), so);
    if (so.origin.trim()) push(index.byOrigin, exactOrderKey(so.origin), so);
    push(index.byName, exactOrderKey(so.name), so);
    // Each sale order once per distinct normalised key (client ref and origin often agree).
    const a = normalizeOrderKey(so.clientOrderRef);
    const b = normalizeOrderKey(so.origin);
    const c = normalizeOrderKey(so.name);
    if (a) push(index.byNormalized, a, so);
    if (b && b !== a) push(index.byNormalized, b, so);
    if (c && c !== a && c !== b) push(index.byNormalized, c, so);
  }
  for (const invoice of invoices) {
    if (invoice.state !== 'posted') continue;
    const origins = originNames(invoice.invoiceOrigin).filter((name) => names.has(name));
    if (origins.length > 0) {
      index.originCount.set(invoice.name, origins);
      for (const name of origins) push(index.invoicesBySaleOrder, name, invoice);
      continue;
    }
    if (invoice.ref.trim()) push(index.orphanInvoicesByRef, exactOrderKey(invoice.ref), invoice);
    const normalized = normalizeOrderKey(invoice.ref);
    if (normalized) push(index.orphanInvoicesByNormalized, normalized, invoice);
  }
  return index;
}

/** Result of the key cascade for one shop order. */
export interface KeyMatch {
  saleOrders: OdooSaleOrder[];
  invoices: OdooInvoice[];
  path: 'client_order_ref' | 'origin' | 'name' | 'invoice_ref' | 'normalized';
}

/**
 * The exact-key cascade: raw key on client_order_ref, then origin, then name; then the
 * normalised key on any of them; then invoices that have no sale order, by ref.
 */
export function findByKey(index: OdooIndex, orderKey: string): KeyMatch | null {
  const exact = exactOrderKey(orderKey);
  const normalized = normalizeOrderKey(orderKey);
  const steps: Array<[KeyMatch['path'], OdooSaleOrder[] | undefined]> = [
    ['client_order_ref', index.byClientRef.get(exact)],
    ['origin', index.byOrigin.get(exact)],
    ['name', index.byName.get(exact)],
    ['normalized', normalized ? index.byNormalized.get(normalized) : undefined],
  ];
  for (const [path, found] of steps) {
    if (found && found.length > 0) {
      const saleOrders = [...found].sort((a, b) => byText(a.name, b.name));
      return { saleOrders, invoices: invoicesOf(index, saleOrders), path };
    }
  }
  const orphans = index.orphanInvoicesByRef.get(exact) ?? (normalized ? index.orphanInvoicesByNormalized.get(normalized) : undefined);
  if (orphans && orphans.length > 0) {
    const path = index.orphanInvoicesByRef.has(exact) ? 'invoice_ref' : 'normalized';
    return { saleOrders: [], invoices: sortInvoices(orphans), path };
  }
  return null;
}

/** Posted invoices of some sale orders, invoices before credit notes, each once. */
export function invoicesOf(index: OdooIndex, saleOrders: readonly OdooSaleOrder[]): OdooInvoice[] {
  const seen = new Map<string, OdooInvoice>();
  for (const so of saleOrders) {
    for (const invoice of index.invoicesBySaleOrder.get(so.name) ?? []) seen.set(invoice.name, invoice);
  }
  return sortInvoices([...seen.values()]);
}

/** Invoices first, then credit notes; by date, then name. */
export function sortInvoices(invoices: readonly OdooInvoice[]): OdooInvoice[] {
  return [...invoices].sort(
    (a, b) =>
      (a.moveType === b.moveType ? 0 : a.moveType === 'out_invoice' ? -1 : 1) ||
      byText(a.invoiceDate, b.invoiceDate) ||
      byText(a.name, b.name),
  );
}
