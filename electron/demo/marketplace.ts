/**
 * The industrial-supply marketplace channel of the EUR parent: orders booked in Odoo through
 * a clearing journal, and fortnightly settlement files in the Amazon V2 flat-file layout
 * (tab-separated, summary row first, one row per amount component).
 */
import type { SalesContext, SaleLine } from './sales';
import { bookSale, bookCreditNote, taxOf, stampOf } from './sales';
import type { CompanyInfo } from './master-data';
import type { Catalog } from './catalog';
import { listPrice } from './stock';
import type { Rng } from './prng';
import type { MonthInfo } from './calendar';
import { localToUtcMs, localDay, odooDatetime, dateString } from './calendar';
import type { ShopOrder, Plants } from './channel-common';
import { shopTotals, businessDayAfter, bookFees, bookPayout, recordPlant } from './channel-common';
import { toCsv, money, SETTLEMENT_STYLE } from './exports/csv';
import { SETTLEMENT_HEADER } from './exports/headers';
import type { Emitter } from './emitter';

const PLANT_ROTATION = ['MISSING_IN_ODOO', 'AMOUNT_MISMATCH_SHIPPING', 'REFUND_NOT_BOOKED', 'MATCHED_TIMING_MONTH_END'] as const;
type Plant = (typeof PLANT_ROTATION)[number] | null;
const COMMISSION_BP = 800;
const CYCLE_DAYS = 14;

interface Component { ms: number; type: 'Order' | 'Refund' | 'other-transaction'; orderId: string; amountType: string; description: string; amount: number; sku: string; qty: string; itemCode: string }

export class MarketplaceChannel {
  private readonly components = new Map<number, Component[]>();
  private readonly commissionByMonth = new Map<string, number>();
  private nextSettlement = 11_873_400_000;

  constructor(
    private readonly ctx: SalesContext,
    private readonly rng: Rng,
    private readonly company: CompanyInfo,
    private readonly catalog: Catalog,
    private readonly plants: Plants,
    private readonly out: Emitter,
    private readonly firstDay: number,
  ) {}

  private cycleOf(day: number): number {
    return Math.floor((day - this.firstDay) / CYCLE_DAYS);
  }

  /** Whether the settlement whose window holds `day` closes within the history (only closed settlements are written). */
  private settlementWritten(day: number): boolean {
    const end = this.firstDay + (this.cycleOf(day) + 1) * CYCLE_DAYS - 1;
    return end < this.ctx.endDay;
  }

  private add(c: Component): void {
    const cycle = this.cycleOf(localDay('Europe/Berlin', c.ms));
    const list = this.components.get(cycle) ?? [];
    list.push(c);
    this.components.set(cycle, list);
    if (c.amountType === 'ItemFees') {
      const key = dateString(localDay(this.company.tz, c.ms)).slice(0, 7);
      this.commissionByMonth.set(key, (this.commissionByMonth.get(key) ?? 0) - c.amount);
    }
  }

  runMonth(month: MonthInfo, monthIndex: number, volume: number, isLast: boolean): void {
    const plant: Plant = PLANT_ROTATION[monthIndex % PLANT_ROTATION.length]!;
    for (let i = 0; i < Math.max(volume, 1); i++) this.order(month, i === 0 ? (plant === 'MATCHED_TIMING_MONTH_END' && isLast ? null : plant) : null);
    bookFees(this.ctx, this.company, 'marketplace', month.lastDay, this.commissionByMonth.get(month.key) ?? 0, `Marketplace commission ${month.key}`);
    this.closeSettlements(month);
  }

  private order(month: MonthInfo, plant: Plant): void {
    const { rng, company, ctx } = this;
    const customer = rng.pick(this.catalog.shopCustomers);
    let day = month.firstDay + rng.int(0, month.days - 1);
    let second = rng.int(6 * 3600, 22 * 3600);
    if (plant === 'MATCHED_TIMING_MONTH_END') { day = month.lastDay; second = 20 * 3600; }
    if (day > ctx.endDay) day = ctx.endDay;
    const ms = localToUtcMs(company.tz, day, second);
    const lines: SaleLine[] = [];
    for (let l = 0, n = rng.int(1, 2); l < n; l++) {
      const product = this.catalog.products[rng.cumulativeIndex(this.catalog.productWeights)]!;
      lines.push({ product, qty: rng.int(1, 6), price: listPrice(product, 'EUR'), discount: 0 });
    }
    const shipping = plant === 'AMOUNT_MISMATCH_SHIPPING' ? 1290 : rng.pick([0, 690, 1290]);
    const taxBp = company.taxBp;
    const totals = shopTotals(lines, shipping, taxBp, (a) => taxOf(a, taxBp));
    const orderId = `302-${String(rng.int(1_000_000, 9_999_999))}-${String(rng.int(1_000_000, 9_999_999))}`;
    const order: ShopOrder = {
      key: orderId, externalId: orderId, company, customer, createdMs: ms, localDay: day, currency: 'EUR', lines, gross: totals.gross, discount: 0,
      subtotal: totals.subtotal, shipping, tax: totals.tax, total: totals.total, taxBp, discountCode: '', gateway: 'marketplace', refunded: 0, refundMs: null,
      cancelled: false, card: true, paidDay: day, fee: 0, settled: totals.total, odooOrder: null, odooInvoice: null,
    };
    lines.forEach((l, i) => {
      const itemCode = String(rng.int(10_000_000_000_000, 99_999_999_999_999));
      const net = l.qty * l.price;
      const tax = taxOf(net, taxBp);
      const base = { ms, type: 'Order' as const, orderId, sku: l.product.sku, qty: String(l.qty), itemCode };
      this.add({ ...base, amountType: 'ItemPrice', description: 'Principal', amount: net });
      this.add({ ...base, amountType: 'ItemPrice', description: 'Tax', amount: tax });
      if (i === 0 && shipping > 0) {
        this.add({ ...base, amountType: 'ItemPrice', description: 'Shipping', amount: shipping });
        this.add({ ...base, amountType: 'ItemPrice', description: 'ShippingTax', amount: taxOf(shipping, taxBp) });
      }
      const gross = net + tax + (i === 0 ? shipping + taxOf(shipping, taxBp) : 0);
      this.add({ ...base, amountType: 'ItemFees', description: 'Commission', amount: -Math.round((gross * COMMISSION_BP) / 10_000) });
    });
    const refundDay = day + rng.int(3, 12);
    // A refund exists only if the settlement carrying it is written: otherwise the files could not show it.
    const naturalRefund = plant === null && rng.chance(0.03);
    const refund = (plant === 'REFUND_NOT_BOOKED' || naturalRefund) && refundDay <= ctx.endDay && this.settlementWritten(refundDay);
    if (refund) {
      const l = lines[0]!;
      const net = l.qty * l.price;
      order.refunded = net + taxOf(net, taxBp);
      order.refundMs = localToUtcMs(company.tz, refundDay, 12 * 3600);
      const base = { ms: order.refundMs, type: 'Refund' as const, orderId, sku: l.product.sku, qty: String(l.qty), itemCode: '' };
      this.add({ ...base, amountType: 'ItemPrice', description: 'Principal', amount: -net });
      this.add({ ...base, amountType: 'ItemPrice', description: 'Tax', amount: -taxOf(net, taxBp) });
    }
    const file = `marketplace/settlement_cycle_${String(this.cycleOf(day)).padStart(2, '0')}.tsv`;
    if (plant === 'MISSING_IN_ODOO') {
      recordPlant(this.plants, 'marketplace', file, order, { category: plant, causes: ['missing_order'], shopAmount: order.total, odooAmount: null, note: 'In the settlement, no sale order or invoice in Odoo' });
      return;
    }
    const invoiceDay = plant === 'MATCHED_TIMING_MONTH_END' ? businessDayAfter(day, 1) : day;
    const sale = bookSale(ctx, {
      company, team: 'marketplace', partnerId: customer.id, userId: false, currency: 'EUR', orderMs: ms, lines,
      shipping: plant === 'AMOUNT_MISMATCH_SHIPPING' ? 0 : shipping, taxBp, clientOrderRef: orderId, origin: orderId, state: 'sale',
      invoice: { day: invoiceDay, dueDay: invoiceDay, state: 'posted' }, warehouseIndex: company.warehouseIds.length - 1,
    });
    order.odooOrder = sale.orderName;
    order.odooInvoice = String(sale.invoice!.move.name);
    const group = sale.group!;
    ctx.later(invoiceDay, () => ctx.reconciler.pay(group, { day: invoiceDay, journal: 'marketplace', amountCur: sale.total, currency: 'EUR', createdAt: stampOf(invoiceDay, 49_000), memo: orderId }));
    if (naturalRefund && refund) {
      // An ordinary refund is booked properly: a credit note for the refunded line, settled through the marketplace clearing account.
      const invoice = sale.invoice!;
      const refundNet = lines[0]!.qty * lines[0]!.price;
      ctx.later(refundDay, () => {
        const note = bookCreditNote(ctx, company, invoice, refundDay, refundNet, taxBp, 'EUR', 'marketplace', `Refund ${orderId}`);
        const noteGroup = ctx.reconciler.open(note);
        ctx.reconciler.pay(noteGroup, { day: refundDay, journal: 'marketplace', amountCur: order.refunded, currency: 'EUR', createdAt: stampOf(refundDay, 52_000), memo: `Refund ${orderId}` });
      });
    }
    const shopNet = order.total - order.refunded;
    if (plant === 'AMOUNT_MISMATCH_SHIPPING') recordPlant(this.plants, 'marketplace', file, order, { category: plant, causes: ['shipping_revenue'], shopAmount: shopNet, odooAmount: sale.total, note: `Settlement carries ${money(shipping)} shipping (+ tax) that Odoo did not invoice` });
    if (plant === 'REFUND_NOT_BOOKED' && refund) recordPlant(this.plants, 'marketplace', file, order, { category: plant, causes: ['refund'], shopAmount: shopNet, odooAmount: sale.total, note: `Refund of ${money(order.refunded)} in the settlement; no credit note in Odoo` });
    if (plant === 'MATCHED_TIMING_MONTH_END') recordPlant(this.plants, 'marketplace', file, order, { category: plant, causes: ['timing'], shopAmount: shopNet, odooAmount: sale.total, note: `Order ${dateString(day)} 20:00 local, Odoo invoice ${dateString(invoiceDay)}` });
  }

  /** Writes every settlement whose 14-day window has closed; books the deposit in Odoo. */
  private closeSettlements(month: MonthInfo): void {
    for (const cycle of [...this.components.keys()].sort((a, b) => a - b)) {
      const start = this.firstDay + cycle * CYCLE_DAYS;
      const end = start + CYCLE_DAYS - 1;
      if (end > month.lastDay || end >= this.ctx.endDay) continue;
      const rows = this.components.get(cycle)!.sort((a, b) => a.ms - b.ms);
      this.components.delete(cycle);
      rows.push({ ms: (end * 86_400_000) + 80_000_000, type: 'other-transaction', orderId: '', amountType: 'other-transaction', description: 'Subscription Fee', amount: -3900, sku: '', qty: '', itemCode: '' });
      const total = rows.reduce((s, r) => s + r.amount, 0);
      const deposit = end + 3;
      const settlementId = String(this.nextSettlement++);
      const stamp = (day: number): string => `${dateString(day)} 00:00:00 UTC`;
      const head = [settlementId, stamp(start), stamp(end + 1), stamp(deposit), money(total), 'EUR', ...new Array<string>(18).fill('')];
      const body = rows.map((r) => [
        settlementId, '', '', '', '', '', r.type, r.orderId, '', '', '', 'industrimart.example', r.amountType, r.description, money(r.amount), 'MFN',
        dateString(Math.floor(r.ms / 86_400_000)), `${odooDatetime(r.ms)} UTC`, r.itemCode, '', '', r.sku, r.qty, '',
      ]);
      this.out.exportFile(`marketplace/settlement_cycle_${String(cycle).padStart(2, '0')}.tsv`, toCsv(SETTLEMENT_HEADER, [head, ...body], SETTLEMENT_STYLE), body.length + 1);
      if (deposit <= this.ctx.endDay) {
        const depositDay = deposit;
        this.ctx.later(depositDay, () => bookPayout(this.ctx, this.company, 'marketplace', depositDay, total, `Marketplace settlement ${settlementId}`));
      }
    }
  }
}
