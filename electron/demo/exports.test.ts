// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { generateInMemory, cents } from './test-support';

const g = generateInMemory();
const SAMPLES = join(__dirname, '..', '..', '..', 'shared', 'reference', 'sample-exports');
type Row = Record<string, string>;

function parse(content: string, delimiter = ','): { header: string[]; rows: Row[] } {
  const result = Papa.parse<Row>(content.replace(/^\uFEFF/, ''), { header: true, delimiter, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return { header: result.meta.fields ?? [], rows: result.data };
}
function sampleHeader(file: string): string[] {
  return parse(readFileSync(join(SAMPLES, file), 'utf8')).header;
}
function files(prefix: string): [string, string][] {
  return [...g.exports.entries()].filter(([path]) => path.startsWith(prefix)).sort(([a], [b]) => a.localeCompare(b));
}
function allRows(prefix: string, delimiter = ','): Row[] {
  return files(prefix).flatMap(([, content]) => parse(content, delimiter).rows);
}

describe('e-commerce exports (small scale)', () => {
  it('write one file per channel and month, with the reference headers and byte conventions', () => {
    const layouts: [string, string, { bom: boolean; crlf: boolean }][] = [
      ['shopify/orders_export_', 'shopify_orders_export.csv', { bom: false, crlf: false }],
      ['shopify/payment_transactions_export_', 'shopify_payment_transactions.csv', { bom: false, crlf: false }],
      ['shopify/payouts_', 'shopify_payouts.csv', { bom: false, crlf: false }],
      ['woocommerce/orders_', 'woocommerce_orders.csv', { bom: false, crlf: true }],
      ['stripe/balance_transactions_', 'stripe_balance_transactions.csv', { bom: true, crlf: false }],
    ];
    for (const [prefix, sample, style] of layouts) {
      const found = files(prefix);
      expect(found.length, prefix).toBe(24);
      for (const [path, content] of found) {
        expect(parse(content).header, path).toEqual(sampleHeader(sample));
        expect(content.startsWith('\uFEFF'), path).toBe(style.bom);
        expect(content.includes('\r\n'), path).toBe(style.crlf);
      }
    }
    const settlements = files('marketplace/settlement_');
    expect(settlements.length).toBeGreaterThan(40);
    for (const [, content] of settlements) expect(parse(content, '\t').header[0]).toBe('settlement-id');
  });

  it('Shopify orders: one row per line item, order fields on the first row, Total = Subtotal + Shipping + Taxes', () => {
    const rows = allRows('shopify/orders_export_');
    const first = new Map<string, Row>();
    for (const row of rows) {
      expect(row['Name']).toMatch(/^#\d+$/);
      expect(row['Created at']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}$/);
      if (!first.has(row['Name']!)) first.set(row['Name']!, row);
      else expect(row['Total']).toBe('');
    }
    expect(first.size).toBeGreaterThan(150);
    for (const row of first.values()) {
      expect(cents(row['Total'])).toBe(cents(row['Subtotal']) + cents(row['Shipping']) + cents(row['Taxes']));
    }
    expect([...first.values()].some((r) => r['Currency'] === 'GBP')).toBe(true);
    expect([...first.values()].some((r) => r['Created at']!.endsWith('+0100'))).toBe(true);
    expect([...first.values()].some((r) => r['Created at']!.endsWith('+0200'))).toBe(true);
  });

  it('Shopify payouts equal the net of their transactions; transactions are newest first', () => {
    const txns = allRows('shopify/payment_transactions_export_');
    const net = new Map<string, number>();
    for (const t of txns) {
      expect(cents(t['Net'])).toBe(cents(t['Amount']) - cents(t['Fee']));
      net.set(t['Payout Date']!, (net.get(t['Payout Date']!) ?? 0) + cents(t['Net']));
    }
    const payouts = allRows('shopify/payouts_');
    expect(payouts.length).toBeGreaterThan(100);
    for (const p of payouts) {
      expect(cents(p['Total']), p['Payout Date']).toBe(net.get(p['Payout Date']!));
      expect(cents(p['Total'])).toBe(cents(p['Charges']) + cents(p['Refunds']) + cents(p['Fees']));
    }
    for (const [, content] of files('shopify/payment_transactions_export_')) {
      const dates = parse(content).rows.map((r) => Date.parse(r['Transaction Date']!.replace(' ', 'T').replace(/ ([+-]\d{2})(\d{2})$/, '$1:$2')));
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
    }
  });

  it('Stripe payouts equal the net of the rows they settle; settlement totals equal their components', () => {
    const rows = allRows('stripe/balance_transactions_');
    const settled = new Map<string, number>();
    for (const r of rows) {
      expect(cents(r['Net'])).toBe(cents(r['Amount']) - cents(r['Fee']));
      if (r['Type'] !== 'payout' && r['Transfer']) settled.set(r['Transfer']!, (settled.get(r['Transfer']!) ?? 0) + cents(r['Net']));
    }
    const payouts = rows.filter((r) => r['Type'] === 'payout');
    expect(payouts.length).toBeGreaterThan(50);
    for (const p of payouts) expect(-cents(p['Amount'])).toBe(settled.get(p['Source']!));
    expect(rows.some((r) => r['Type'] === 'adjustment')).toBe(true);
    for (const [path, content] of files('marketplace/settlement_')) {
      const parsed = parse(content, '\t').rows;
      const total = parsed.slice(1).reduce((s, r) => s + cents(r['amount']), 0);
      expect(cents(parsed[0]!['total-amount']), path).toBe(total);
    }
  });

  it('shop orders and Odoo agree except where a discrepancy is planted, and every plant is visible in the data', () => {
    const orders = g.models.get('sale.order')!;
    const byRef = new Map<string, typeof orders>();
    for (const o of orders) {
      if (typeof o.client_order_ref !== 'string') continue;
      const list = byRef.get(o.client_order_ref) ?? [];
      list.push(o);
      byRef.set(o.client_order_ref, list);
    }
    const planted = new Map(g.answerKey.discrepancies.filter((d) => d.shop_order).map((d) => [d.shop_order!, d]));
    const shopify = allRows('shopify/orders_export_').filter((r) => r['Total'] !== '');
    let matched = 0;
    for (const row of shopify) {
      const plant = planted.get(row['Name']!);
      const odoo = byRef.get(row['Name']!) ?? [];
      if (!plant || plant.category === 'MATCHED_OTHER_GATEWAY' || plant.category === 'OPEN_EXPECTED' || plant.category === 'MATCHED_FX_DIFFERENCE') {
        expect(odoo, row['Name']).toHaveLength(1);
        if (cents(row['Refunded Amount']) === 0) expect(cents(odoo[0]!.amount_total), row['Name']).toBe(cents(row['Total']));
        matched++;
        continue;
      }
      if (plant.shop_amount !== null) expect(plant.shop_amount).toBe(cents(row['Total']) - cents(row['Refunded Amount']));
      if (plant.category === 'MISSING_IN_ODOO') expect(odoo).toHaveLength(0);
      else if (plant.category === 'DUPLICATE_IN_ODOO') expect(odoo).toHaveLength(2);
      else if (plant.category !== 'CANCELLED_FEE_ONLY') expect(plant.odoo_amount).toBe(cents(odoo[0]!.amount_total));
      if (plant.category.startsWith('AMOUNT_MISMATCH')) expect(plant.difference).not.toBe(0);
    }
    expect(matched).toBeGreaterThan(100);
    const exported = new Set(shopify.map((r) => r['Name']));
    for (const d of g.answerKey.discrepancies.filter((x) => x.category === 'MISSING_IN_SHOP')) {
      expect(exported.has(d.shop_order!)).toBe(false);
      expect(byRef.get(d.shop_order!)).toHaveLength(1);
    }
    const categories = new Set(g.answerKey.discrepancies.map((d) => d.category));
    for (const c of ['MISSING_IN_ODOO', 'MISSING_IN_SHOP', 'AMOUNT_MISMATCH_SHIPPING', 'AMOUNT_MISMATCH_DISCOUNT', 'AMOUNT_MISMATCH_TAX', 'REFUND_NOT_BOOKED',
      'MATCHED_FX_DIFFERENCE', 'MATCHED_TIMING_MONTH_END', 'TIMEZONE_MONTH_BOUNDARY', 'CANCELLED_FEE_ONLY', 'DUPLICATE_IN_ODOO', 'PAYMENT_NOT_REGISTERED',
      'CHARGEBACK_NOT_BOOKED', 'UNMATCHED_FEE', 'MATCHED_OTHER_GATEWAY', 'MATCHED_KEY_NORMALIZED']) expect(categories, c).toContain(c);
  });

  it('plants the 23:30-local-on-the-last-day order and the 00:30-on-the-1st timezone trap', () => {
    const woo = allRows('woocommerce/orders_');
    const trap = g.answerKey.discrepancies.find((d) => d.causes.includes('timing_timezone') && d.channel === 'woocommerce')!;
    const row = woo.find((r) => r['Order Number'] === trap.shop_order)!;
    expect(row['Order Date']).toMatch(/ 23:30$/);
    expect(row['Order Date']!.slice(0, 7)).toBe(trap.month);
    const shopifyTrap = g.answerKey.discrepancies.find((d) => d.category === 'TIMEZONE_MONTH_BOUNDARY')!;
    const order = g.models.get('sale.order')!.find((o) => o.client_order_ref === shopifyTrap.shop_order)!;
    expect((order.date_order as string).slice(0, 7) < shopifyTrap.month).toBe(true);
  });
});
