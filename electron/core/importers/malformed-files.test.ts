// @vitest-environment node
/**
 * The malformed-file corpus (e2e/fixtures/malformed): encodings, delimiters, broken lines, bad
 * values, unknown layouts. Every file either fails with a clear AppError or accounts for every
 * row: read = imported + rejected, each rejection with its line and reason.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ordersFromSettlement } from '../../../shared/reconcile/marketplace-orders';
import { AppError } from '../../../shared/rpc/errors';
import { assertAccounted, importFile, type ImportFileOptions, type ImportResult } from './import-file';

const CORPUS = join(import.meta.dirname, '../../../e2e/fixtures/malformed');
const OPTIONS: ImportFileOptions = { siteTimeZone: 'Europe/Berlin', companyTimeZone: 'Europe/Berlin', defaultCurrency: 'EUR' };
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'recon-malformed-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function load(file: string, options: Partial<ImportFileOptions> = {}): Promise<ImportResult> {
  const result = await importFile(join(CORPUS, file), { ...OPTIONS, ...options });
  assertAccounted(result);
  return result;
}

async function failure(file: string, options: Partial<ImportFileOptions> = {}): Promise<AppError> {
  try {
    await importFile(join(CORPUS, file), { ...OPTIONS, ...options });
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`${file} imported without error`);
}

describe('encodings and delimiters', () => {
  it('reads semicolons with decimal comma and thousands separators', async () => {
    const result = await load('payouts-semicolon-decimal-comma.csv');
    expect(result).toMatchObject({ delimiter: ';', format: 'shopify-payouts', rowsRead: 2, rowsRejected: 0 });
    expect(result.records.payouts.map((p) => [p.payoutDate, p.charges, p.fees, p.total])).toEqual([
      ['2026-11-05', 117160, 376, 116784],
      ['2026-11-04', 4970, 119, 4851],
    ]);
  });

  it('strips a UTF-8 BOM and reads CRLF', async () => {
    const result = await load('payouts-bom-crlf.csv');
    expect(result).toMatchObject({ encoding: 'utf-8', rowsRead: 1, rowsImported: 1 });
    expect(result.records.payouts[0]?.total).toBe(45988);
  });

  it('reads UTF-16 LE (tab separated) and UTF-16 BE', async () => {
    const le = await load('payouts-utf16le-tab.txt');
    expect(le).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', rowsImported: 1 });
    expect(le.records.payouts[0]?.total).toBe(54371);
    const be = await load('payouts-utf16be.csv');
    expect(be).toMatchObject({ encoding: 'utf-16be', rowsImported: 1 });
  });

  it('falls back to Windows-1252 and keeps the accents', async () => {
    const result = await load('woo-windows-1252.csv');
    expect(result.encoding).toBe('windows-1252');
    expect(result.records.shopOrders[0]).toMatchObject({ customerName: 'Café Größe', orderKey: '30001', total: 10817, createdAtUtc: '2026-10-05 08:00:00' });
    expect(result.records.shopOrders[0]?.lines[0]?.name).toBe('Knock Box – groß');
  });

  it('reads a tab-separated EU Amazon settlement (decimal comma, dd.mm.yyyy) and rebuilds orders', async () => {
    const result = await load('amazon-settlement-eu.tsv');
    expect(result).toMatchObject({ format: 'amazon-settlement', rowsRead: 8, rowsImported: 7, rowsRejected: 1 });
    expect(result.rejected).toEqual([{ line: 9, reason: 'amount "zwölf" is not an amount' }]);
    expect(result.records.payouts).toMatchObject([{ payoutKey: '9001', payoutDate: '2026-10-17', total: 96690 }]);
    // Orders are rebuilt from the settlement lines (an order can span settlement files).
    expect(ordersFromSettlement(result.records.settlementLines).map((o) => [o.channel, o.orderKey, o.total, o.shipping, o.createdLocalDate])).toEqual([
      ['marketplace', '302-1111111-1111111', 101990, 1990, '2026-10-03'],
      ['marketplace', '302-2222222-2222222', 16000, 0, '2026-10-05'],
    ]);
    const fees = result.records.settlementLines.map((l) => [l.kind, l.gross, l.fee]);
    expect(fees).toEqual([['charge', 101990, 15000], ['charge', 16000, 2400], ['fee', -3900, 0]]);
  });

  it('imports the first sheet of an .xlsx workbook like a CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Payouts');
    sheet.addRow(['Payout Date', 'Status', 'Charges', 'Refunds', 'Adjustments', 'Reserved Funds', 'Fees', 'Retried Amount', 'Total', 'Currency']);
    sheet.addRow(['2026-10-26', 'paid', 469.3, 0, 0, 0, -9.42, 0, 459.88, 'EUR']);
    sheet.addRow(['2026-10-27', 'paid', 560.02, null, null, null, -16.31, null, 543.71, 'EUR']);
    const file = join(scratch, 'payouts.xlsx');
    await workbook.xlsx.writeFile(file);
    const result = await importFile(file, OPTIONS);
    expect(result).toMatchObject({ encoding: 'xlsx', format: 'shopify-payouts', rowsRead: 2, rowsRejected: 0 });
    expect(result.records.payouts.map((p) => p.total)).toEqual([45988, 54371]);
  });
});

describe('broken lines and values', () => {
  it('rejects a truncated last line and keeps the rest', async () => {
    const result = await load('payouts-truncated.csv');
    expect(result).toMatchObject({ rowsRead: 2, rowsImported: 1, rowsRejected: 1 });
    expect(result.rejected[0]?.line).toBe(3);
    expect(result.rejected[0]?.reason).toMatch(/has 5 field\(s\) but the header has 10: the line looks truncated/);
  });

  it('names the lines swallowed by an unclosed quote', async () => {
    const result = await load('payouts-unclosed-quote.csv');
    expect(result).toMatchObject({ rowsRead: 2, rowsImported: 1, rowsRejected: 1 });
    expect(result.rejected[0]).toEqual({ line: 3, reason: expect.stringMatching(/quote opened on line 3 is never closed, so lines 3-4 were read as one broken record/) });
  });

  it('rows split by another delimiter than the header are rejected with a hint', async () => {
    const result = await load('payouts-wrong-delimiter.csv');
    expect(result).toMatchObject({ rowsRead: 2, rowsImported: 1, rowsRejected: 1 });
    expect(result.rejected[0]).toMatchObject({ line: 2 });
  });

  it('rejects bad dates, amounts, sums and currencies with the column and value', async () => {
    const result = await load('transactions-bad-values.csv');
    expect(result).toMatchObject({ rowsRead: 7, rowsImported: 1, rowsRejected: 6 });
    expect(result.rejected).toEqual([
      { line: 3, reason: 'Transaction Date "2026-13-01 09:00:00 +0100" is not a valid calendar date' },
      { line: 4, reason: 'Transaction Date "31/02/2026 10:00" is not a valid calendar date' },
      { line: 5, reason: 'Transaction Date "yesterday" is not a date (expected e.g. 2026-10-22 09:14:22 +0200)' },
      { line: 6, reason: 'Amount "81.60 EUR?" is not an amount' },
      { line: 7, reason: 'Net 79.00 is not Amount 81.60 minus Fee 1.80' },
      { line: 8, reason: 'Presentment Currency "EURO" is not a currency code (expected three letters such as EUR)' },
    ]);
  });

  it('counts physical lines across quoted line breaks', async () => {
    const result = await load('orders-quoted-newlines.csv');
    expect(result).toMatchObject({ rowsRead: 4, rowsImported: 2, rowsRejected: 2 });
    expect(result.rejected).toEqual([
      { line: 6, reason: 'Subtotal "abc" is not an amount' },
      { line: 7, reason: "line item of order #2004 comes before (or without) the order's first row, which carries its totals" },
    ]);
    expect(result.records.shopOrders.map((o) => o.orderKey)).toEqual(['#2001', '#2002']);
  });

  it('tolerates unknown columns and a changed column order, and lists what it ignored', async () => {
    const result = await load('payouts-extra-columns.csv');
    expect(result).toMatchObject({ format: 'shopify-payouts', rowsImported: 1 });
    expect(result.ignoredColumns).toEqual(['Internal Memo']);
    expect(result.records.payouts[0]).toMatchObject({ total: 45988, charges: 46930 });
  });

  it('leaves PayPal pending and memo rows out, each with its reason', async () => {
    const result = await load('paypal-activity.csv');
    expect(result).toMatchObject({ format: 'paypal-activity', rowsRead: 3, rowsImported: 1, rowsRejected: 2 });
    expect(result.records.settlementLines[0]).toMatchObject({ orderKey: '#1046', gross: 23960, fee: 839, net: 23121, occurredAtUtc: '2026-10-26 07:31:19' });
    expect(result.rejected.map((r) => r.line)).toEqual([3, 4]);
  });

  it('reads a generic file through a saved mapping', async () => {
    const mapping = { name: 'adler', channel: 'adler-market', columns: { orderKey: 'Bestellnr', createdAt: 'Datum', total: 'Summe', currency: 'Waehrung', customerName: 'Kunde' }, dayFirst: true };
    const result = await load('generic-marketplace.csv', { mappings: [mapping] });
    expect(result).toMatchObject({ format: 'generic:adler', rowsRead: 3, rowsImported: 2, rowsRejected: 1 });
    expect(result.records.shopOrders.map((o) => [o.channel, o.orderKey, o.total, o.createdLocalDate])).toEqual([
      ['adler-market', 'M-100', 123450, '2026-10-05'],
      ['adler-market', 'M-101', 9900, '2026-10-06'],
    ]);
  });
});

describe('files that cannot be imported', () => {
  it('an unknown layout names the expected formats and the header found', async () => {
    const error = await failure('unknown-format.csv');
    expect(error.code).toBe('import.unknown_format');
    expect(error.message).toContain('Shopify orders export');
    expect(error.message).toContain('Stripe balance transactions export');
    expect(error.message).toContain('Found header: Datum, Buchungstext, Betrag, Saldo');
  });

  it('a forced format that does not fit says which columns are missing', async () => {
    const error = await failure('payouts-bom-crlf.csv', { format: 'stripe-balance' });
    expect(error.code).toBe('import.unknown_format');
    expect(error.message).toMatch(/missing column\(s\) id, Type, Amount/);
  });

  it('an empty file is invalid; a header-only file imports nothing', async () => {
    expect((await failure('empty.csv')).code).toBe('import.invalid_file');
    const result = await load('payouts-header-only.csv');
    expect(result).toMatchObject({ rowsRead: 0, rowsImported: 0, rowsRejected: 0 });
  });

  it('a missing file is a clear error', async () => {
    const error = await failure('does-not-exist.csv');
    expect(error.code).toBe('import.invalid_file');
    expect(error.message).toContain('does-not-exist.csv');
  });
});

describe('large files stream', () => {
  it('accounts for 60,000 generated rows with a few planted bad ones', async () => {
    const file = join(scratch, 'huge-balance.csv');
    const header = 'id,Type,Source,Amount,Fee,Net,Currency,Created (UTC),Available On (UTC),Description,Customer Facing Amount,Customer Facing Currency,Transfer,Transfer Date (UTC),Transfer Group,order_id (metadata),customer_email (metadata)';
    const lines = [header];
    for (let i = 0; i < 60_000; i += 1) {
      const cents = 1000 + (i % 50_000);
      const fee = 25 + (i % 100);
      const amount = (cents / 100).toFixed(2);
      const net = ((cents - fee) / 100).toFixed(2);
      const bad = i % 10_000 === 9_999;
      lines.push(`txn_${i},charge,ch_${i},${amount},${(fee / 100).toFixed(2)},${bad ? 'x' : net},eur,2026-10-${String(1 + (i % 28)).padStart(2, '0')} 10:00,,"Shop - Order ${100000 + i}",,,po_1,2026-11-01 00:00,,${100000 + i},`);
    }
    await writeFile(file, `${lines.join('\n')}\n`);
    const result = await importFile(file, OPTIONS);
    assertAccounted(result);
    expect(result).toMatchObject({ rowsRead: 60_000, rowsImported: 59_994, rowsRejected: 6 });
    expect(result.rejected.map((r) => r.line)).toEqual([10_001, 20_001, 30_001, 40_001, 50_001, 60_001]);
    expect(result.records.settlementLines).toHaveLength(59_994);
  });
});
