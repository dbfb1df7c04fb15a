/**
 * Any other order export, read through a column mapping the user saves once per source (stored in
 * app_source_mapping). One row per order; further rows with the same order number add line items.
 */
import { z } from 'zod';
import type { ShopOrder } from '../../../../shared/reconcile/types';
import { parseAmount, parseCurrency, parseInstant, parseOptionalAmount, parseQuantity, RowRejection } from '../cell-values';
import { emptyRecords, type FormatSpec } from './format';

/** A saved mapping: our field → the file's column name. */
export const SourceMappingSchema = z.object({
  name: z.string().min(1).regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, - and _'),
  channel: z.string().min(1),
  columns: z.object({
    orderKey: z.string().min(1),
    createdAt: z.string().min(1),
    total: z.string().min(1),
    currency: z.string().optional(),
    refunded: z.string().optional(),
    shipping: z.string().optional(),
    tax: z.string().optional(),
    discount: z.string().optional(),
    email: z.string().optional(),
    customerName: z.string().optional(),
    status: z.string().optional(),
    gateway: z.string().optional(),
    sku: z.string().optional(),
    quantity: z.string().optional(),
  }),
  defaultCurrency: z.string().length(3).optional(),
  taxIncluded: z.boolean().nullable().optional(),
  dayFirst: z.boolean().optional(),
});

/** A saved column mapping. */
export type SourceMapping = z.infer<typeof SourceMappingSchema>;

/** Builds a format from a mapping (`generic:<name>`). */
export function genericFormat(mapping: SourceMapping): FormatSpec {
  const c = mapping.columns;
  const mapped = Object.values(c).filter((column): column is string => typeof column === 'string' && column !== '');
  return {
    id: `generic:${mapping.name}`,
    label: `saved mapping "${mapping.name}" (${c.orderKey}, ${c.createdAt}, ${c.total})`,
    required: [c.orderKey, c.createdAt, c.total, ...(c.currency ? [c.currency] : [])],
    known: mapped,
    create(options) {
      const orders = new Map<string, ShopOrder>();
      return {
        row(cell, line) {
          const read = (column: string | undefined) => (column ? cell(column) : '');
          const key = read(c.orderKey).trim();
          if (!key) throw new RowRejection(`${c.orderKey} (order number) is empty`);
          const currencyText = read(c.currency).trim() || mapping.defaultCurrency || options.defaultCurrency || '';
          if (!currencyText) throw new RowRejection('no currency column mapped and no default currency saved');
          const currency = parseCurrency(currencyText, c.currency ?? 'currency');
          let order = orders.get(key);
          if (!order) {
            const created = parseInstant(read(c.createdAt), c.createdAt, options.siteTimeZone, options.companyTimeZone, mapping.dayFirst ?? false);
            const money = (column: string | undefined) => parseOptionalAmount(read(column), column ?? '', currency, options.decimalComma);
            const status = read(c.status).trim().toLowerCase().replace(/\s+/g, '_') || 'paid';
            order = {
              channel: mapping.channel, orderKey: key, createdAtUtc: created.utc, createdLocalDate: created.localDate, currency,
              currencyAssumed: read(c.currency).trim() === '',
              subtotal: 0, shipping: money(c.shipping), discount: money(c.discount), tax: money(c.tax), taxIncluded: mapping.taxIncluded ?? null,
              duties: 0, total: parseAmount(read(c.total), c.total, currency, options.decimalComma), refunded: money(c.refunded),
              financialStatus: status, cancelled: status === 'cancelled' || status === 'voided', paymentGateway: read(c.gateway).trim(),
              paymentTerms: '', customerEmail: read(c.email).trim(), customerName: read(c.customerName).trim(), lines: [], sourceLine: line,
            };
            orders.set(key, order);
          }
          if (read(c.sku).trim()) {
            order.lines.push({ sku: read(c.sku).trim(), name: read(c.sku).trim(), quantity: c.quantity ? parseQuantity(read(c.quantity), c.quantity) : 1, unitPrice: 0 });
          }
        },
        finish() {
          return { ...emptyRecords(), shopOrders: [...orders.values()] };
        },
      };
    },
  };
}
