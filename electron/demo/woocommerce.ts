/**
 * The WooCommerce trade shop of the GBP subsidiary, paid by Stripe (card) or bank transfer:
 * orders, Stripe balance transactions and payouts, the Odoo bookings with planted
 * discrepancies, and the monthly export files.
 */
import type { SalesContext, SaleLine } from './sales';
import { bookSale, bookCreditNote, taxOf, stampOf } from './sales';
import type { CompanyInfo } from './master-data';
import type { Catalog } from './catalog';
import { listPrice } from './stock';
import type { Rng } from './prng';
import type { MonthInfo } from './calendar';
import { localToUtcMs, localMinutes, utcMinutes, dateString, monthKeyOf } from './calendar';
import { toCompany } from './fx';
import type { ShopOrder, Plants } from './channel-common';
import { shopTotals, businessDayAfter, bookFees, bookPayout, recordPlant } from './channel-common';
import { toCsv, money, objectId, WOO_STYLE, STRIPE_STYLE } from './exports/csv';
import { WOO_ORDERS_HEADER, STRIPE_BALANCE_HEADER } from './exports/headers';
import type { Emitter } from './emitter';

const PLANT_ROTATION = [
  'MISSING_IN_ODOO', 'REFUND_NOT_BOOKED', 'PAYMENT_NOT_REGISTERED', 'MATCHED_KEY_NORMALIZED', 'LOCAL_2330_LAST_DAY',
  'CHARGEBACK_NOT_BOOKED', 'DUPLICATE_IN_ODOO', 'FOREIGN_CURRENCY',
] as const;
type Plant = (typeof PLANT_ROTATION)[number] | null;

interface StripeTxn {
  id: string; type: string; source: string; ms: number; amount: number; fee: number; description: string;
  facingAmount: string; facingCurrency: string; availableDay: number; orderId: string; email: string; payout: { id: string; day: number } | null;
}

const STORE = 'Brightline Trade';

/** A plain (unplanted) card order of the last month and Odoo's net total for it: it becomes a plant if its charge is still waiting for a payout. */
interface PlainCardOrder { order: ShopOrder; charge: StripeTxn; odooNet: number }

export class WooChannel {
  private nextNumber = 20_001;
  private readonly ordersByMonth = new Map<string, ShopOrder[]>();
  private readonly txnsByMonth = new Map<string, StripeTxn[]>();
  private pendingForPayout: StripeTxn[] = [];
  private readonly feesByMonth = new Map<string, number>();
  private readonly lastMonthPlain: PlainCardOrder[] = [];

  constructor(
    private readonly ctx: SalesContext,
    private readonly rng: Rng,
    private readonly company: CompanyInfo,
    private readonly catalog: Catalog,
    private readonly plants: Plants,
    private readonly out: Emitter,
  ) {}

  private id(prefix: string): string {
    return objectId(() => this.rng.next(), prefix);
  }

  runMonth(month: MonthInfo, monthIndex: number, volume: number, isLast: boolean): void {
    const planned: Plant[] = [];
    for (let k = 0; k < Math.min(2, Math.max(1, Math.floor(volume / 3))); k++) planned.push(PLANT_ROTATION[(monthIndex * 2 + k) % PLANT_ROTATION.length]!);
    for (let i = 0; i < Math.max(volume, planned.length); i++) this.order(month, i < planned.length ? planned[i]! : null, isLast);
    // Stripe bills its own fees (Radar etc.) once a month: a balance row without an order.
    const billingDay = month.firstDay + 1 <= this.ctx.endDay ? month.firstDay + 1 : null;
    if (billingDay !== null && monthIndex > 0) {
      const amount = 400 + this.rng.int(0, 600);
      const ms = billingDay * 86_400_000 + 3 * 3_600_000 + 120_000;
      this.pushTxn({ id: this.id('txn_'), type: 'stripe_fee', source: '', ms, amount: -amount, fee: 0, description: `Billing - Radar (${monthKeyOf(billingDay - 2)})`, facingAmount: '', facingCurrency: '', availableDay: billingDay, orderId: '', email: '', payout: null });
      recordPlant(this.plants, 'stripe', `stripe/balance_transactions_${month.key}.csv`, null, { category: 'UNMATCHED_FEE', causes: ['fee'], shopAmount: -amount, odooAmount: null, key: null, note: 'Stripe billing fee without order; not booked in Odoo', day: billingDay, currency: 'GBP', company: this.company });
    }
    bookFees(this.ctx, this.company, 'stripe', month.lastDay, this.feesByMonth.get(month.key) ?? 0, `Stripe fees ${month.key}`);
    this.runPayouts(month);
    if (isLast) this.plantPendingPayouts();
    this.writeFiles(month, isLast);
  }

  private order(month: MonthInfo, plant: Plant, isLast: boolean): void {
    const { rng, company, ctx } = this;
    const customer = rng.pick(this.catalog.shopCustomers);
    const eur = plant === 'FOREIGN_CURRENCY';
    const currency = eur ? 'EUR' : 'GBP';
    const taxBp = eur ? 0 : company.taxBp;
    // Planted orders of the last month stay clear of its final week, where charges still wait for a payout
    // (a finding of its own, planted separately for plain orders).
    let day = month.firstDay + rng.int(0, (isLast && plant !== null ? month.days - 7 : month.days) - 1);
    let second = rng.int(7 * 3600, 22 * 3600);
    if (plant === 'LOCAL_2330_LAST_DAY') { day = month.lastDay; second = 23 * 3600 + 30 * 60; }
    if (day > ctx.endDay) day = ctx.endDay;
    const ms = localToUtcMs(company.tz, day, second);
    const coupon = rng.chance(0.12) ? 'trade5' : '';
    const lines: SaleLine[] = [];
    for (let l = 0, n = rng.int(1, 3); l < n; l++) {
      const product = this.catalog.products[rng.cumulativeIndex(this.catalog.productWeights)]!;
      lines.push({ product, qty: rng.int(1, 10), price: listPrice(product, currency), discount: coupon ? 5 : 0 });
    }
    const shipping = rng.pick([695, 995, 1495]);
    const totals = shopTotals(lines, shipping, taxBp, (a) => taxOf(a, taxBp));
    const card = plant !== null || rng.chance(0.88);
    const rate6 = ctx.ledger.rates.rate6(company, currency, day);
    const settled = eur ? toCompany(totals.total, Math.round(rate6 * 1.01)) : totals.total;
    const fee = card ? Math.round(settled * 0.015) + 20 : 0;
    const number = String(this.nextNumber++);
    const paidDay = card ? day : businessDayAfter(day, rng.int(2, 20));
    const order: ShopOrder = {
      key: number, externalId: number, company, customer, createdMs: ms, localDay: day, currency, lines, gross: totals.gross, discount: totals.discount,
      subtotal: totals.subtotal, shipping, tax: totals.tax, total: totals.total, taxBp, discountCode: coupon, gateway: card ? 'Credit / Debit Card' : 'Direct bank transfer',
      refunded: 0, refundMs: null, cancelled: false, card, paidDay: paidDay <= ctx.endDay ? paidDay : null, fee, settled, odooOrder: null, odooInvoice: null,
    };
    const list = this.ordersByMonth.get(month.key) ?? [];
    list.push(order);
    this.ordersByMonth.set(month.key, list);
    const file = `woocommerce/orders_${month.key}.csv`;
    const charge = card ? this.pushTxn({
      id: this.id('txn_'), type: 'charge', source: this.id('ch_'), ms: ms + 5000, amount: settled, fee, description: `${STORE} - Order ${number}`,
      facingAmount: money(order.total), facingCurrency: currency.toLowerCase(), availableDay: businessDayAfter(day, 2), orderId: number, email: customer.email, payout: null,
    }) : null;

    const refundDay = day + rng.int(2, 10);
    const naturalRefund = plant === null && card && rng.chance(0.05) && refundDay <= ctx.endDay;
    if ((naturalRefund || plant === 'REFUND_NOT_BOOKED') && refundDay <= ctx.endDay) {
      const first = lines[0]!;
      const net = Math.round((first.qty * first.price * (100 - first.discount)) / 100);
      order.refunded = net + taxOf(net, taxBp);
      order.refundMs = localToUtcMs(company.tz, refundDay, 10 * 3600);
      this.pushTxn({ id: this.id('txn_'), type: 'refund', source: this.id('re_'), ms: order.refundMs, amount: -order.refunded, fee: 0, description: `REFUND FOR CHARGE (${STORE} - Order ${number})`, facingAmount: money(-order.refunded), facingCurrency: 'gbp', availableDay: refundDay, orderId: number, email: customer.email, payout: null });
    }
    const disputeDay = day + rng.int(5, 20);
    if (plant === 'CHARGEBACK_NOT_BOOKED' && disputeDay <= ctx.endDay && charge) {
      this.pushTxn({ id: this.id('txn_'), type: 'adjustment', source: this.id('du_'), ms: localToUtcMs(company.tz, disputeDay, 9 * 3600), amount: -order.total, fee: 1500, description: `Chargeback withdrawal for ${charge.source}`, facingAmount: '', facingCurrency: '', availableDay: disputeDay, orderId: number, email: customer.email, payout: null });
    }

    if (plant === 'MISSING_IN_ODOO') {
      recordPlant(this.plants, 'woocommerce', file, order, { category: plant, causes: ['missing_order'], shopAmount: order.total, odooAmount: null, note: 'Paid by card through Stripe; no sale order or invoice in Odoo' });
      return;
    }
    const ref = plant === 'MATCHED_KEY_NORMALIZED' ? `WC-${number}` : number;
    const book = () => bookSale(ctx, {
      company, team: 'web', partnerId: customer.id, userId: false, currency, orderMs: ms, lines, shipping, taxBp,
      clientOrderRef: ref, origin: ref, state: 'sale', invoice: { day, dueDay: day + (card ? 0 : 14), state: 'posted' }, warehouseIndex: 0,
    });
    const sale = book();
    order.odooOrder = sale.orderName;
    order.odooInvoice = String(sale.invoice!.move.name);
    const group = sale.group!;
    if (plant !== 'PAYMENT_NOT_REGISTERED' && order.paidDay !== null) {
      const when = order.paidDay;
      ctx.later(when, () => ctx.reconciler.pay(group, { day: when, journal: card ? 'stripe' : 'bank', amountCur: sale.total, currency, createdAt: stampOf(when, 50_500), memo: `WooCommerce ${number}` }));
    }
    if (naturalRefund) {
      const invoice = sale.invoice!;
      const first = lines[0]!;
      const net = Math.round((first.qty * first.price * (100 - first.discount)) / 100);
      ctx.later(refundDay, () => {
        const note = bookCreditNote(ctx, company, invoice, refundDay, net, taxBp, currency, 'web', `Refund ${number}`);
        const g = ctx.reconciler.open(note);
        ctx.reconciler.pay(g, { day: refundDay, journal: 'stripe', amountCur: net + taxOf(net, taxBp), currency, createdAt: stampOf(refundDay, 51_000), memo: `Refund ${number}` });
      });
    }
    const shopNet = order.total - order.refunded;
    const odooTotal = sale.total;
    if (isLast && plant === null && charge) this.lastMonthPlain.push({ order, charge, odooNet: odooTotal - (naturalRefund ? order.refunded : 0) });
    switch (plant) {
      case 'REFUND_NOT_BOOKED':
        recordPlant(this.plants, 'woocommerce', file, order, { category: plant, causes: ['refund'], shopAmount: shopNet, odooAmount: odooTotal, note: `Refunded ${money(order.refunded)} through Stripe; no credit note in Odoo` });
        break;
      case 'PAYMENT_NOT_REGISTERED':
        recordPlant(this.plants, 'woocommerce', file, order, { category: plant, causes: ['payment'], shopAmount: shopNet, odooAmount: odooTotal, note: 'Stripe paid it out; the Odoo invoice is still open (payment not registered)' });
        break;
      case 'MATCHED_KEY_NORMALIZED':
        recordPlant(this.plants, 'woocommerce', file, order, { category: plant, causes: ['key_format'], shopAmount: shopNet, odooAmount: odooTotal, note: `Odoo client_order_ref typed as ${ref}` });
        break;
      case 'LOCAL_2330_LAST_DAY':
        recordPlant(this.plants, 'woocommerce', file, order, { category: 'MATCHED', causes: ['timing_timezone'], shopAmount: shopNet, odooAmount: odooTotal, note: `Timezone trap: Order Date ${localMinutes(company.tz, ms)} is site-local (Europe/London, no offset) and belongs to ${month.key}; Stripe Created (UTC) ${utcMinutes(ms + 5000)}; reading the Woo date as UTC and converting shifts it across month-end` });
        break;
      case 'CHARGEBACK_NOT_BOOKED':
        if (disputeDay <= ctx.endDay) recordPlant(this.plants, 'stripe', `stripe/balance_transactions_${monthKeyOf(disputeDay)}.csv`, order, { category: plant, causes: ['chargeback', 'fee'], shopAmount: shopNet, odooAmount: odooTotal, note: `Stripe dispute on ${dateString(disputeDay)} withdrew ${money(order.total)} plus a 15.00 fee; Odoo still shows the sale as paid` });
        break;
      case 'DUPLICATE_IN_ODOO': {
        const dup = book();
        recordPlant(this.plants, 'woocommerce', file, order, { category: plant, causes: ['duplicate'], shopAmount: shopNet, odooAmount: odooTotal + dup.total, odooOrder: `${sale.orderName};${dup.orderName}`, odooInvoice: `${order.odooInvoice};${String(dup.invoice!.move.name)}`, note: 'Imported twice: two sale orders and invoices carry the same order number; the second is unpaid' });
        break;
      }
      case 'FOREIGN_CURRENCY': {
        const odooGbp = toCompany(order.total, rate6);
        recordPlant(this.plants, 'woocommerce', file, order, { category: 'MATCHED_FX_DIFFERENCE', causes: ['currency'], shopAmount: shopNet, odooAmount: odooTotal, note: `EUR order settled by Stripe in GBP: ${money(settled)} vs Odoo ${money(odooGbp)} -> ${money(settled - odooGbp)} FX` });
        break;
      }
      default:
        if (!card) {
          recordPlant(this.plants, 'woocommerce', file, order, order.paidDay === null
            ? { category: 'OPEN_EXPECTED', causes: ['other_gateway'], shopAmount: shopNet, odooAmount: odooTotal, note: 'On hold awaiting bank transfer; Odoo invoice open' }
            : { category: 'MATCHED_OTHER_GATEWAY', causes: ['other_gateway'], shopAmount: shopNet, odooAmount: odooTotal, note: `Direct bank transfer received ${dateString(order.paidDay)}; not in Stripe` });
        }
    }
  }

  /** Plain card orders whose charge no payout has taken by the end of the history (Stripe shows no transfer yet). */
  private plantPendingPayouts(): void {
    for (const { order, charge, odooNet } of this.lastMonthPlain) {
      if (charge.payout !== null) continue;
      recordPlant(this.plants, 'woocommerce', `woocommerce/orders_${monthKeyOf(order.localDay)}.csv`, order, {
        category: 'MATCHED_PAYOUT_PENDING', causes: ['payout_pending'], shopAmount: order.total - order.refunded, odooAmount: odooNet,
        note: `Charged ${dateString(order.localDay)}; available ${dateString(charge.availableDay)}, not yet in a Stripe payout`,
      });
    }
  }

  private pushTxn(txn: StripeTxn): StripeTxn {
    const key = dateString(Math.floor(txn.ms / 86_400_000)).slice(0, 7);
    const list = this.txnsByMonth.get(key) ?? [];
    list.push(txn);
    this.txnsByMonth.set(key, list);
    if (txn.type !== 'payout') this.pendingForPayout.push(txn);
    if (txn.type === 'charge' && txn.fee) this.feesByMonth.set(key, (this.feesByMonth.get(key) ?? 0) + txn.fee);
    return txn;
  }

  /** Automatic payouts every business day of everything available, once the balance is positive. */
  private runPayouts(month: MonthInfo): void {
    for (let day = month.firstDay; day <= Math.min(month.lastDay, this.ctx.endDay); day++) {
      if (day !== businessDayAfter(day, 0)) continue;
      const available = this.pendingForPayout.filter((t) => t.availableDay <= day);
      const total = available.reduce((s, t) => s + t.amount - t.fee, 0);
      if (available.length === 0 || total <= 0) continue;
      const payout = { id: this.id('po_'), day };
      for (const t of available) t.payout = payout;
      this.pendingForPayout = this.pendingForPayout.filter((t) => t.availableDay > day);
      this.pushTxn({ id: this.id('txn_'), type: 'payout', source: payout.id, ms: day * 86_400_000 + 6 * 3_600_000 + 1_800_000, amount: -total, fee: 0, description: 'STRIPE PAYOUT', facingAmount: '', facingCurrency: '', availableDay: Number.POSITIVE_INFINITY, orderId: '', email: '', payout: null });
      bookPayout(this.ctx, this.company, 'stripe', day, total, `Stripe payout ${payout.id}`);
    }
  }

  private wooRows(o: ShopOrder): string[][] {
    const [first, ...rest] = o.customer.name.split(' ');
    const status = o.refunded >= o.total ? 'Refunded' : o.paidDay === null ? 'On hold' : o.card ? 'Completed' : 'Processing';
    const refundQty = o.refunded > 0 ? o.lines[0]!.qty : 0;
    return o.lines.map((l, i) => [
      o.key, status, localMinutes(this.company.tz, o.createdMs), '', first ?? '', rest.join(' '), o.customer.name, 'Unit 4 Trafford Park', 'Manchester', '', 'M17 1AB', 'GB',
      o.customer.email, '+44 161 555 0100', first ?? '', rest.join(' '), 'Unit 4 Trafford Park', 'Manchester', '', 'M17 1AB', 'GB', String(i + 1), l.product.sku,
      l.product.name, String(i === 0 ? l.qty - refundQty : l.qty), money(l.price), o.discountCode, o.discountCode ? money(l.qty * l.price - Math.round((l.qty * l.price * 95) / 100)) : '', '',
      o.gateway, money(o.discount), money(o.gross), 'DPD Next Day', money(o.shipping), money(o.refunded), money(o.total), money(o.tax),
    ]);
  }

  private writeFiles(month: MonthInfo, isLast: boolean): void {
    const ready = isLast ? [...this.ordersByMonth.keys()] : [...this.ordersByMonth.keys()].filter((k) => k < month.key);
    for (const key of ready) {
      const rows = this.ordersByMonth.get(key)!.sort((a, b) => Number(b.key) - Number(a.key)).flatMap((o) => this.wooRows(o));
      this.out.exportFile(`woocommerce/orders_${key}.csv`, toCsv(WOO_ORDERS_HEADER, rows, WOO_STYLE), rows.length);
      this.ordersByMonth.delete(key);
    }
    const txnKeys = isLast ? [...this.txnsByMonth.keys()].filter((k) => k <= month.key) : [...this.txnsByMonth.keys()].filter((k) => k < month.key);
    for (const key of txnKeys.sort()) {
      const rows = this.txnsByMonth.get(key)!.sort((a, b) => b.ms - a.ms).map((t) => [
        t.id, t.type, t.source, money(t.amount), money(t.fee), money(t.amount - t.fee), this.company.currency.toLowerCase(), utcMinutes(t.ms),
        t.type === 'payout' ? utcMinutes(t.ms) : `${dateString(t.availableDay)} 00:00`, t.description, t.facingAmount, t.facingCurrency,
        t.payout ? t.payout.id : '', t.payout ? `${dateString(t.payout.day)} 00:00` : '', '', t.orderId, t.email,
      ]);
      this.out.exportFile(`stripe/balance_transactions_${key}.csv`, toCsv(STRIPE_BALANCE_HEADER, rows, STRIPE_STYLE), rows.length);
      this.txnsByMonth.delete(key);
    }
  }
}
