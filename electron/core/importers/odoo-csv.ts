/**
 * Reading Odoo sale orders and invoices from CSV exports with Odoo's technical field names (what
 * "Export" in Odoo's list view produces with "I want to update data"). Lets reconciliation run
 * against a file instead of a synced cache (offline checks, the reference samples).
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { parseMoney } from '../../../shared/money/money';
import { localDateOf } from '../../../shared/period/timezone';
import type { OdooInvoice, OdooSaleOrder } from '../../../shared/reconcile/types';
import { AppError } from '../../../shared/rpc/errors';
import { currencyDecimals } from './cell-values';

async function rows(path: string): Promise<Record<string, string>[]> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0];
    throw new AppError('import.invalid_file', `${path}: ${first?.message ?? 'unreadable CSV'} (row ${(first?.row ?? 0) + 2})`);
  }
  return parsed.data;
}

function money(row: Record<string, string>, field: string, currency: string, path: string): number {
  try {
    return parseMoney(row[field] ?? '0', currencyDecimals(currency));
  } catch {
    throw new AppError('import.invalid_file', `${path}: ${field} "${row[field] ?? ''}" is not an amount`);
  }
}

/** sale.order rows (name, client_order_ref, origin, date_order UTC, partner_id, currency_id, amounts, state). */
export async function readOdooSaleOrdersCsv(path: string, companyTimeZone: string): Promise<OdooSaleOrder[]> {
  return (await rows(path)).map((row) => {
    const currency = (row.currency_id ?? '').trim();
    const dateOrderUtc = (row.date_order ?? '').trim();
    return {
      name: (row.name ?? '').trim(),
      clientOrderRef: (row.client_order_ref ?? '').trim(),
      origin: (row.origin ?? '').trim(),
      dateOrderUtc,
      dateOrderLocal: localDateOf(dateOrderUtc, companyTimeZone),
      partnerName: (row.partner_id ?? '').trim(),
      currency,
      amountUntaxed: money(row, 'amount_untaxed', currency, path),
      amountTax: money(row, 'amount_tax', currency, path),
      amountTotal: money(row, 'amount_total', currency, path),
      state: (row.state ?? '').trim(),
    };
  });
}

/** account.move rows (name, move_type, state, payment_state, invoice_date, invoice_origin, ref, amounts). */
export async function readOdooInvoicesCsv(path: string, companyCurrency: string): Promise<OdooInvoice[]> {
  return (await rows(path)).map((row) => {
    const currency = (row.currency_id ?? '').trim();
    const moveType = (row.move_type ?? '').trim();
    if (moveType !== 'out_invoice' && moveType !== 'out_refund') {
      throw new AppError('import.invalid_file', `${path}: move_type "${moveType}" of ${row.name ?? '?'} is not a customer invoice or credit note`);
    }
    return {
      name: (row.name ?? '').trim(),
      moveType,
      state: (row.state ?? '').trim(),
      paymentState: (row.payment_state ?? '').trim(),
      invoiceDate: (row.invoice_date ?? '').trim(),
      partnerName: (row.partner_id ?? '').trim(),
      invoiceOrigin: (row.invoice_origin ?? '').trim(),
      ref: (row.ref ?? '').trim(),
      currency,
      amountUntaxed: money(row, 'amount_untaxed', currency, path),
      amountTax: money(row, 'amount_tax', currency, path),
      amountTotal: money(row, 'amount_total', currency, path),
      amountTotalSigned: money(row, 'amount_total_signed', companyCurrency, path),
      amountResidual: money(row, 'amount_residual', currency, path),
    };
  });
}
