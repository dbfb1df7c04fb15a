/**
 * Sale orders and their customer invoices (with COGS and deliveries): the Odoo side of
 * every channel. What the shop exported is decided by the channel modules; this file books
 * what Odoo holds, which is where planted discrepancies live.
 */
import type { Ledger, HeldMove, LineSpec } from './ledger';
import type { Reconciler } from './reconcile';
import type { StockBook } from './stock';
import { unitCost } from './stock';
import type { CompanyInfo, CurrencyCode } from './master-data';
import { CURRENCY_IDS, LOCATIONS, TEAM_IDS, TEAM_NAMES } from './master-data';
import type { Product } from './catalog';
import type { IdAllocator, Emitter } from './emitter';
import type { KeyAccumulator } from './answer-key';
import { dateString, localDay, odooDatetime } from './calendar';
import type { ReconcileGroup } from './ledger';

export type TeamKey = keyof typeof TEAM_IDS;

export interface SaleLine {
  product: Product;
  qty: number;
  /** Unit price in document cents, excluding tax. */
  price: number;
  /** Discount in percent (Odoo `discount`). */
  discount: number;
}

export interface InvoicePlan {
  day: number;
  dueDay: number;
  state: 'posted' | 'draft' | 'cancel';
  /** Intercompany: revenue goes to the intercompany sales account. */
  intercompany?: boolean;
}

export interface SalePlan {
  company: CompanyInfo;
  team: TeamKey | null;
  partnerId: number;
  userId: number | false;
  currency: CurrencyCode;
  orderMs: number;
  lines: SaleLine[];
  /** Shipping charged in Odoo (document cents, excl. tax); 0 = no delivery line. */
  shipping: number;
  taxBp: number;
  clientOrderRef: string | false;
  origin: string | false;
  state: 'sale' | 'draft' | 'sent' | 'cancel';
  invoice: InvoicePlan | null;
  warehouseIndex: number;
  /** Delivery destination: customers, or the transit location for intercompany. */
  destination?: number;
}

export interface BookedSale {
  orderName: string;
  orderId: number;
  untaxed: number;
  tax: number;
  total: number;
  invoice: HeldMove | null;
  group: ReconcileGroup | null;
}

export interface SalesContext {
  ids: IdAllocator;
  out: Emitter;
  ledger: Ledger;
  reconciler: Reconciler;
  stock: StockBook;
  key: KeyAccumulator;
  monthOf: (day: number) => number;
  shippingProductId: number;
  /** Last day of the history; nothing is dated after it. */
  endDay: number;
  /** Runs `action` when the generator reaches `day` (dropped if after the history), so month-end figures see only the past. */
  later(day: number, action: () => void): void;
}

export function lineSubtotal(line: SaleLine): number {
  return Math.round((line.qty * line.price * (100 - line.discount)) / 100);
}

export function taxOf(amount: number, taxBp: number): number {
  return Math.round((amount * taxBp) / 10_000);
}

/** Stamp for create/write dates: the business moment of a day, in UTC. */
export function stampOf(day: number, seconds = 32_400): string {
  return odooDatetime(day * 86_400_000 + seconds * 1000);
}

export function bookSale(ctx: SalesContext, plan: SalePlan): BookedSale {
  const { company } = plan;
  const orderId = ctx.ids.take('sale.order');
  const orderName = `S${String(orderId).padStart(5, '0')}`;
  const dateOrder = odooDatetime(plan.orderMs);
  const orderDay = localDay(company.tz, plan.orderMs);
  const currencyId = CURRENCY_IDS[plan.currency];
  const teamId = plan.team ? TEAM_IDS[plan.team] : false;
  const teamName = plan.team ? TEAM_NAMES[plan.team] : null;
  const invoice = plan.invoice;
  const invoiced = invoice !== null && invoice.state !== 'cancel' && plan.state === 'sale';
  const stamp = dateOrder;
  const warehouseId = company.warehouseIds[plan.warehouseIndex]!;
  const stockLocation = company.stockLocationIds[plan.warehouseIndex]!;

  let untaxed = 0;
  let tax = 0;
  const lineIds: number[] = [];
  const soLines = [...plan.lines.map((l) => ({ ...l, shipping: false })), ...(plan.shipping > 0 ? [{ product: null, qty: 1, price: plan.shipping, discount: 0, shipping: true }] : [])];
  const lineRecords = soLines.map((l, i) => {
    const id = ctx.ids.take('sale.order.line');
    lineIds.push(id);
    const subtotal = Math.round((l.qty * l.price * (100 - l.discount)) / 100);
    const lineTax = taxOf(subtotal, plan.taxBp);
    untaxed += subtotal;
    tax += lineTax;
    const productId = l.product ? l.product.id : ctx.shippingProductId;
    return {
      id, order_id: orderId, sequence: 10 + i, display_type: false, product_id: productId,
      name: l.product ? `[${l.product.sku}] ${l.product.name}` : 'Shipping', product_uom_qty: l.qty, product_uom_id: 1,
      qty_delivered: invoiced && !l.shipping ? l.qty : 0, qty_invoiced: invoiced ? l.qty : 0, qty_to_invoice: plan.state === 'sale' && !invoiced ? l.qty : 0,
      price_unit: l.price / 100, discount: l.discount, price_subtotal: subtotal / 100, price_tax: lineTax / 100, price_total: (subtotal + lineTax) / 100,
      currency_id: currencyId, state: plan.state, invoice_status: plan.state !== 'sale' ? 'no' : invoiced ? 'invoiced' : 'to invoice',
      company_id: company.id, order_partner_id: plan.partnerId, salesman_id: plan.userId, create_date: stamp, write_date: stamp,
    };
  });
  ctx.out.emit('sale.order', {
    id: orderId, name: orderName, display_name: orderName, state: plan.state, locked: false, partner_id: plan.partnerId,
    partner_invoice_id: plan.partnerId, partner_shipping_id: plan.partnerId, date_order: dateOrder,
    validity_date: dateString(orderDay + 30), client_order_ref: plan.clientOrderRef, origin: plan.origin, company_id: company.id,
    team_id: teamId, user_id: plan.userId, currency_id: currencyId, pricelist_id: false,
    amount_untaxed: untaxed / 100, amount_tax: tax / 100, amount_total: (untaxed + tax) / 100,
    invoice_status: plan.state !== 'sale' ? 'no' : invoiced ? 'invoiced' : 'to invoice', order_line: lineIds,
    create_date: stamp, write_date: stamp,
  });
  for (const line of lineRecords) ctx.out.emit('sale.order.line', line);
  // A confirmed order without a sales team (intercompany) is still an order: it counts under 'No channel', as its revenue does.
  if (plan.state === 'sale' && orderDay <= ctx.endDay) ctx.key.countOrder(company.index, ctx.monthOf(orderDay), plan.team ? TEAM_NAMES[plan.team] : 'No channel');

  let held: HeldMove | null = null;
  let group: ReconcileGroup | null = null;
  if (invoice && plan.state === 'sale') {
    const invStamp = stampOf(invoice.day, 36_000 + (orderId % 3600));
    const revenueAccount = invoice.intercompany ? company.accounts.ic_sales : company.accounts.sales;
    const specs: LineSpec[] = [];
    soLines.forEach((l, i) => {
      const subtotal = Math.round((l.qty * l.price * (100 - l.discount)) / 100);
      specs.push({
        account: l.shipping ? company.accounts.shipping_income : revenueAccount, cur: -subtotal, displayType: 'product',
        productId: l.product ? l.product.id : ctx.shippingProductId, quantity: l.qty, priceUnit: l.price / 100, discount: l.discount,
        subtotal, total: subtotal + taxOf(subtotal, plan.taxBp), label: lineRecords[i]!.name,
      });
    });
    if (tax > 0) specs.push({ account: company.accounts.vat_out, cur: -tax, displayType: 'tax', label: `VAT ${plan.taxBp / 100}%` });
    const rate6 = ctx.ledger.rates.rate6(company, plan.currency, invoice.day);
    for (const l of plan.lines) {
      const cost = unitCost(company, l.product) * l.qty;
      const cur = Math.round((cost * rate6) / 1_000_000);
      specs.push({ account: company.accounts.cogs, cur, bal: cost, displayType: 'cogs', productId: l.product.id, quantity: l.qty, label: l.product.name });
      specs.push({ account: company.accounts.stock, cur: -cur, bal: -cost, displayType: 'cogs', productId: l.product.id, quantity: l.qty, label: l.product.name });
    }
    specs.push({ account: company.accounts.receivable, cur: untaxed + tax, displayType: 'payment_term', balancing: true, maturity: invoice.dueDay, label: plan.clientOrderRef || orderName });
    held = ctx.ledger.post({
      company, journal: 'sale', moveType: 'out_invoice', day: invoice.day, invoiceDay: invoice.day, dueDay: invoice.dueDay,
      partnerId: plan.partnerId, currency: plan.currency, ref: plan.clientOrderRef, origin: orderName, paymentReference: orderName,
      teamId, teamName, userId: plan.userId, state: invoice.state, createdAt: invStamp, lines: specs,
    });
    if (invoice.state === 'posted') group = ctx.reconciler.open(held);
    else ctx.ledger.release(held);
  }

  if (plan.state === 'sale') {
    const done = invoice !== null && invoice.state === 'posted';
    const moveDate = done ? stampOf(invoice.day, 28_800) : dateOrder;
    for (const l of plan.lines) {
      ctx.stock.move({
        company, product: l.product, qty: l.qty, from: stockLocation, to: plan.destination ?? LOCATIONS.customers, date: moveDate,
        state: done ? 'done' : 'assigned', reference: `${company.name.split(' ')[0]!.slice(0, 2).toUpperCase()}/OUT/${orderId}`,
        origin: orderName, warehouseId, stamp: moveDate,
      });
    }
  }
  return { orderName, orderId, untaxed, tax, total: untaxed + tax, invoice: held, group };
}

/** A credit note for part of a posted invoice (price-only: goods are not returned). */
export function bookCreditNote(ctx: SalesContext, company: CompanyInfo, invoice: HeldMove, day: number, amountUntaxed: number, taxBp: number, currency: CurrencyCode, teamKey: TeamKey | null, reason: string): HeldMove {
  const tax = taxOf(amountUntaxed, taxBp);
  const lines: LineSpec[] = [
    { account: company.accounts.sales, cur: amountUntaxed, displayType: 'product', quantity: 1, priceUnit: amountUntaxed / 100, subtotal: amountUntaxed, total: amountUntaxed + tax, label: reason },
  ];
  if (tax > 0) lines.push({ account: company.accounts.vat_out, cur: tax, displayType: 'tax', label: `VAT ${taxBp / 100}%` });
  lines.push({ account: company.accounts.receivable, cur: -(amountUntaxed + tax), displayType: 'payment_term', balancing: true, maturity: day, label: reason });
  return ctx.ledger.post({
    company, journal: 'sale', moveType: 'out_refund', day, invoiceDay: day, dueDay: day, partnerId: invoice.move.partner_id as number,
    currency, ref: `Reversal of: ${String(invoice.move.name)}, ${reason}`, origin: invoice.move.invoice_origin as string | false,
    teamId: teamKey ? TEAM_IDS[teamKey] : false, teamName: teamKey ? TEAM_NAMES[teamKey] : null, createdAt: stampOf(day, 39_600),
    reversedEntryId: invoice.move.id, lines,
  });
}
