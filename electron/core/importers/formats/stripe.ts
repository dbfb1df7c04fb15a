/**
 * Stripe: the Dashboard balance export (§3.1, `Created (UTC)`, lower-case currency, metadata
 * columns) and the itemized payout reconciliation report (§3.2, snake_case columns).
 */
import type { SettlementKind } from '../../../../shared/reconcile/types';
import { parseAmount, parseCurrency, parseInstant, parseOptionalAmount, RowRejection } from '../cell-values';
import { STRIPE_ITEMIZED_COLUMNS } from './documented-columns';
import { emptyRecords, type FormatSpec } from './format';

/** Stripe balance type / reporting category → our kind. */
export function stripeKind(type: string, source: string, description: string): SettlementKind {
  const t = type.trim().toLowerCase();
  if (t === 'charge' || t === 'payment') return 'charge';
  if (t === 'refund' || t === 'payment_refund' || t === 'refund_failure') return 'refund';
  if (t === 'dispute' || (t === 'adjustment' && (source.startsWith('du_') || /chargeback|dispute/i.test(description)))) return 'dispute';
  if (t === 'payout' || t === 'payout_cancel' || t === 'payout_failure') return 'payout';
  if (t.includes('fee')) return 'fee';
  if (t === 'dispute_reversal') return 'adjustment';
  return t === 'adjustment' || t === 'other_adjustment' ? 'adjustment' : 'other';
}

/** Order number from metadata, else from a `… Order 20418` description. */
export function stripeOrderKey(metadata: string, description: string): string {
  if (metadata.trim()) return metadata.trim();
  const match = /\border\s*#?\s*([A-Za-z0-9-]+)\)?\s*$/i.exec(description.trim());
  return match?.[1] ?? '';
}

export const stripeBalance: FormatSpec = {
  id: 'stripe-balance',
  label: 'Stripe balance transactions export (id, Type, Source, Amount, Fee, Net, Currency, Created (UTC)…)',
  required: ['id', 'Type', 'Amount', 'Fee', 'Net', 'Currency', 'Created (UTC)'],
  aliases: { 'order_id (metadata)': ['order_number (metadata)'], 'Transfer': ['Payout'], 'Transfer Date (UTC)': ['Payout Date (UTC)'] },
  known: ['id', 'Type', 'Source', 'Amount', 'Fee', 'Net', 'Currency', 'Created (UTC)', 'Available On (UTC)', 'Description', 'Customer Facing Amount', 'Customer Facing Currency', 'Transfer', 'Transfer Date (UTC)', 'Transfer Group', 'order_id (metadata)', 'customer_email (metadata)'],
  create(options) {
    const records = emptyRecords();
    return {
      row(cell) {
        const id = cell('id').trim();
        if (!id) throw new RowRejection('id is empty');
        const currency = parseCurrency(cell('Currency'), 'Currency');
        const when = parseInstant(cell('Created (UTC)'), 'Created (UTC)', 'UTC', options.companyTimeZone, false, options.localDates);
        const gross = parseAmount(cell('Amount'), 'Amount', currency, options.decimalComma);
        const fee = parseOptionalAmount(cell('Fee'), 'Fee', currency, options.decimalComma);
        const net = parseAmount(cell('Net'), 'Net', currency, options.decimalComma);
        if (gross - fee !== net) throw new RowRejection(`Net ${cell('Net')} is not Amount ${cell('Amount')} minus Fee ${cell('Fee')}`);
        const source = cell('Source').trim();
        const description = cell('Description').trim();
        const kind = stripeKind(cell('Type'), source, description);
        const transfer = cell('Transfer').trim();
        const transferDate = cell('Transfer Date (UTC)').trim();
        const facingCurrency = cell('Customer Facing Currency').trim().toUpperCase();
        const facing = cell('Customer Facing Amount').trim();
        records.settlementLines.push({
          source: 'stripe',
          lineId: id,
          kind,
          rawType: cell('Type').trim(),
          orderKey: kind === 'payout' ? '' : stripeOrderKey(cell('order_id (metadata)'), description),
          occurredAtUtc: when.utc,
          occurredLocalDate: when.localDate,
          gross,
          fee,
          net,
          currency,
          presentmentAmount: facing && facingCurrency ? Math.abs(parseAmount(facing, 'Customer Facing Amount', facingCurrency, options.decimalComma)) : null,
          presentmentCurrency: facingCurrency,
          payoutId: kind === 'payout' ? source : transfer,
          payoutDate: kind === 'payout' ? when.localDate : transferDate ? parseInstant(transferDate, 'Transfer Date (UTC)', 'UTC', options.companyTimeZone, false, options.localDates).localDate : '',
          payoutStatus: kind === 'payout' || transfer ? 'paid' : 'pending',
          description,
        });
      },
      finish() {
        return records;
      },
    };
  },
};

export const stripeItemized: FormatSpec = {
  id: 'stripe-payout-itemized',
  label: 'Stripe itemized payout reconciliation report (balance_transaction_id, reporting_category, gross, fee, net, currency, created_utc…)',
  required: ['balance_transaction_id', 'reporting_category', 'gross', 'fee', 'net', 'currency', 'created_utc'],
  aliases: { 'payment_metadata[order_id]': ['payment_metadata[order_number]', 'refund_metadata[order_id]'] },
  documented: STRIPE_ITEMIZED_COLUMNS,
  known: ['automatic_payout_id', 'automatic_payout_effective_at', 'balance_transaction_id', 'created_utc', 'currency', 'gross', 'fee', 'net', 'reporting_category', 'source_id', 'description', 'customer_facing_amount', 'customer_facing_currency', 'payment_metadata[order_id]'],
  create(options) {
    const records = emptyRecords();
    return {
      row(cell) {
        const id = cell('balance_transaction_id').trim();
        if (!id) throw new RowRejection('balance_transaction_id is empty');
        const currency = parseCurrency(cell('currency'), 'currency');
        const when = parseInstant(cell('created_utc'), 'created_utc', 'UTC', options.companyTimeZone, false, options.localDates);
        const gross = parseAmount(cell('gross'), 'gross', currency, options.decimalComma);
        const fee = parseOptionalAmount(cell('fee'), 'fee', currency, options.decimalComma);
        const net = parseAmount(cell('net'), 'net', currency, options.decimalComma);
        if (gross - fee !== net) throw new RowRejection(`net ${cell('net')} is not gross ${cell('gross')} minus fee ${cell('fee')}`);
        const description = cell('description').trim();
        const kind = stripeKind(cell('reporting_category'), cell('source_id').trim(), description);
        const payoutId = cell('automatic_payout_id').trim();
        const effective = cell('automatic_payout_effective_at').trim();
        const facingCurrency = cell('customer_facing_currency').trim().toUpperCase();
        const facing = cell('customer_facing_amount').trim();
        records.settlementLines.push({
          source: 'stripe',
          lineId: id,
          kind,
          rawType: cell('reporting_category').trim(),
          orderKey: stripeOrderKey(cell('payment_metadata[order_id]'), description),
          occurredAtUtc: when.utc,
          occurredLocalDate: when.localDate,
          gross,
          fee,
          net,
          currency,
          presentmentAmount: facing && facingCurrency ? Math.abs(parseAmount(facing, 'customer_facing_amount', facingCurrency, options.decimalComma)) : null,
          presentmentCurrency: facingCurrency,
          payoutId,
          payoutDate: effective ? effective.slice(0, 10) : '',
          payoutStatus: payoutId ? 'paid' : 'pending',
          description,
        });
      },
      finish() {
        return records;
      },
    };
  },
};
