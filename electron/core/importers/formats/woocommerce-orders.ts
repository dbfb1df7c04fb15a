/**
 * WooCommerce orders via "Advanced Order Export for WooCommerce" defaults (§2.2): order fields
 * repeated on every product row (never sum them), dates in the site time zone without offset,
 * status labels (`On hold`), tax-exclusive amounts, no currency column unless the user added one.
 */
import type { ShopOrder } from '../../../../shared/reconcile/types';
import { parseAmount, parseCurrency, parseInstant, parseOptionalAmount, parseQuantity, RowRejection } from '../cell-values';
import { WOO_ORDERS_COLUMNS } from './documented-columns';
import { emptyRecords, type FormatSpec } from './format';

/** `On hold` → `on_hold`, `Pending payment` → `pending`. */
export function wooStatus(label: string): string {
  const slug = label.trim().toLowerCase().replace(/^wc-/, '').replace(/[\s-]+/g, '_');
  return slug === 'pending_payment' ? 'pending' : slug;
}

export const woocommerceOrders: FormatSpec = {
  id: 'woocommerce-orders',
  label: 'WooCommerce orders (Advanced Order Export: Order Number, Order Status, Order Date, Order Total Amount…)',
  required: ['Order Number', 'Order Date', 'Order Total Amount'],
  aliases: { 'Order Currency': ['Currency'], 'Order Refund Amount': ['Order Refund'], 'Quantity (- Refund)': ['Quantity'] },
  documented: WOO_ORDERS_COLUMNS,
  known: [
    'Order Number', 'Order Status', 'Order Date', 'First Name (Billing)', 'Last Name (Billing)', 'Company (Billing)', 'Email (Billing)',
    'SKU', 'Item Name', 'Quantity (- Refund)', 'Item Cost', 'Payment Method Title', 'Cart Discount Amount', 'Order Subtotal Amount',
    'Order Shipping Amount', 'Order Refund Amount', 'Order Total Amount', 'Order Total Tax Amount', 'Order Currency',
  ],
  create(options) {
    const orders = new Map<string, ShopOrder>();
    return {
      row(cell, line) {
        const key = cell('Order Number').trim();
        if (!key) throw new RowRejection('Order Number is empty');
        const currencyText = cell('Order Currency').trim() || options.defaultCurrency || '';
        if (!currencyText) throw new RowRejection('the file has no currency column and no default currency was given (use --currency)');
        const currency = parseCurrency(currencyText, 'Order Currency');
        let order = orders.get(key);
        if (!order) {
          const created = parseInstant(cell('Order Date'), 'Order Date', options.siteTimeZone, options.companyTimeZone);
          const money = (column: string) => parseOptionalAmount(cell(column), column, currency, options.decimalComma);
          const first = cell('First Name (Billing)').trim();
          const last = cell('Last Name (Billing)').trim();
          const status = wooStatus(cell('Order Status'));
          order = {
            channel: 'woocommerce',
            orderKey: key,
            createdAtUtc: created.utc,
            createdLocalDate: created.localDate,
            currency,
            currencyAssumed: cell('Order Currency').trim() === '',
            subtotal: money('Order Subtotal Amount'),
            shipping: money('Order Shipping Amount'),
            discount: money('Cart Discount Amount'),
            tax: money('Order Total Tax Amount'),
            taxIncluded: false,
            duties: 0,
            total: parseAmount(cell('Order Total Amount'), 'Order Total Amount', currency, options.decimalComma),
            refunded: money('Order Refund Amount'),
            financialStatus: status,
            cancelled: status === 'cancelled',
            paymentGateway: cell('Payment Method Title').trim(),
            paymentTerms: '',
            customerEmail: cell('Email (Billing)').trim(),
            customerName: cell('Company (Billing)').trim() || `${first} ${last}`.trim(),
            lines: [],
            sourceLine: line,
          };
          orders.set(key, order);
        }
        if (cell('Item Name').trim() !== '' || cell('SKU').trim() !== '') {
          order.lines.push({
            sku: cell('SKU').trim(),
            name: cell('Item Name').trim(),
            quantity: parseQuantity(cell('Quantity (- Refund)'), 'Quantity (- Refund)'),
            unitPrice: parseOptionalAmount(cell('Item Cost'), 'Item Cost', currency, options.decimalComma),
          });
        }
      },
      finish() {
        return { ...emptyRecords(), shopOrders: [...orders.values()] };
      },
    };
  },
};
