import { describe, expect, it } from 'vitest';
import type { RecordResult, SettlementSummary } from '../../../shared/reconcile/result';
import type { ExceptionRow } from '../reconcile/exception-store';
import { reconciliationInput } from './reconciliation-summary';

function record(recordKey: string, fields: Partial<RecordResult>): RecordResult {
  return {
    recordKey,
    recordType: 'shop_order',
    source: 'shopify',
    channel: 'shopify',
    sourceRef: recordKey,
    saleOrders: [],
    invoices: [],
    categories: [],
    outcome: 'matched',
    exception: true,
    currency: 'EUR',
    shopAmount: null,
    odooAmount: null,
    difference: null,
    causes: [],
    matchedBy: null,
    fuzzyCandidates: [],
    localDate: '2026-10-12',
    month: '2026-10',
    settlement: null,
    fx: null,
    explanation: [],
    ...fields,
  };
}

function exception(recordKey: string, category: string, note: string | null = null): ExceptionRow {
  return { recordKey, category, channel: 'shopify', month: '2026-10', status: 'open', note, decidedBy: null, decidedAt: null, firstSeenAt: '2026-11-01', lastSeenAt: '2026-11-01' };
}

const SETTLEMENT: SettlementSummary = { sources: ['stripe'], charged: 397_338, refunded: 0, disputed: 397_338, fees: 1_655, net: 0, currency: 'GBP', payoutKeys: [], payoutStatuses: [] };

describe('reconciliationInput', () => {
  it('gives each open exception the amount at stake, its currency and the matcher explanation', () => {
    const records = [
      record('shopify:#1200', { difference: 359_213, shopAmount: 100, odooAmount: 359_313, explanation: ['2 sale orders (S00646, S00647) carry #1200.'] }),
      record('woocommerce:20118', { currency: 'GBP', shopAmount: 397_338, odooAmount: 397_338, difference: 0, settlement: SETTLEMENT, explanation: ['Chargeback at the provider; Odoo still shows the sale as paid.'] }),
      record('shopify:#1300', { shopAmount: 12_000, explanation: ['No sale order in Odoo.'] }),
    ];
    const input = reconciliationInput(
      [],
      [exception('shopify:#1200', 'DUPLICATE_IN_ODOO', 'Asked sales to cancel one'), exception('woocommerce:20118', 'CHARGEBACK_NOT_BOOKED'), exception('shopify:#1300', 'MISSING_IN_ODOO'), exception('shopify:#9', 'UNMATCHED_FEE')],
      records,
    );
    expect(input.exceptions).toEqual([
      { channel: 'shopify', reference: 'shopify:#1200', category: 'duplicate in odoo', amount: 359_213, currency: 'EUR', description: '2 sale orders (S00646, S00647) carry #1200. \u2013 Asked sales to cancel one' },
      { channel: 'shopify', reference: 'woocommerce:20118', category: 'chargeback not booked', amount: 397_338, currency: 'GBP', description: 'Chargeback at the provider; Odoo still shows the sale as paid.' },
      { channel: 'shopify', reference: 'shopify:#1300', category: 'missing in odoo', amount: 12_000, currency: 'EUR', description: 'No sale order in Odoo.' },
      // A decision stored for a record the matcher no longer produces keeps its text and says nothing about money.
      { channel: 'shopify', reference: 'shopify:#9', category: 'unmatched fee', amount: null, currency: '', description: '' },
    ]);
  });

  it('leaves resolved and ignored exceptions out', () => {
    const resolved: ExceptionRow = { ...exception('shopify:#1', 'DUPLICATE_IN_ODOO'), status: 'resolved' };
    const ignored: ExceptionRow = { ...exception('shopify:#2', 'DUPLICATE_IN_ODOO'), status: 'ignored' };
    expect(reconciliationInput([], [resolved, ignored], []).exceptions).toEqual([]);
  });
});
