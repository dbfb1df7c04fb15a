// @vitest-environment node
/**
 * The reference oracle: every record of sample-exports/expected_reconciliation.csv must come out
 * of import + match with exactly the expected category, Odoo documents and amounts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { toMajorString } from '../../../shared/money/money';
import { reconcile } from '../../../shared/reconcile/matcher';
import type { ReconcileOutput, RecordResult } from '../../../shared/reconcile/result';
import type { Payout, SettlementLine, ShopOrder } from '../../../shared/reconcile/types';
import { assertAccounted, importFile, type ImportResult } from '../importers/import-file';
import { readOdooInvoicesCsv, readOdooSaleOrdersCsv } from '../importers/odoo-csv';

const DIR = '/work/shared/reference/sample-exports';
const FILES = [
  'shopify_orders_export.csv',
  'shopify_payment_transactions.csv',
  'shopify_payouts.csv',
  'woocommerce_orders.csv',
  'stripe_balance_transactions.csv',
  'stripe_payout_reconciliation_itemized.csv',
];

let imports: ImportResult[] = [];
let output: ReconcileOutput;

beforeAll(async () => {
  const options = { siteTimeZone: 'Europe/Berlin', companyTimeZone: 'Europe/Berlin', defaultCurrency: 'EUR' };
  imports = await Promise.all(FILES.map((file) => importFile(join(DIR, file), options)));
  const shopOrders: ShopOrder[] = imports.flatMap((result) => result.records.shopOrders);
  const settlementLines: SettlementLine[] = imports.flatMap((result) => result.records.settlementLines);
  const payouts: Payout[] = imports.flatMap((result) => result.records.payouts);
  output = reconcile({
    shopOrders,
    settlementLines,
    payouts,
    saleOrders: await readOdooSaleOrdersCsv(join(DIR, 'odoo_sale_orders.csv'), 'Europe/Berlin'),
    invoices: await readOdooInvoicesCsv(join(DIR, 'odoo_invoices.csv'), 'EUR'),
    bankLines: [],
    companyCurrency: 'EUR',
  });
});

function amount(value: number | null): string {
  return value === null ? '' : toMajorString(value);
}

function findRecord(row: Record<string, string>): RecordResult | undefined {
  const txn = /^txn (\S+) (\d{4}-\d{2}-\d{2})$/.exec(row.source_ref ?? '');
  if (txn) {
    return output.records.find(
      (record) => record.recordType === 'settlement_line' && record.source === row.source && record.localDate === txn[2] && record.explanation.join(' ').startsWith(txn[1] ?? '?'),
    );
  }
  return output.records.find((record) => record.source === row.source && record.sourceRef === row.source_ref);
}

describe('sample exports', () => {
  it('detects every file format and accounts for every row', () => {
    expect(imports.map((result) => result.format)).toEqual([
      'shopify-orders',
      'shopify-payment-transactions',
      'shopify-payouts',
      'woocommerce-orders',
      'stripe-balance',
      'stripe-payout-itemized',
    ]);
    for (const result of imports) {
      assertAccounted(result);
      expect(result.rowsRejected, `${result.fileName}: ${JSON.stringify(result.rejected)}`).toBe(0);
      expect(result.ignoredColumns, result.fileName).toEqual([]);
    }
    expect(imports[0]?.rowsRead).toBe(24);
    expect(imports[0]?.records.shopOrders).toHaveLength(15);
    expect(imports[3]?.records.shopOrders).toHaveLength(10);
    expect(imports[4]?.encoding).toBe('utf-8');
  });

  it('reproduces expected_reconciliation.csv exactly', async () => {
    const text = await readFile(join(DIR, 'expected_reconciliation.csv'), 'utf8');
    const expected = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    const mismatches: string[] = [];
    for (const row of expected) {
      const record = findRecord(row);
      if (!record) {
        mismatches.push(`${row.source} ${row.source_ref}: no record`);
        continue;
      }
      const actual = {
        odoo_sale_order: record.saleOrders.join(';'),
        odoo_invoice: record.invoices.join(';'),
        expected_category: record.categories.join('|'),
        currency: record.currency,
        shop_amount: amount(record.shopAmount),
        odoo_amount: amount(record.odooAmount),
        difference: amount(record.difference),
      };
      for (const [field, value] of Object.entries(actual)) {
        if (row[field] !== value) mismatches.push(`${row.source} ${row.source_ref} ${field}: expected "${row[field]}", got "${value}"`);
      }
    }
    expect(mismatches).toEqual([]);
    // Nothing beyond the oracle is reported.
    expect(output.records).toHaveLength(expected.length);
  });

  it('ties every Shopify and Stripe payout to its lines', () => {
    const shopify = output.payouts.filter((payout) => payout.source === 'shopify_payments');
    const totals = Object.fromEntries(shopify.map((payout) => [payout.payoutDate, payout.providerTotal === null ? null : toMajorString(payout.providerTotal)]));
    expect(totals).toMatchObject({ '2026-10-26': '459.88', '2026-10-27': '543.71', '2026-11-03': '1295.77', '2026-11-04': '48.51', '2026-11-05': '167.84' });
    for (const payout of shopify.filter((p) => p.providerTotal !== null)) expect(payout.difference).toBe(0);
    const pending = shopify.find((payout) => payout.payoutDate === '2026-11-06');
    expect(pending?.categories).toEqual(['PAYOUT_PENDING']);
    const stripe = output.payouts.filter((payout) => payout.source === 'stripe');
    expect(stripe.map((payout) => [payout.payoutDate, amount(payout.providerTotal), payout.difference])).toEqual([
      ['2026-10-26', '872.05', 0],
      ['2026-10-29', '206.62', 0],
      ['2026-11-02', '714.49', 0],
      ['2026-11-05', '190.95', 0],
    ]);
  });
});
