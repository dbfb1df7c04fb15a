/**
 * PayPal activity download (§5): every field quoted, negative fees, locale dates with a separate
 * time and time-zone column, pending rows to be ignored, `Invoice Number` = shop order number.
 */
import { TZDate } from '@date-fns/tz';
import type { SettlementKind } from '../../../../shared/reconcile/types';
import { localDateOf } from '../../../../shared/period/timezone';
import { parseAmount, parseCurrency, parseInstant, parseOptionalAmount, RowRejection } from '../cell-values';
import { emptyRecords, type FormatSpec } from './format';

const ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles', MST: 'America/Denver', MDT: 'America/Denver', CST: 'America/Chicago',
  CDT: 'America/Chicago', EST: 'America/New_York', EDT: 'America/New_York', GMT: 'UTC', UTC: 'UTC', BST: 'Europe/London',
  CET: 'Europe/Berlin', CEST: 'Europe/Berlin', MEZ: 'Europe/Berlin', MESZ: 'Europe/Berlin',
};

function paypalKind(type: string): SettlementKind {
  const t = type.toLowerCase();
  if (t.includes('refund')) return 'refund';
  if (t.includes('chargeback') || t.includes('dispute') || t.includes('reversal')) return 'dispute';
  if (t.includes('withdrawal') || t.includes('transfer to bank')) return 'payout';
  if (t.includes('fee')) return 'fee';
  if (t.includes('payment')) return 'charge';
  if (t.includes('hold')) return 'reserve';
  return 'other';
}

export const paypalActivity: FormatSpec = {
  id: 'paypal-activity',
  label: 'PayPal activity download (Date, Time, TimeZone, Name, Type, Status, Currency, Gross, Fee, Net, Transaction ID…)',
  required: ['Date', 'Time', 'Type', 'Status', 'Currency', 'Gross', 'Fee', 'Net', 'Transaction ID'],
  aliases: { TimeZone: ['Time zone', 'Time Zone'] },
  known: ['Date', 'Time', 'TimeZone', 'Name', 'Type', 'Status', 'Currency', 'Gross', 'Fee', 'Net', 'From Email Address', 'Transaction ID', 'Reference Txn ID', 'Invoice Number', 'Balance Impact'],
  create(options) {
    const records = emptyRecords();
    return {
      row(cell) {
        const status = cell('Status').trim();
        if (/pending/i.test(status)) throw new RowRejection(`status "${status}": pending PayPal transactions are not settled and are left out`);
        const impact = cell('Balance Impact').trim();
        if (/^memo$/i.test(impact)) throw new RowRejection('Balance Impact "Memo": informational row with no money movement, left out');
        const currency = parseCurrency(cell('Currency'), 'Currency');
        const zoneText = cell('TimeZone').trim();
        const zone = ZONE_ABBREVIATIONS[zoneText.toUpperCase()] ?? (zoneText.includes('/') ? zoneText : options.siteTimeZone);
        const wall = parseInstant(`${cell('Date').trim()} ${cell('Time').trim()}`.trim(), 'Date/Time', 'UTC', 'UTC', /^\d{1,2}\.\d/.test(cell('Date').trim()));
        const [datePart, timePart] = wall.utc.split(' ');
        const [y, mo, d] = (datePart ?? '').split('-').map(Number);
        const [h, mi, s] = (timePart ?? '').split(':').map(Number);
        const ms = new TZDate(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0, 0, zone).getTime();
        const utc = new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
        const gross = parseAmount(cell('Gross'), 'Gross', currency, options.decimalComma);
        const fee = -parseOptionalAmount(cell('Fee'), 'Fee', currency, options.decimalComma);
        const net = parseAmount(cell('Net'), 'Net', currency, options.decimalComma);
        if (gross - fee !== net) throw new RowRejection(`Net ${cell('Net')} is not Gross ${cell('Gross')} plus Fee ${cell('Fee')}`);
        const id = cell('Transaction ID').trim();
        if (!id) throw new RowRejection('Transaction ID is empty');
        records.settlementLines.push({
          source: 'paypal', lineId: id, kind: paypalKind(cell('Type')), rawType: cell('Type').trim(), orderKey: cell('Invoice Number').trim(),
          occurredAtUtc: utc, occurredLocalDate: localDateOf(utc, zone), gross, fee, net, currency, presentmentAmount: null,
          presentmentCurrency: '', payoutId: '', payoutDate: '', payoutStatus: 'paid', description: cell('Name').trim(),
        });
      },
      finish() {
        return records;
      },
    };
  },
};
