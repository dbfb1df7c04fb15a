// @vitest-environment node
/**
 * Matcher pieces the sample oracle does not exercise: fuzzy suggestions, split orders, payout to
 * bank ties, key normalisation, grossed-up components, and the data-cleaning reports.
 */
import { describe, expect, it } from 'vitest';
import { buildSkuMap, findDuplicateCustomers, shopCustomers } from './data-cleaning';
import { explainDelta } from './explain';
import { fitsKeyShape, learnKeyShape, normalizeOrderKey } from './keys';
import { reconcile } from './matcher';
import type { OdooInvoice, OdooSaleOrder, ReconcileInput, SettlementLine, ShopOrder } from './types';

function order(key: string, total: number, extra: Partial<ShopOrder> = {}): ShopOrder {
  return {
    channel: 'shopify', orderKey: key, createdAtUtc: '2026-10-10 10:00:00', createdLocalDate: '2026-10-10', currency: 'EUR', subtotal: total,
    shipping: 0, discount: 0, tax: 0, taxIncluded: true, duties: 0, total, refunded: 0, financialStatus: 'paid', cancelled: false,
    paymentGateway: 'Shopify Payments', paymentTerms: '', customerEmail: 'max@example.com', customerName: 'Max Koch', lines: [], ...extra,
  };
}

function so(name: string, ref: string, total: number, extra: Partial<OdooSaleOrder> = {}): OdooSaleOrder {
  return { name, clientOrderRef: ref, origin: '', dateOrderUtc: '2026-10-10 08:00:00', partnerName: 'Max Koch', partnerEmail: 'max@example.com', currency: 'EUR', amountUntaxed: total, amountTax: 0, amountTotal: total, state: 'sale', ...extra };
}

function invoice(name: string, origin: string, total: number, extra: Partial<OdooInvoice> = {}): OdooInvoice {
  return { name, moveType: 'out_invoice', state: 'posted', paymentState: 'paid', invoiceDate: '2026-10-10', partnerName: 'Max Koch', invoiceOrigin: origin, ref: '', currency: 'EUR', amountUntaxed: total, amountTax: 0, amountTotal: total, amountTotalSigned: total, amountResidual: 0, ...extra };
}

function input(partial: Partial<ReconcileInput>): ReconcileInput {
  return { shopOrders: [], settlementLines: [], payouts: [], saleOrders: [], invoices: [], bankLines: [], companyCurrency: 'EUR', ...partial };
}

describe('keys', () => {
  it('normalises the spellings connectors and people use', () => {
    expect(['#1041', '1041', 'WC-1041', 'WooCommerce #01041', ' order #1041 '].map(normalizeOrderKey)).toEqual(['1041', '1041', '1041', '1041', '1041']);
    const shape = learnKeyShape(['#1041', '#1055']);
    expect(shape).toEqual({ prefix: '#', minDigits: 4, maxDigits: 4 });
    expect(shape && fitsKeyShape('#1056', shape)).toBe(true);
    expect(shape && fitsKeyShape('PO-NW-7781', shape)).toBe(false);
  });
});

describe('fuzzy matching', () => {
  it('links a unique, strong candidate as MATCHED_FUZZY with its reasons', () => {
    const out = reconcile(input({ shopOrders: [order('#2001', 5000)], saleOrders: [so('S1', 'phone order', 5000)], invoices: [invoice('INV1', 'S1', 5000)] }));
    const record = out.records[0];
    expect(record?.categories).toEqual(['MATCHED_FUZZY']);
    expect(record?.saleOrders).toEqual(['S1']);
    expect(record?.fuzzyCandidates[0]).toEqual({ saleOrder: 'S1', score: 1, reasons: ['same total', 'same day', 'same e-mail'] });
  });

  it('links nothing when two candidates tie, and records both as suggestions', () => {
    const out = reconcile(input({ shopOrders: [order('#2001', 5000)], saleOrders: [so('S1', '', 5000), so('S2', '', 5000)] }));
    expect(out.records[0]?.categories).toEqual(['MISSING_IN_ODOO']);
    expect(out.records[0]?.fuzzyCandidates.map((c) => c.saleOrder)).toEqual(['S1', 'S2']);
  });

  it('never links across currencies or outside the date window', () => {
    const out = reconcile(input({
      shopOrders: [order('#2001', 5000), order('#2002', 7000)],
      saleOrders: [so('S1', '', 5000, { currency: 'GBP' }), so('S2', '', 7000, { dateOrderUtc: '2026-10-20 08:00:00' })],
    }));
    expect(out.records.filter((r) => r.recordType === 'shop_order').map((r) => r.categories[0])).toEqual(['MISSING_IN_ODOO', 'MISSING_IN_ODOO']);
  });
});

describe('one-to-many and many-to-one', () => {
  it('a shop order split into two sale orders that add up is matched, not a duplicate', () => {
    const out = reconcile(input({ shopOrders: [order('#3001', 10000)], saleOrders: [so('S1', '#3001', 6000), so('S2', '#3001', 4000)], invoices: [invoice('INV1', 'S1', 6000), invoice('INV2', 'S2', 4000)] }));
    expect(out.records[0]).toMatchObject({ categories: ['MATCHED'], saleOrders: ['S1', 'S2'], invoices: ['INV1', 'INV2'], odooAmount: 10000 });
  });

  it('a combined invoice for two orders is split by their totals', () => {
    const out = reconcile(input({
      shopOrders: [order('#3001', 6000), order('#3002', 4000)],
      saleOrders: [so('S1', '#3001', 6000), so('S2', '#3002', 4000)],
      invoices: [invoice('INV1', 'S1, S2', 10000)],
    }));
    expect(out.records.map((r) => [r.sourceRef, r.categories.join('|'), r.odooAmount])).toEqual([['#3001', 'MATCHED', 6000], ['#3002', 'MATCHED', 4000]]);
  });
});

describe('explanations', () => {
  it('grosses shipping up by the order tax rate in tax-exclusive shops', () => {
    const explained = explainDelta(-1773, { shipping: 1490, discount: 0, tax: 1900, duties: 0, total: 11900, taxIncluded: false }, 1);
    expect(explained?.categories).toEqual(['AMOUNT_MISMATCH_SHIPPING']);
    expect(explained?.causes.reduce((sum, c) => sum + c.amount, 0)).toBe(-1773);
  });

  it('a "shipping is not revenue in Odoo" channel expects the shipping plus its tax missing in a tax-exclusive shop', () => {
    const shop = order('#3001', 11900, { shipping: 1490, tax: 1900, taxIncluded: false, subtotal: 8510 });
    const odoo = { saleOrders: [so('S1', '#3001', 10127)], invoices: [invoice('INV1', 'S1', 10127)] };
    const withPolicy = reconcile(input({ shopOrders: [shop], ...odoo, channelSettings: [{ channel: 'shopify', shippingInOdoo: false }] }));
    expect(withPolicy.records[0]?.categories).toEqual(['MATCHED']);
    expect(withPolicy.records[0]?.causes).toEqual([{ kind: 'shipping_policy', amount: -1773, detail: 'shipping 14.90 plus its tax (17.73) not revenue in Odoo (channel setting)' }]);
    // Untaxed shipping (Odoo lacks exactly the net amount) is still taken as it is.
    const untaxed = reconcile(input({ shopOrders: [shop], saleOrders: [so('S1', '#3001', 10410)], invoices: [invoice('INV1', 'S1', 10410)], channelSettings: [{ channel: 'shopify', shippingInOdoo: false }] }));
    expect(untaxed.records[0]?.causes).toEqual([{ kind: 'shipping_policy', amount: -1490, detail: 'shipping 14.90 not revenue in Odoo (channel setting)' }]);
  });

  it('combines components (shipping missing and discount not applied)', () => {
    const explained = explainDelta(-490 + 1000, { shipping: 490, discount: 1000, tax: 700, duties: 0, total: 5000, taxIncluded: true }, 0);
    expect(explained?.categories.sort()).toEqual(['AMOUNT_MISMATCH_DISCOUNT', 'AMOUNT_MISMATCH_SHIPPING']);
  });
});

describe('currency', () => {
  it('an export without a currency column takes the currency of the Odoo documents and the provider, and the record says so', () => {
    const charge: SettlementLine = {
      source: 'stripe', lineId: 'txn_1', kind: 'charge', rawType: 'charge', orderKey: '20014', occurredAtUtc: '2026-10-10 10:00:05', occurredLocalDate: '2026-10-10',
      gross: 4300, fee: 85, net: 4215, currency: 'GBP', presentmentAmount: 5000, presentmentCurrency: 'EUR', payoutId: 'po_1', payoutDate: '2026-10-12', payoutStatus: 'paid', description: '',
    };
    const out = reconcile(input({
      companyCurrency: 'GBP',
      shopOrders: [order('20014', 5000, { channel: 'woocommerce', currency: 'GBP', currencyAssumed: true, paymentGateway: 'Credit / Debit Card' })],
      settlementLines: [charge],
      saleOrders: [so('S1', '20014', 5000)],
      invoices: [invoice('INV1', 'S1', 5000, { companyCurrency: 'GBP', amountTotalSigned: 4350 })],
    }));
    const record = out.records.find((r) => r.recordType === 'shop_order');
    expect(record).toMatchObject({ currency: 'EUR', shopAmount: 5000, odooAmount: 5000, difference: 0, categories: ['MATCHED_FX_DIFFERENCE'] });
    expect(record?.fx).toMatchObject({ companyCurrency: 'GBP', providerAmount: 4300, odooAmount: 4350, difference: -50 });
    expect(record?.explanation[0]).toBe('The export has no currency column; EUR taken from the Odoo documents and the provider.');
  });
});

describe('payouts', () => {
  it('ties a payout to the bank line with the same amount within three days', () => {
    const line = (id: string, gross: number, fee: number): SettlementLine => ({
      source: 'stripe', lineId: id, kind: 'charge', rawType: 'charge', orderKey: '', occurredAtUtc: '2026-10-01 10:00:00', occurredLocalDate: '2026-10-01',
      gross, fee, net: gross - fee, currency: 'EUR', presentmentAmount: null, presentmentCurrency: '', payoutId: 'po_1', payoutDate: '2026-10-03', payoutStatus: 'paid', description: '',
    });
    const out = reconcile(input({
      settlementLines: [line('t1', 10000, 300), line('t2', 5000, 200)],
      bankLines: [{ id: 'b0', date: '2026-10-04', amount: 14400, currency: 'EUR', paymentRef: 'other', journalName: 'Bank' }, { id: 'b1', date: '2026-10-05', amount: 14500, currency: 'EUR', paymentRef: 'STRIPE', journalName: 'Bank' }],
    }));
    expect(out.payouts).toMatchObject([{ payoutKey: 'po_1', charges: 15000, fees: 500, linesNet: 14500, bankLine: { id: 'b1' }, categories: ['PAYOUT_MATCHED'] }]);
  });
});

describe('data cleaning', () => {
  it('finds one customer held twice in Odoo, across entities and via the shop e-mail', () => {
    const groups = findDuplicateCustomers([
      { source: 'odoo', id: '7', companyId: 1, name: 'Café Lorenz GmbH', email: 'IDA@cafe-lorenz.example ', vat: 'DE 123 456 789' },
      { source: 'odoo', id: '9', companyId: 2, name: 'Cafe Lorenz', email: 'ida@cafe-lorenz.example', vat: '' },
      { source: 'odoo', id: '11', companyId: 1, name: 'Hotel Seeblick', email: '', vat: 'DE123456789' },
      { source: 'odoo', id: '12', companyId: 1, name: 'Bohnenwerk UG', email: 'a@bohnenwerk.example', vat: '' },
      ...shopCustomers([order('#1', 100, { customerEmail: 'a@bohnenwerk.example', customerName: 'Murat' })]),
    ]);
    expect(groups.map((g) => [g.matchedOn, g.key, g.scope, g.members.map((m) => m.id)])).toEqual([
      ['email', 'ida@cafe-lorenz.example', 'across_entities', ['7', '9']],
    ]);
  });

  it('maps shop SKUs to Odoo codes and lists the unmapped ones', () => {
    const orders = [order('#1', 100, { lines: [{ sku: 'AG-KBX', name: 'Box', quantity: 2, unitPrice: 50 }, { sku: 'ag kbx', name: 'Box', quantity: 1, unitPrice: 50 }, { sku: 'NEW-1', name: 'New', quantity: 3, unitPrice: 10 }] })];
    expect(buildSkuMap(orders, ['AG-KBX', 'AG-TMP58']).map((e) => [e.sku, e.match, e.odooCode, e.quantity])).toEqual([
      ['AG-KBX', 'exact', 'AG-KBX', 2],
      ['NEW-1', 'unmapped', null, 3],
      ['ag kbx', 'normalized', 'AG-KBX', 1],
    ]);
    expect(buildSkuMap(orders, ['AG-KBX']).filter((e) => e.match === 'unmapped').map((e) => e.sku)).toEqual(['NEW-1']);
  });
});
