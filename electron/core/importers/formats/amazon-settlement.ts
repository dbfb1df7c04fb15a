/**
 * Amazon settlement report, flat file V2 (§4): tab-separated, first data row is the settlement
 * summary (total = bank deposit), every other row one money component of one order item. Orders
 * are rebuilt from their components; each order's charge/refund/fees become settlement lines.
 */
import type { SettlementLine, ShopOrder } from '../../../../shared/reconcile/types';
import { parseAmount, parseCurrency, parseInstant, RowRejection } from '../cell-values';
import { AMAZON_SETTLEMENT_COLUMNS } from './documented-columns';
import { emptyRecords, type FormatSpec } from './format';

interface OrderParts {
  order: ShopOrder;
  charge: number;
  refund: number;
  fees: number;
  refundFees: number;
  lastAt: string;
  lastLocal: string;
}

export const amazonSettlement: FormatSpec = {
  id: 'amazon-settlement',
  label: 'Amazon settlement report V2 (settlement-id, transaction-type, order-id, amount-type, amount-description, amount…)',
  required: ['settlement-id', 'transaction-type', 'order-id', 'amount-type', 'amount-description', 'amount'],
  documented: AMAZON_SETTLEMENT_COLUMNS,
  known: ['settlement-id', 'settlement-start-date', 'settlement-end-date', 'deposit-date', 'total-amount', 'currency', 'transaction-type', 'order-id', 'amount-type', 'amount-description', 'amount', 'posted-date', 'posted-date-time', 'sku', 'quantity-purchased'],
  create(options) {
    const records = emptyRecords();
    const orders = new Map<string, OrderParts>();
    const others: SettlementLine[] = [];
    let settlementId = '';
    let currency = '';
    let depositDate = '';
    const whenOf = (cell: (c: string) => string) => {
      const text = cell('posted-date-time').trim() || cell('posted-date').trim();
      if (!text) throw new RowRejection('posted-date is empty');
      return parseInstant(text, 'posted-date', 'UTC', options.companyTimeZone, true, options.localDates);
    };
    return {
      row(cell, line) {
        const id = cell('settlement-id').trim();
        if (!id) throw new RowRejection('settlement-id is empty');
        if (cell('total-amount').trim() !== '' && cell('transaction-type').trim() === '') {
          settlementId = id;
          currency = parseCurrency(cell('currency'), 'currency');
          const deposit = cell('deposit-date').trim() ? parseInstant(cell('deposit-date'), 'deposit-date', 'UTC', options.companyTimeZone, true) : null;
          depositDate = deposit?.localDate ?? '';
          records.payouts.push({
            source: 'amazon',
            payoutKey: id,
            payoutDate: depositDate,
            status: 'paid',
            currency,
            total: parseAmount(cell('total-amount'), 'total-amount', currency, options.decimalComma),
            charges: 0,
            refunds: 0,
            adjustments: 0,
            fees: 0,
          });
          return;
        }
        const rowCurrency = cell('currency').trim() ? parseCurrency(cell('currency'), 'currency') : currency;
        if (!rowCurrency) throw new RowRejection('no currency: the settlement summary row (first data row) is missing');
        const amount = parseAmount(cell('amount'), 'amount', rowCurrency, options.decimalComma);
        const type = cell('transaction-type').trim();
        const amountType = cell('amount-type').trim();
        const description = cell('amount-description').trim();
        const when = whenOf(cell);
        const orderId = cell('order-id').trim();
        if (!orderId) {
          others.push({
            source: 'amazon', lineId: `${id}:${line}`, kind: /fee|subscription|commission/i.test(`${type} ${description}`) ? 'fee' : /reserve/i.test(description) ? 'reserve' : 'adjustment',
            rawType: `${type} ${description}`.trim(), orderKey: '', occurredAtUtc: when.utc, occurredLocalDate: when.localDate,
            gross: amount, fee: 0, net: amount, currency: rowCurrency, presentmentAmount: null, presentmentCurrency: '',
            payoutId: id, payoutDate: depositDate, payoutStatus: 'paid', description,
          });
          return;
        }
        let parts = orders.get(orderId);
        if (!parts) {
          parts = {
            order: {
              channel: 'marketplace', orderKey: orderId, externalId: orderId, createdAtUtc: when.utc, createdLocalDate: when.localDate,
              currency: rowCurrency, subtotal: 0, shipping: 0, discount: 0, tax: 0, taxIncluded: true, duties: 0, total: 0, refunded: 0,
              financialStatus: 'paid', cancelled: false, paymentGateway: 'Amazon', paymentTerms: '', customerEmail: '', customerName: '', lines: [], sourceLine: line,
            },
            charge: 0, refund: 0, fees: 0, refundFees: 0, lastAt: when.utc, lastLocal: when.localDate,
          };
          orders.set(orderId, parts);
        }
        if (when.utc > parts.lastAt) {
          parts.lastAt = when.utc;
          parts.lastLocal = when.localDate;
        }
        const isRefund = /refund/i.test(type);
        const isFee = /fee/i.test(amountType) || /commission|fee/i.test(description);
        if (isFee) {
          if (isRefund) parts.refundFees += -amount;
          else parts.fees += -amount;
        } else if (isRefund) {
          parts.refund += amount;
          parts.order.refunded += -amount;
        } else {
          parts.charge += amount;
          parts.order.total += amount;
          if (/promotion/i.test(amountType)) parts.order.discount += -amount;
          else if (/^shipping$/i.test(description)) parts.order.shipping += amount;
          else if (/tax/i.test(description)) parts.order.tax += amount;
          else parts.order.subtotal += amount;
          if (/principal/i.test(description) && cell('sku').trim()) {
            parts.order.lines.push({ sku: cell('sku').trim(), name: cell('sku').trim(), quantity: Number(cell('quantity-purchased').trim() || '0') || 0, unitPrice: amount });
          }
        }
      },
      finish() {
        // Orders are not emitted here: one order's rows can span several settlement files, so the
        // matcher rebuilds marketplace orders from all stored settlement lines (orderParts).
        for (const parts of orders.values()) {
          const order = parts.order;
          const base = { source: 'amazon', orderKey: order.orderKey, currency: order.currency, presentmentAmount: null, presentmentCurrency: '', payoutId: settlementId, payoutDate: depositDate, payoutStatus: 'paid', description: '' };
          if (parts.charge !== 0 || parts.fees !== 0) {
            records.settlementLines.push({
              ...base, lineId: `${settlementId}:${order.orderKey}:order`, kind: 'charge', rawType: 'Order', occurredAtUtc: order.createdAtUtc,
              occurredLocalDate: order.createdLocalDate, gross: parts.charge, fee: parts.fees, net: parts.charge - parts.fees,
              orderParts: { subtotal: order.subtotal, shipping: order.shipping, tax: order.tax, discount: order.discount, lines: order.lines },
            });
          }
          if (parts.refund !== 0 || parts.refundFees !== 0) {
            records.settlementLines.push({ ...base, lineId: `${settlementId}:${order.orderKey}:refund`, kind: 'refund', rawType: 'Refund', occurredAtUtc: parts.lastAt, occurredLocalDate: parts.lastLocal, gross: parts.refund, fee: parts.refundFees, net: parts.refund - parts.refundFees });
          }
        }
        records.settlementLines.push(...others);
        return records;
      },
    };
  },
};
