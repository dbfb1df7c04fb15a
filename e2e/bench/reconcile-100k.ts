/**
 * Benchmark: 100,000 Shopify orders (a generated export, ~1.3 rows per order) parsed from disk and
 * matched against 100,000 Odoo sale orders with invoices and 100,000 Shopify Payments lines.
 * Prints seconds per phase and peak RSS; asserts nothing about time.
 *
 *   npx tsx e2e/bench/reconcile-100k.ts [orders]
 */
import { mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reconcile } from '../../shared/reconcile/matcher';
import { summarize } from '../../shared/reconcile/summary';
import type { OdooInvoice, OdooSaleOrder } from '../../shared/reconcile/types';
import { importFile } from '../../electron/core/importers/import-file';

const COUNT = Number(process.argv[2] ?? 100_000);
const HEADER = 'Name,Email,Financial Status,Paid at,Currency,Subtotal,Shipping,Taxes,Total,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Cancelled at,Payment Method,Refunded Amount,Id';
const TX_HEADER = 'Transaction Date,Type,Order,Card Brand,Card Source,Payout Status,Payout Date,Available On,Amount,Fee,Net,Checkout,Payment Method Name,Presentment Amount,Presentment Currency,Currency';

function money(cents: number): string {
  return (cents / 100).toFixed(2);
}

function day(i: number): string {
  return `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`;
}

const dir = mkdtempSync(join(tmpdir(), 'recon-bench-'));
try {
  let t = performance.now();
  const orderLines: string[] = [HEADER];
  const txLines: string[] = [TX_HEADER];
  const saleOrders: OdooSaleOrder[] = [];
  const invoices: OdooInvoice[] = [];
  for (let i = 0; i < COUNT; i += 1) {
    const key = `#${100000 + i}`;
    const shipping = i % 3 === 0 ? 490 : 0;
    const items = 1000 + ((i * 7919) % 90_000);
    const total = items + shipping;
    const tax = Math.round((total * 19) / 119);
    const date = day(i);
    orderLines.push(`${key},c${i}@example.com,paid,${date} 10:00:00 +0200,EUR,${money(items)},${money(shipping)},${money(tax)},${money(total)},0.00,${date} 09:59:00 +0200,1,Item ${i % 500},${money(items)},SKU-${i % 500},Customer ${i},,Shopify Payments,0.00,${7_000_000_000_000 + i}`);
    if (i % 3 === 1) orderLines.push(`${key},c${i}@example.com,,,,,,,,,${date} 09:59:00 +0200,2,Extra ${i % 50},0.00,SKU-X${i % 50},,,,,`);
    const fee = Math.round(total * 0.019) + 25;
    txLines.push(`${date} 10:00:05 +0200,charge,${key},visa,online,paid,2026-11-0${1 + (i % 5)},2026-11-01,${money(total)},${money(fee)},${money(total - fee)},#${i},card,${money(total)},EUR,EUR`);
    // Planted: 1% missing in Odoo, 1% shipping missing, 0.5% via origin, the rest exact.
    if (i % 100 === 0) continue;
    const odooTotal = i % 100 === 1 ? total - shipping : total;
    const name = `S${String(i).padStart(6, '0')}`;
    saleOrders.push({
      name, clientOrderRef: i % 200 === 2 ? `PO-${i}` : key, origin: key, dateOrderUtc: `${date} 07:59:00`, partnerName: `Customer ${i}`,
      currency: 'EUR', amountUntaxed: odooTotal - tax, amountTax: tax, amountTotal: odooTotal, state: 'sale',
    });
    invoices.push({
      name: `INV/2026/${String(i).padStart(6, '0')}`, moveType: 'out_invoice', state: 'posted', paymentState: 'paid', invoiceDate: date,
      partnerName: `Customer ${i}`, invoiceOrigin: name, ref: key, currency: 'EUR', amountUntaxed: odooTotal - tax, amountTax: tax,
      amountTotal: odooTotal, amountTotalSigned: odooTotal, amountResidual: 0,
    });
  }
  const ordersFile = join(dir, 'orders_export.csv');
  const txFile = join(dir, 'payment_transactions_export.csv');
  writeFileSync(ordersFile, `${orderLines.join('\n')}\n`);
  writeFileSync(txFile, `${txLines.join('\n')}\n`);
  orderLines.length = 0;
  txLines.length = 0;
  const generated = (performance.now() - t) / 1000;

  t = performance.now();
  const options = { siteTimeZone: 'Europe/Berlin', companyTimeZone: 'Europe/Berlin' };
  const orders = await importFile(ordersFile, options);
  const tx = await importFile(txFile, options);
  const parsed = (performance.now() - t) / 1000;

  t = performance.now();
  const output = reconcile({
    shopOrders: orders.records.shopOrders,
    settlementLines: tx.records.settlementLines,
    payouts: [],
    saleOrders,
    invoices,
    bankLines: [],
    companyCurrency: 'EUR',
  });
  const summary = summarize(output.records);
  const matched = (performance.now() - t) / 1000;

  const byCategory = new Map<string, number>();
  for (const record of output.records) {
    const key = record.categories.join('|');
    byCategory.set(key, (byCategory.get(key) ?? 0) + 1);
  }
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  console.log(`orders ${COUNT}, export rows ${orders.rowsRead} (${mb(statSync(ordersFile).size)} MB), payment rows ${tx.rowsRead} (${mb(statSync(txFile).size)} MB), rejected ${orders.rowsRejected + tx.rowsRejected}`);
  console.log(`odoo sale orders ${saleOrders.length}, invoices ${invoices.length}`);
  console.log(`generate ${generated.toFixed(2)} s`);
  console.log(`parse    ${parsed.toFixed(2)} s  (${Math.round((orders.rowsRead + tx.rowsRead) / parsed)} rows/s)`);
  console.log(`match    ${matched.toFixed(2)} s  (${Math.round(COUNT / matched)} orders/s, incl. summary)`);
  console.log(`records  ${output.records.length}: ${[...byCategory.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`summary  ${summary.map((s) => `${s.channel} ${s.month} shop ${money(s.shopTotal)} odoo ${money(s.odooTotal)} open ${s.openExceptions}`).join('; ')}`);
  console.log(`peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
