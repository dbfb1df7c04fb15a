/**
 * Shopify Payments exports: the transactions export (§1.2, one row per balance movement, newest
 * first) and the payouts summary (§1.3).
 */
import type { SettlementKind, SettlementLine } from '../../../../shared/reconcile/types';
import { parseAmount, parseCurrency, parseDate, parseInstant, parseOptionalAmount, RowRejection } from '../cell-values';
import { emptyRecords, type FormatSpec } from './format';

/** Shopify transaction type → our kind. Unknown types are surfaced as adjustments. */
export function shopifyKind(type: string): SettlementKind {
  const t = type.trim().toLowerCase();
  if (t === 'charge') return 'charge';
  if (t === 'refund') return 'refund';
  if (t === 'dispute' || t === 'chargeback') return 'dispute';
  if (t === 'reserve') return 'reserve';
  if (t === 'payout') return 'payout';
  if (t.includes('fee') || t.includes('billing')) return 'fee';
  return 'adjustment';
}

export const shopifyTransactions: FormatSpec = {
  id: 'shopify-payment-transactions',
  label: 'Shopify Payments transactions export (Transaction Date, Type, Order, Payout Status, Payout Date, Amount, Fee, Net…)',
  required: ['Transaction Date', 'Type', 'Order', 'Payout Status', 'Payout Date', 'Amount', 'Fee', 'Net', 'Currency'],
  known: ['Transaction Date', 'Type', 'Order', 'Card Brand', 'Card Source', 'Payout Status', 'Payout Date', 'Payout ID', 'Available On', 'Amount', 'Fee', 'Net', 'Checkout', 'Payment Method Name', 'Presentment Amount', 'Presentment Currency', 'Currency', 'VAT'],
  create(options) {
    const lines: SettlementLine[] = [];
    const seen = new Map<string, number>();
    return {
      row(cell) {
        const currency = parseCurrency(cell('Currency'), 'Currency');
        const when = parseInstant(cell('Transaction Date'), 'Transaction Date', options.siteTimeZone, options.companyTimeZone);
        const type = cell('Type').trim();
        if (!type) throw new RowRejection('Type is empty');
        const gross = parseAmount(cell('Amount'), 'Amount', currency, options.decimalComma);
        const fee = parseOptionalAmount(cell('Fee'), 'Fee', currency, options.decimalComma);
        const net = parseAmount(cell('Net'), 'Net', currency, options.decimalComma);
        if (gross - fee !== net) throw new RowRejection(`Net ${cell('Net')} is not Amount ${cell('Amount')} minus Fee ${cell('Fee')}`);
        const presentmentCurrency = cell('Presentment Currency').trim() ? parseCurrency(cell('Presentment Currency'), 'Presentment Currency') : '';
        const presentmentText = cell('Presentment Amount').trim();
        const order = cell('Order').trim();
        // The export has no row id: the row's own facts identify it, so re-imports upsert.
        const base = `${type}|${order}|${when.utc}|${gross}|${cell('Checkout').trim()}`;
        const occurrence = (seen.get(base) ?? 0) + 1;
        seen.set(base, occurrence);
        lines.push({
          source: 'shopify_payments',
          lineId: occurrence === 1 ? base : `${base}|${occurrence}`,
          kind: shopifyKind(type),
          rawType: type,
          orderKey: order,
          occurredAtUtc: when.utc,
          occurredLocalDate: when.localDate,
          gross,
          fee,
          net,
          currency,
          presentmentAmount: presentmentText && presentmentCurrency ? Math.abs(parseAmount(presentmentText, 'Presentment Amount', presentmentCurrency, options.decimalComma)) : null,
          presentmentCurrency,
          payoutId: cell('Payout ID').trim(),
          payoutDate: cell('Payout Date').trim() ? parseDate(cell('Payout Date'), 'Payout Date') : '',
          payoutStatus: cell('Payout Status').trim().toLowerCase(),
          description: '',
        });
      },
      finish() {
        return { ...emptyRecords(), settlementLines: lines };
      },
    };
  },
};

export const shopifyPayouts: FormatSpec = {
  id: 'shopify-payouts',
  label: 'Shopify Payments payouts export (Payout Date, Status, Charges, Refunds, Adjustments, Fees, Total, Currency)',
  required: ['Payout Date', 'Status', 'Charges', 'Refunds', 'Fees', 'Total', 'Currency'],
  known: ['Payout Date', 'Status', 'Charges', 'Refunds', 'Adjustments', 'Reserved Funds', 'Fees', 'Retried Amount', 'Total', 'Currency', 'Payout ID', 'Bank Reference'],
  create(options) {
    const records = emptyRecords();
    return {
      row(cell) {
        const currency = parseCurrency(cell('Currency'), 'Currency');
        const payoutDate = parseDate(cell('Payout Date'), 'Payout Date');
        const amount = (column: string) => parseOptionalAmount(cell(column), column, currency, options.decimalComma);
        const adjustments = amount('Adjustments') + amount('Reserved Funds') + amount('Retried Amount');
        const total = parseAmount(cell('Total'), 'Total', currency, options.decimalComma);
        if (amount('Charges') + amount('Refunds') + adjustments + amount('Fees') !== total) {
          throw new RowRejection(`Total ${cell('Total')} is not the sum of Charges, Refunds, Adjustments, Reserved Funds, Fees and Retried Amount`);
        }
        records.payouts.push({
          source: 'shopify_payments',
          payoutKey: cell('Payout ID').trim() || payoutDate,
          payoutDate,
          status: cell('Status').trim().toLowerCase(),
          currency,
          total,
          charges: amount('Charges'),
          refunds: amount('Refunds'),
          adjustments,
          fees: -amount('Fees'),
        });
      },
      finish() {
        return records;
      },
    };
  },
};
