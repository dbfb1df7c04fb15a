/**
 * Shopify Admin → Orders → Export (§1.1): one row per line item; order-level fields only on the
 * first row of an order; continuation rows repeat Name, Email, Created at and the line item.
 */
import type { ShopOrder } from '../../../../shared/reconcile/types';
import { parseAmount, parseCurrency, parseInstant, parseOptionalAmount, parseQuantity, RowRejection } from '../cell-values';
import { SHOPIFY_ORDERS_COLUMNS } from './documented-columns';
import { emptyRecords, type FormatSpec } from './format';

const KNOWN = [
  'Name', 'Email', 'Financial Status', 'Paid at', 'Currency', 'Subtotal', 'Shipping', 'Taxes', 'Total', 'Discount Code',
  'Discount Amount', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem sku', 'Billing Name',
  'Cancelled at', 'Payment Method', 'Refunded Amount', 'Id', 'Duties', 'Payment Terms Name', 'Source',
] as const;

function statusOf(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, '_');
}

export const shopifyOrders: FormatSpec = {
  id: 'shopify-orders',
  label: 'Shopify orders export (Name, Financial Status, Lineitem quantity, Total, Created at…)',
  required: ['Name', 'Financial Status', 'Lineitem quantity', 'Total', 'Created at', 'Currency'],
  aliases: { 'Cancelled at': ['Canceled at'], 'Lineitem compare at price': ['Lineitem compare-at price'], 'Payment Terms Name': ['Payment terms'] },
  known: KNOWN,
  documented: SHOPIFY_ORDERS_COLUMNS,
  create(options) {
    const orders = new Map<string, ShopOrder>();
    return {
      row(cell, line) {
        const name = cell('Name').trim();
        if (!name) throw new RowRejection('Name (the order number) is empty');
        const isFirstRow = cell('Currency').trim() !== '' || cell('Total').trim() !== '' || cell('Financial Status').trim() !== '';
        let order = orders.get(name);
        if (isFirstRow) {
          const currency = parseCurrency(cell('Currency'), 'Currency');
          const created = parseInstant(cell('Created at'), 'Created at', options.siteTimeZone, options.companyTimeZone);
          const subtotal = parseOptionalAmount(cell('Subtotal'), 'Subtotal', currency, options.decimalComma);
          const shipping = parseOptionalAmount(cell('Shipping'), 'Shipping', currency, options.decimalComma);
          const tax = parseOptionalAmount(cell('Taxes'), 'Taxes', currency, options.decimalComma);
          const total = parseAmount(cell('Total'), 'Total', currency, options.decimalComma);
          const taxIncluded = tax === 0 ? null : total === subtotal + shipping ? true : total === subtotal + shipping + tax ? false : null;
          const fresh: ShopOrder = {
            channel: 'shopify',
            orderKey: name,
            externalId: cell('Id').trim() || undefined,
            createdAtUtc: created.utc,
            createdLocalDate: created.localDate,
            currency,
            subtotal,
            shipping,
            discount: parseOptionalAmount(cell('Discount Amount'), 'Discount Amount', currency, options.decimalComma),
            tax,
            taxIncluded,
            duties: parseOptionalAmount(cell('Duties'), 'Duties', currency, options.decimalComma),
            total,
            refunded: parseOptionalAmount(cell('Refunded Amount'), 'Refunded Amount', currency, options.decimalComma),
            financialStatus: statusOf(cell('Financial Status')),
            cancelled: cell('Cancelled at').trim() !== '',
            paymentGateway: cell('Payment Method').trim(),
            paymentTerms: cell('Payment Terms Name').trim(),
            customerEmail: cell('Email').trim(),
            customerName: cell('Billing Name').trim(),
            lines: order?.lines ?? [],
            sourceLine: line,
          };
          order = fresh;
          orders.set(name, fresh);
        } else if (!order) {
          throw new RowRejection(`line item of order ${name} comes before (or without) the order's first row, which carries its totals`);
        }
        if (cell('Lineitem name').trim() !== '' || cell('Lineitem quantity').trim() !== '') {
          order.lines.push({
            sku: cell('Lineitem sku').trim(),
            name: cell('Lineitem name').trim(),
            quantity: parseQuantity(cell('Lineitem quantity'), 'Lineitem quantity'),
            unitPrice: parseOptionalAmount(cell('Lineitem price'), 'Lineitem price', order.currency, options.decimalComma),
          });
        }
      },
      finish() {
        return { ...emptyRecords(), shopOrders: [...orders.values()] };
      },
    };
  },
};
