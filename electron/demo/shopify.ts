/**
 * The B2B Shopify store of the EUR parent: orders (mostly EUR, some GBP presentment),
 * Shopify Payments charges/refunds/payouts, the Odoo bookings with planted discrepancies,
 * and the monthly export files (orders, payment transactions, payouts).
 */
import type { SalesContext, SaleLine } from './sales';
import { bookSale, bookCreditNote, taxOf, stampOf } from './sales';
import type { CompanyInfo } from './master-data';
import type { Catalog } from './catalog';
import { listPrice } from './stock';
import type { Rng } from './prng';
import type { MonthInfo } from './calendar';
import { localToUtcMs, localDay, localWithOffset, dateString, monthKeyOf } from './calendar';
import { toCompany } from './fx';
import type { ShopOrder, Plants } from './channel-common';
import { shopTotals, businessDayAfter, bookFees, bookPayout, recordPlant } from './channel-common';
import { toCsv, money, objectId, SHOPIFY_STYLE } from './exports/csv';
import { SHOPIFY_ORDERS_HEADER, SHOPIFY_TRANSACTIONS_HEADER, SHOPIFY_PAYOUTS_HEADER } from './exports/headers';
import type { Emitter } from './emitter';

const PLANT_ROTATION = [
  'MISSING_IN_ODOO', 'AMOUNT_MISMATCH_SHIPPING', 'AMOUNT_MISMATCH_DISCOUNT', 'REFUND_NOT_BOOKED', 'AMOUNT_MISMATCH_TAX',
  'MATCHED_TIMING_MONTH_END', 'TIMEZONE_MONTH_BOUNDARY', 'CANCELLED_FEE_ONLY', 'DUPLICATE_IN_ODOO', 'MISSING_IN_SHOP',
] as const;
type Plant = (typeof PLANT_ROTATION)[number] | null;

interface Txn { ms: number; type: 'charge' | 'refund'; order: ShopOrder; amount: number; fee: number; presentment: number; payoutDay: number; checkout: string }
/** A plain (unplanted) card order of the last month and Odoo's net total for it: it becomes a plant if its charge is still waiting for a payout. */
interface PlainCardOrder { order: ShopOrder; odooNet: number }
interface Payout { charges: number; refunds: number; fees: number }

const CITIES = [['Hamburg', "'20095"], ['Berlin', "'10115"], ['Köln', "'50667"], ['Stuttgart', "'70173"], ['Leipzig', "'04109"]] as const;

export class ShopifyChannel {
  private nextNumber = 1001;
  private nextId = 7_312_450_011_001;
  private readonly ordersByMonth = new Map<string, ShopOrder[]>();
  private readonly txnsByMonth = new Map<string, Txn[]>();
  private readonly payouts = new Map<number, Payout>();
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

  private file(kind: string, month: string): string {
    return `shopify/${kind}_${month}.csv`;
  }

  runMonth(month: MonthInfo, monthIndex: number, volume: number, isLast: boolean): void {
    const planned: Plant[] = [];
    for (let k = 0; k < Math.min(3, Math.max(1, Math.floor(volume / 3))); k++) planned.push(PLANT_ROTATION[(monthIndex * 3 + k) % PLANT_ROTATION.length]!);
    const count = Math.max(volume, planned.length);
    for (let i = 0; i < count; i++) {
      let plant: Plant = i < planned.length ? planned[i]! : null;
      if (plant === 'MATCHED_TIMING_MONTH_END' && isLast) plant = null;
      if (plant === 'TIMEZONE_MONTH_BOUNDARY' && monthIndex === 0) plant = null;
      this.order(month, plant, isLast);
    }
    // Fees for the month's charges, booked in Odoo at month-end; payouts that happened this month.
    bookFees(this.ctx, this.company, 'shopify', month.lastDay, this.feesByMonth.get(month.key) ?? 0, `Shopify Payments fees ${month.key}`);
    for (let day = month.firstDay; day <= month.lastDay; day++) {
      const payout = this.payouts.get(day);
      if (payout) bookPayout(this.ctx, this.company, 'shopify', day, payout.charges + payout.refunds - payout.fees, `Shopify payout ${dateString(day)}`);
    }
    this.writeMonthFiles(month, isLast);
  }

  private order(month: MonthInfo, plant: Plant, isLast: boolean): void {
    const { rng, company, ctx } = this;
    const customer = rng.pick(this.catalog.shopCustomers);
    const gbp = plant === null && rng.chance(0.07);
    const currency = gbp ? 'GBP' : 'EUR';
    const taxBp = gbp ? 0 : company.taxBp;
    // The order missing in the shop sits in the month's first week, so exported orders after it show the
    // export covers its date. Planted and FX orders of the last month stay clear of its final week, where
    // charges still wait for a payout (a finding of its own, planted separately for plain orders).
    const span = plant === 'MISSING_IN_SHOP' ? 7 : isLast && (plant !== null || gbp) ? month.days - 7 : month.days;
    let day = month.firstDay + rng.int(0, span - 1);
    let second = rng.int(7 * 3600, 21 * 3600);
    if (plant === 'MATCHED_TIMING_MONTH_END') { day = month.lastDay; second = 15 * 3600 + rng.int(0, 3000); }
    if (plant === 'TIMEZONE_MONTH_BOUNDARY') { day = month.firstDay; second = 30 * 60 + rng.int(0, 59); }
    if (day > ctx.endDay) day = ctx.endDay;
    const ms = localToUtcMs(company.tz, day, second);
    const lines: SaleLine[] = [];
    const code = plant === 'AMOUNT_MISMATCH_DISCOUNT' ? 'BULK10' : rng.chance(0.15) ? rng.pick(['TRADE5', 'BULK10']) : '';
    const pct = code === 'BULK10' ? 10 : code === 'TRADE5' ? 5 : 0;
    const lineCount = rng.int(1, 3);
    for (let l = 0; l < lineCount; l++) {
      const product = this.catalog.products[rng.cumulativeIndex(this.catalog.productWeights)]!;
      lines.push({ product, qty: rng.int(1, 8), price: listPrice(product, currency), discount: pct });
    }
    const netGoods = lines.reduce((s, l) => s + Math.round((l.qty * l.price * (100 - l.discount)) / 100), 0);
    const shipping = plant === 'AMOUNT_MISMATCH_SHIPPING' ? 1490 : gbp ? 1200 : netGoods >= 50_000 ? 0 : rng.pick([990, 1490]);
    const totals = shopTotals(lines, shipping, taxBp, (a) => taxOf(a, taxBp));
    const roll = rng.next();
    // GBP orders settle through Shopify Payments: the payout's EUR amount is what makes their FX difference visible in the files.
    const card = plant !== null || gbp || roll < 0.85;
    const gateway = card ? 'Shopify Payments' : roll < 0.95 ? 'Bank Deposit' : 'manual';
    const rate6 = ctx.ledger.rates.rate6(company, currency, day);
    const settled = gbp ? toCompany(totals.total, Math.round(rate6 * 1.012)) : totals.total;
    const fee = card ? Math.round(settled * (gbp ? 0.0325 : 0.019)) + 25 : 0;
    const number = this.nextNumber++;
    const order: ShopOrder = {
      key: `#${number}`, externalId: String(this.nextId++), company, customer, createdMs: ms, localDay: localDay(company.tz, ms), currency, lines,
      gross: totals.gross, discount: totals.discount, subtotal: totals.subtotal, shipping, tax: totals.tax, total: totals.total, taxBp,
      discountCode: code, gateway, refunded: 0, refundMs: null, cancelled: plant === 'CANCELLED_FEE_ONLY', card,
      paidDay: card ? day : businessDayAfter(day, rng.int(3, 35)), fee, settled, odooOrder: null, odooInvoice: null,
    };
    if (order.paidDay !== null && order.paidDay > ctx.endDay) order.paidDay = null;
    const file = this.file('orders_export', month.key);

    if (plant !== 'MISSING_IN_SHOP') this.pushOrder(month.key, order);
    if (card) this.charge(order, ms, day);

    const naturalRefund = plant === null && card && !gbp && rng.chance(0.04);
    const refundDay = day + rng.int(2, 12);
    const refund = (naturalRefund || plant === 'REFUND_NOT_BOOKED' || plant === 'CANCELLED_FEE_ONLY') && refundDay <= ctx.endDay;
    if (plant === 'CANCELLED_FEE_ONLY') {
      order.refunded = order.total;
      order.refundMs = ms + 3 * 3_600_000;
    } else if (refund) {
      const first = lines[0]!;
      const refundNet = Math.round((first.qty * first.price * (100 - first.discount)) / 100);
      order.refunded = plant === 'REFUND_NOT_BOOKED' && rng.chance(0.5) ? order.total : refundNet + taxOf(refundNet, taxBp);
      order.refundMs = localToUtcMs(company.tz, refundDay, 11 * 3600);
    }
    if (order.refundMs !== null) this.refundTxn(order);

    if (plant === 'MISSING_IN_ODOO') {
      recordPlant(this.plants, 'shopify', file, order, { category: plant, causes: ['missing_order'], shopAmount: order.total, odooAmount: null, note: 'Paid in Shopify and in the payout, no sale order or invoice in Odoo' });
      return;
    }
    // What Odoo holds: the connector's version of the order.
    let odooLines = lines;
    let odooShipping = shipping;
    if (plant === 'AMOUNT_MISMATCH_SHIPPING') odooShipping = 0;
    if (plant === 'AMOUNT_MISMATCH_DISCOUNT') odooLines = lines.map((l) => ({ ...l, discount: 0 }));
    if (plant === 'AMOUNT_MISMATCH_TAX') {
      // Imported as tax-included prices: Odoo backs the tax out of the shop's net prices.
      odooLines = lines.map((l) => ({ ...l, price: Math.round((l.price * 10_000) / (10_000 + taxBp)) }));
      odooShipping = Math.round((shipping * 10_000) / (10_000 + taxBp));
    }
    const invoiceDay = plant === 'MATCHED_TIMING_MONTH_END' ? businessDayAfter(day, 1) : order.localDay;
    const cancelled = plant === 'CANCELLED_FEE_ONLY';
    const book = () => bookSale(ctx, {
      company, team: 'web', partnerId: customer.id, userId: false, currency, orderMs: ms, lines: odooLines, shipping: odooShipping, taxBp,
      clientOrderRef: order.key, origin: order.key, state: cancelled ? 'cancel' : 'sale',
      invoice: cancelled ? null : { day: invoiceDay, dueDay: invoiceDay + (gateway === 'manual' ? 30 : 0), state: 'posted' },
      warehouseIndex: 0,
    });
    const sale = book();
    order.odooOrder = sale.orderName;
    order.odooInvoice = sale.invoice ? String(sale.invoice.move.name) : null;
    if (sale.group) {
      const payDay = card ? invoiceDay : order.paidDay;
      const group = sale.group;
      if (payDay !== null) {
        const when = Math.max(payDay, invoiceDay);
        ctx.later(when, () => ctx.reconciler.pay(group, { day: when, journal: card ? 'shopify' : 'bank', amountCur: sale.total, currency, createdAt: stampOf(when, 50_000), memo: `${order.key} ${sale.orderName}` }));
      }
    }
    if (naturalRefund && refund && sale.invoice) {
      const first = lines[0]!;
      const refundNet = Math.round((first.qty * first.price * (100 - first.discount)) / 100);
      const invoice = sale.invoice;
      ctx.later(refundDay, () => {
        const note = bookCreditNote(ctx, company, invoice, refundDay, refundNet, taxBp, currency, 'web', `Refund ${order.key}`);
        const group = ctx.reconciler.open(note);
        ctx.reconciler.pay(group, { day: refundDay, journal: 'shopify', amountCur: refundNet + taxOf(refundNet, taxBp), currency, createdAt: stampOf(refundDay, 52_000), memo: `Refund ${order.key}` });
      });
    }
    const odooTotal = sale.total;
    const shopNet = order.total - order.refunded;
    if (isLast && plant === null && !gbp && card && sale.invoice) this.lastMonthPlain.push({ order, odooNet: odooTotal - (naturalRefund && refund ? order.refunded : 0) });
    switch (plant) {
      case 'AMOUNT_MISMATCH_SHIPPING':
        recordPlant(this.plants, 'shopify', file, order, { category: plant, causes: ['shipping_revenue'], shopAmount: shopNet, odooAmount: odooTotal, note: `Odoo lacks the ${money(shipping)} shipping line (plus its tax)` });
        break;
      case 'AMOUNT_MISMATCH_DISCOUNT':
        recordPlant(this.plants, 'shopify', file, order, { category: plant, causes: ['discount'], shopAmount: shopNet, odooAmount: odooTotal, note: `Discount code ${code} (${money(order.discount)} before tax) not applied in Odoo` });
        break;
      case 'AMOUNT_MISMATCH_TAX':
        recordPlant(this.plants, 'shopify', file, order, { category: plant, causes: ['tax_inclusive'], shopAmount: shopNet, odooAmount: odooTotal, note: 'Shop prices exclude VAT; Odoo imported them as tax-included' });
        break;
      case 'REFUND_NOT_BOOKED':
        recordPlant(this.plants, 'shopify', file, order, { category: plant, causes: ['refund'], shopAmount: shopNet, odooAmount: odooTotal, note: `Refunded ${money(order.refunded)} in Shopify and in the payout, no credit note in Odoo` });
        break;
      case 'MATCHED_TIMING_MONTH_END':
        recordPlant(this.plants, 'shopify', file, order, { category: plant, causes: ['timing'], shopAmount: shopNet, odooAmount: odooTotal, note: `Order ${dateString(order.localDay)}, Odoo invoice ${dateString(invoiceDay)}` });
        break;
      case 'TIMEZONE_MONTH_BOUNDARY':
        recordPlant(this.plants, 'shopify', file, order, { category: plant, causes: ['timing_timezone'], shopAmount: shopNet, odooAmount: odooTotal, note: `Local ${localWithOffset(company.tz, ms)}; Odoo date_order (UTC) is in the previous month` });
        break;
      case 'CANCELLED_FEE_ONLY':
        recordPlant(this.plants, 'shopify', file, order, { category: plant, causes: ['fee'], shopAmount: 0, odooAmount: 0, note: `Charged and refunded ${money(order.total)}; Odoo order cancelled; Shopify kept the ${money(fee)} fee` });
        break;
      case 'DUPLICATE_IN_ODOO': {
        const dup = book();
        recordPlant(this.plants, 'shopify', file, order, { category: plant, causes: ['duplicate'], shopAmount: shopNet, odooAmount: odooTotal + dup.total, odooOrder: `${sale.orderName};${dup.orderName}`, odooInvoice: `${order.odooInvoice};${String(dup.invoice!.move.name)}`, note: 'Two sale orders and invoices carry the same shop order number; the second is unpaid' });
        break;
      }
      case 'MISSING_IN_SHOP':
        recordPlant(this.plants, 'odoo', null, order, { category: plant, causes: ['missing_order'], shopAmount: null, odooAmount: odooTotal, note: `Odoo references ${order.key}, which is not in any Shopify export` });
        break;
      default:
        if (gbp) {
          const odooEur = toCompany(order.total, rate6);
          recordPlant(this.plants, 'shopify', file, order, { category: 'MATCHED_FX_DIFFERENCE', causes: ['currency'], shopAmount: shopNet, odooAmount: odooTotal, note: `Same in GBP; EUR payout ${money(settled)} vs Odoo ${money(odooEur)} -> ${money(settled - odooEur)} FX` });
        } else if (!card) {
          recordPlant(this.plants, 'shopify', file, order, order.paidDay === null
            ? { category: 'OPEN_EXPECTED', causes: ['other_gateway'], shopAmount: shopNet, odooAmount: odooTotal, note: `${gateway} order, not paid yet; invoice open in Odoo` }
            : { category: 'MATCHED_OTHER_GATEWAY', causes: ['other_gateway'], shopAmount: shopNet, odooAmount: odooTotal, note: `Paid by ${gateway} on ${dateString(order.paidDay)}; not in Shopify Payments payouts` });
        }
    }
  }

  private pushOrder(month: string, order: ShopOrder): void {
    const list = this.ordersByMonth.get(month) ?? [];
    list.push(order);
    this.ordersByMonth.set(month, list);
  }

  private pushTxn(txn: Txn): void {
    const month = dateString(localDay(this.company.tz, txn.ms)).slice(0, 7);
    const list = this.txnsByMonth.get(month) ?? [];
    list.push(txn);
    this.txnsByMonth.set(month, list);
    const payout = this.payouts.get(txn.payoutDay) ?? { charges: 0, refunds: 0, fees: 0 };
    if (txn.type === 'charge') payout.charges += txn.amount; else payout.refunds += txn.amount;
    payout.fees += txn.fee;
    this.payouts.set(txn.payoutDay, payout);
    if (txn.fee) this.feesByMonth.set(month, (this.feesByMonth.get(month) ?? 0) + txn.fee);
  }

  private charge(order: ShopOrder, ms: number, day: number): void {
    const checkout = `#${41_873_300_000_000 + Math.floor(this.rng.next() * 999_999)}`;
    this.pushTxn({ ms: ms + 4000, type: 'charge', order, amount: order.settled, fee: order.fee, presentment: order.total, payoutDay: businessDayAfter(day, 2), checkout });
  }

  private refundTxn(order: ShopOrder): void {
    const day = localDay(this.company.tz, order.refundMs!);
    const amount = order.currency === this.company.currency ? order.refunded : toCompany(order.refunded, Math.round(this.ctx.ledger.rates.rate6(this.company, order.currency, day) * 1.012));
    this.pushTxn({ ms: order.refundMs!, type: 'refund', order, amount: -amount, fee: 0, presentment: order.refunded, payoutDay: businessDayAfter(day, 2), checkout: '' });
  }

  private orderRows(o: ShopOrder): string[][] {
    const tz = this.company.tz;
    const created = localWithOffset(tz, o.createdMs);
    const [city, zip] = CITIES[o.customer.id % CITIES.length]!;
    const contact = o.customer.name;
    const status = o.refunded >= o.total && o.refunded > 0 ? 'refunded' : o.refunded > 0 ? 'partially_refunded' : o.card || o.paidDay !== null ? 'paid' : 'pending';
    const paidAt = o.card ? localWithOffset(tz, o.createdMs + 4000) : o.paidDay !== null ? localWithOffset(tz, localToUtcMs(tz, o.paidDay, 36_000)) : '';
    const paymentId = objectId(() => this.rng.next(), '', 25);
    return o.lines.map((l, i) => {
      const row = new Array<string>(SHOPIFY_ORDERS_HEADER.length).fill('');
      const lineDiscount = l.qty * l.price - Math.round((l.qty * l.price * (100 - l.discount)) / 100);
      row[0] = o.key; row[1] = o.customer.email; row[15] = created;
      row[16] = String(l.qty); row[17] = l.product.name; row[18] = money(l.price); row[20] = l.product.sku;
      row[21] = 'true'; row[22] = o.taxBp > 0 ? 'true' : 'false'; row[23] = o.cancelled ? 'pending' : 'fulfilled';
      row[50] = 'Brightline'; row[59] = money(lineDiscount);
      if (i === 0) {
        row[2] = status; row[3] = paidAt; row[4] = o.cancelled ? 'unfulfilled' : 'fulfilled'; row[5] = o.cancelled ? '' : localWithOffset(tz, o.createdMs + 86_400_000);
        row[6] = 'no'; row[7] = o.currency; row[8] = money(o.subtotal); row[9] = money(o.shipping); row[10] = money(o.tax); row[11] = money(o.total);
        row[12] = o.discountCode; row[13] = money(o.discount); row[14] = o.shipping === 0 ? 'Free freight over 500' : 'DHL Freight';
        row[24] = contact; row[25] = 'Industriestraße 12'; row[26] = 'Industriestraße 12'; row[28] = o.customer.name; row[29] = city; row[30] = zip; row[32] = o.currency === 'GBP' ? 'GB' : 'DE';
        row[34] = contact; row[35] = 'Industriestraße 12'; row[36] = 'Industriestraße 12'; row[38] = o.customer.name; row[39] = city; row[40] = zip; row[42] = row[32]!;
        row[46] = o.cancelled ? localWithOffset(tz, o.refundMs!) : ''; row[47] = o.gateway; row[49] = money(o.refunded);
        row[51] = money(o.card || o.paidDay !== null ? 0 : o.total); row[55] = o.externalId; row[56] = 'wholesale'; row[57] = 'Low';
        row[58] = o.gateway === 'manual' ? 'shopify_draft_order' : 'web';
        if (o.taxBp > 0) { row[60] = `VAT ${o.taxBp / 100}%`; row[61] = money(o.tax); }
        row[75] = paymentId; row[76] = o.gateway === 'manual' ? 'Net 30' : '';
        row[77] = o.gateway === 'manual' ? localWithOffset(tz, o.createdMs + 30 * 86_400_000) : ''; row[78] = paymentId;
      }
      return row;
    });
  }

  /** Plain card orders whose charge the export shows as not yet paid out. */
  private plantPendingPayouts(txns: readonly Txn[], status: (payoutDay: number) => string): void {
    const pending = new Set(txns.filter((t) => t.type === 'charge' && status(t.payoutDay) === 'pending').map((t) => t.order));
    for (const { order, odooNet } of this.lastMonthPlain) {
      if (!pending.has(order)) continue;
      recordPlant(this.plants, 'shopify', this.file('orders_export', monthKeyOf(order.localDay)), order, {
        category: 'MATCHED_PAYOUT_PENDING', causes: ['payout_pending'], shopAmount: order.total - order.refunded, odooAmount: odooNet,
        note: `Charged ${dateString(order.localDay)}; the Shopify payout is scheduled after the last export`,
      });
    }
  }

  private writeMonthFiles(month: MonthInfo, isLast: boolean): void {
    const endDay = this.ctx.endDay;
    // Orders are exported one month late (refunds land within two weeks), or at the end.
    const ready = isLast ? [...this.ordersByMonth.keys()] : [...this.ordersByMonth.keys()].filter((k) => k < month.key);
    for (const key of ready) {
      const orders = this.ordersByMonth.get(key)!;
      const rows = orders.flatMap((o) => this.orderRows(o));
      this.out.exportFile(this.file('orders_export', key), toCsv(SHOPIFY_ORDERS_HEADER, rows, SHOPIFY_STYLE), rows.length);
      this.ordersByMonth.delete(key);
    }
    const txns = (this.txnsByMonth.get(month.key) ?? []).sort((a, b) => b.ms - a.ms);
    const status = (payoutDay: number): string => (payoutDay <= endDay ? 'paid' : payoutDay <= endDay + 2 ? 'in_transit' : 'pending');
    if (isLast) this.plantPendingPayouts(txns, status);
    const txnRows = txns.map((t) => [
      localWithOffset(this.company.tz, t.ms), t.type, t.order.key, ['visa', 'master', 'american_express'][t.order.customer.id % 3]!, 'online',
      status(t.payoutDay), dateString(t.payoutDay), dateString(t.payoutDay), money(t.amount), money(t.fee), money(t.amount - t.fee),
      t.checkout || `#${41_873_300_000_000 + (Number(t.order.externalId) % 999_999)}`, 'card', money(t.presentment), t.order.currency, this.company.currency,
    ]);
    this.out.exportFile(this.file('payment_transactions_export', month.key), toCsv(SHOPIFY_TRANSACTIONS_HEADER, txnRows, SHOPIFY_STYLE), txnRows.length);
    this.txnsByMonth.delete(month.key);
    const payoutRows: string[][] = [];
    for (const [day, p] of [...this.payouts.entries()].sort((a, b) => b[0] - a[0])) {
      const inMonth = day >= month.firstDay && day <= month.lastDay;
      if (!inMonth && !(isLast && day > month.lastDay)) continue;
      payoutRows.push([dateString(day), status(day) === 'pending' ? 'scheduled' : status(day), money(p.charges), money(p.refunds), '0.00', '0.00', money(-p.fees), '0.00', money(p.charges + p.refunds - p.fees), this.company.currency]);
    }
    this.out.exportFile(this.file('payouts', month.key), toCsv(SHOPIFY_PAYOUTS_HEADER, payoutRows, SHOPIFY_STYLE), payoutRows.length);
  }
}
