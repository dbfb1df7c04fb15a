/**
 * Data-cleaning reports every integration project needs: customers that exist twice (across
 * entities, or in Odoo and in the shop, by normalised e-mail, name or VAT) and the SKU map between
 * shop SKUs and Odoo default_code with the unmapped ones listed.
 */
import { normalizeName } from './fuzzy';
import type { ShopOrder } from './types';
import { byText } from './keys';

/** A customer record from any side. */
export interface CustomerRecord {
  /** `odoo` or a channel name. */
  source: string;
  id: string;
  companyId?: number;
  name: string;
  email: string;
  vat: string;
}

/** A group of records that look like one customer. */
export interface DuplicateCustomerGroup {
  matchedOn: 'email' | 'vat' | 'name';
  key: string;
  members: CustomerRecord[];
  /** Two Odoo partners in one entity, across entities, or tied together by a shop customer. */
  scope: 'same_source' | 'across_entities' | 'odoo_and_shop';
}

/** `Max.Koch@Example.com ` → `max.koch@example.com`. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** `DE 123.456-789` → `DE123456789`. */
export function normalizeVat(vat: string): string {
  return vat.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function scopeOf(members: readonly CustomerRecord[]): DuplicateCustomerGroup['scope'] {
  const odoo = members.filter((member) => member.source === 'odoo');
  if (new Set(odoo.map((member) => member.companyId ?? -1)).size > 1) return 'across_entities';
  return odoo.length < members.length ? 'odoo_and_shop' : 'same_source';
}

/**
 * Groups customers by normalised e-mail, VAT and name (in that order of strength). A record already
 * grouped by a stronger key is not grouped again by a weaker one. Only groups of distinct records count.
 */
export function findDuplicateCustomers(customers: readonly CustomerRecord[]): DuplicateCustomerGroup[] {
  const groups: DuplicateCustomerGroup[] = [];
  const grouped = new Set<CustomerRecord>();
  const keys: Array<[DuplicateCustomerGroup['matchedOn'], (c: CustomerRecord) => string]> = [
    ['email', (c) => normalizeEmail(c.email)],
    ['vat', (c) => (normalizeVat(c.vat).length >= 5 ? normalizeVat(c.vat) : '')],
    ['name', (c) => normalizeName(c.name)],
  ];
  for (const [matchedOn, keyOf] of keys) {
    const buckets = new Map<string, CustomerRecord[]>();
    for (const customer of customers) {
      if (grouped.has(customer)) continue;
      const key = keyOf(customer);
      if (!key) continue;
      const list = buckets.get(key);
      if (list) list.push(customer);
      else buckets.set(key, [customer]);
    }
    for (const [key, members] of [...buckets.entries()].sort(([a], [b]) => byText(a, b))) {
      const distinct = new Set(members.map((member) => `${member.source}\u0000${member.companyId ?? ''}\u0000${member.id}`));
      if (distinct.size < 2) continue;
      // A shop customer with its own single Odoo partner is the normal case; two Odoo partners for one customer is the problem.
      if (members.filter((member) => member.source === 'odoo').length < 2) continue;
      for (const member of members) grouped.add(member);
      groups.push({ matchedOn, key, members, scope: scopeOf(members) });
    }
  }
  return groups;
}

/** Customers as the shops know them (one per e-mail, or name when no e-mail). */
export function shopCustomers(orders: readonly ShopOrder[]): CustomerRecord[] {
  const seen = new Map<string, CustomerRecord>();
  for (const order of orders) {
    const email = normalizeEmail(order.customerEmail);
    const id = email || normalizeName(order.customerName);
    if (!id) continue;
    const key = `${order.channel}\u0000${id}`;
    if (!seen.has(key)) seen.set(key, { source: order.channel, id, name: order.customerName, email: order.customerEmail, vat: '' });
  }
  return [...seen.values()];
}

/** One SKU as the shops sell it and how it maps to Odoo. */
export interface SkuMapEntry {
  channel: string;
  sku: string;
  orders: number;
  quantity: number;
  odooCode: string | null;
  match: 'exact' | 'normalized' | 'unmapped';
}

function skuKey(code: string): string {
  return code.toUpperCase().replace(/[\s._/-]+/g, '');
}

/** Maps every shop SKU to an Odoo default_code (exact, then ignoring case and separators). */
export function buildSkuMap(orders: readonly ShopOrder[], odooCodes: readonly string[]): SkuMapEntry[] {
  const exact = new Set(odooCodes);
  const loose = new Map<string, string>();
  for (const code of [...odooCodes].sort()) if (!loose.has(skuKey(code))) loose.set(skuKey(code), code);
  const entries = new Map<string, SkuMapEntry>();
  for (const order of orders) {
    const skusInOrder = new Set<string>();
    for (const line of order.lines) {
      const sku = line.sku.trim();
      if (!sku) continue;
      const id = `${order.channel}\u0000${sku}`;
      let entry = entries.get(id);
      if (!entry) {
        const normalized = loose.get(skuKey(sku));
        entry = exact.has(sku)
          ? { channel: order.channel, sku, orders: 0, quantity: 0, odooCode: sku, match: 'exact' }
          : normalized
            ? { channel: order.channel, sku, orders: 0, quantity: 0, odooCode: normalized, match: 'normalized' }
            : { channel: order.channel, sku, orders: 0, quantity: 0, odooCode: null, match: 'unmapped' };
        entries.set(id, entry);
      }
      if (!skusInOrder.has(sku)) entry.orders += 1;
      skusInOrder.add(sku);
      entry.quantity += line.quantity;
    }
  }
  return [...entries.values()].sort((a, b) => byText(a.channel, b.channel) || byText(a.sku, b.sku));
}
