/**
 * Pieces every e-commerce channel shares: the shop-side order model, plant bookkeeping,
 * and the Odoo entries for PSP fees and payouts on a clearing journal.
 */
import type { SalesContext, SaleLine } from './sales';
import { stampOf } from './sales';
import type { CompanyInfo, CurrencyCode, JournalKey } from './master-data';
import type { Customer } from './catalog';
import type { PlantedDiscrepancy, DiscrepancyChannel } from './answer-key';
import { weekday, monthKeyOf } from './calendar';
import type { Rng } from './prng';

export interface ShopOrder {
  key: string;
  /** Technical id (Shopify `Id`, Woo order id). */
  externalId: string;
  company: CompanyInfo;
  customer: Customer;
  createdMs: number;
  /** Shop-local calendar day. */
  localDay: number;
  currency: CurrencyCode;
  lines: SaleLine[];
  /** Shop-side amounts in document cents. */
  gross: number;
  discount: number;
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
  taxBp: number;
  discountCode: string;
  gateway: string;
  refunded: number;
  refundMs: number | null;
  cancelled: boolean;
  /** Paid by the PSP at order time (card); false for bank transfer / terms. */
  card: boolean;
  /** Day the customer actually paid (bank transfer), null if still open at the end. */
  paidDay: number | null;
  fee: number;
  /** Settlement-currency amount of the charge (EUR for GBP presentment on the EUR shop). */
  settled: number;
  odooOrder: string | null;
  odooInvoice: string | null;
}

export function shopTotals(lines: SaleLine[], shipping: number, taxBp: number, taxPerLine: (amount: number) => number): { gross: number; discount: number; subtotal: number; tax: number; total: number } {
  let gross = 0;
  let subtotal = 0;
  let tax = taxPerLine(shipping);
  for (const l of lines) {
    const lineGross = l.qty * l.price;
    const lineNet = Math.round((lineGross * (100 - l.discount)) / 100);
    gross += lineGross;
    subtotal += lineNet;
    tax += taxPerLine(lineNet);
  }
  void taxBp;
  return { gross, discount: gross - subtotal, subtotal, tax, total: subtotal + shipping + tax };
}

/** Next business day on or after `day` + `offset` days. */
export function businessDayAfter(day: number, offset: number): number {
  let d = day + offset;
  while (weekday(d) === 0 || weekday(d) === 6) d++;
  return d;
}

export class Plants {
  readonly list: PlantedDiscrepancy[] = [];

  add(entry: Omit<PlantedDiscrepancy, 'month'> & { day: number }): void {
    const { day, ...rest } = entry;
    this.list.push({ ...rest, month: monthKeyOf(day) });
  }
}

/** Fee expense on a clearing journal (PSP or marketplace), booked as one entry per month. */
export function bookFees(ctx: SalesContext, company: CompanyInfo, journal: JournalKey, day: number, amount: number, label: string): void {
  if (amount === 0) return;
  const clearing = company.accounts[journal === 'shopify' ? 'clearing_shopify' : journal === 'stripe' ? 'clearing_stripe' : 'clearing_marketplace'];
  ctx.ledger.postAndRelease({
    company, journal, moveType: 'entry', day, partnerId: false, currency: company.currency, ref: label, createdAt: stampOf(day, 64_800),
    lines: [
      { account: company.accounts.fees, cur: amount, displayType: 'product', label },
      { account: clearing, cur: -amount, displayType: 'product', label },
    ],
  });
}

/**
 * A payout: money leaves the clearing account for the bank. It is the bank journal's entry (the line on
 * the bank statement), so the bank account is only ever moved by the bank journal and a payout can be
 * tied to its bank line.
 */
export function bookPayout(ctx: SalesContext, company: CompanyInfo, journal: JournalKey, day: number, amount: number, label: string): void {
  if (amount === 0) return;
  const clearing = company.accounts[journal === 'shopify' ? 'clearing_shopify' : journal === 'stripe' ? 'clearing_stripe' : 'clearing_marketplace'];
  ctx.ledger.postAndRelease({
    company, journal: 'bank', moveType: 'entry', day, partnerId: false, currency: company.currency, ref: label, createdAt: stampOf(day, 25_200),
    lines: [
      { account: company.accounts.bank, cur: amount, displayType: 'product', label },
      { account: clearing, cur: -amount, displayType: 'product', label },
    ],
  });
}

export function recordPlant(plants: Plants, channel: DiscrepancyChannel, file: string | null, order: ShopOrder | null, fields: { category: string; causes: string[]; odooAmount: number | null; shopAmount: number | null; note: string; odooOrder?: string | null; odooInvoice?: string | null; key?: string | null; day?: number; currency?: CurrencyCode; company?: CompanyInfo }): void {
  const shop = fields.shopAmount;
  const odoo = fields.odooAmount;
  plants.add({
    channel, file, shop_order: fields.key !== undefined ? fields.key : order?.key ?? null, odoo_order: fields.odooOrder ?? order?.odooOrder ?? null,
    odoo_invoice: fields.odooInvoice ?? order?.odooInvoice ?? null, company_id: (fields.company ?? order!.company).id,
    category: fields.category, causes: fields.causes, currency: fields.currency ?? order!.currency,
    shop_amount: shop, odoo_amount: odoo, difference: shop !== null && odoo !== null ? odoo - shop : null,
    note: fields.note, day: fields.day ?? order!.localDay,
  });
}

/** Picks `count` distinct indexes in [0, n). */
export function distinctIndexes(rng: Rng, n: number, count: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, n)) chosen.add(rng.int(0, n - 1));
  return [...chosen];
}
