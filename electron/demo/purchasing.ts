/**
 * Replenishment: subsidiaries buy from the parent (intercompany invoice + vendor bill +
 * transit stock moves); the parent buys from suppliers. Bills post to stock valuation at
 * standard cost, so GL inventory equals quantity × standard cost.
 */
import type { SalesContext } from './sales';
import { bookSale, taxOf, stampOf } from './sales';
import type { CompanyInfo } from './master-data';
import { LOCATIONS } from './master-data';
import type { Catalog, Product } from './catalog';
import { unitCost } from './stock';
import type { LineSpec } from './ledger';
import type { Rng } from './prng';
import type { MonthInfo } from './calendar';
import { odooDatetime, localToUtcMs, dateString } from './calendar';
import type { IntercompanyMismatch } from './answer-key';
import { businessDayAfter } from './channel-common';

/** Quantity to receive so every stock location ends the month above a small buffer. */
function needs(ctx: SalesContext, catalog: Catalog, locationId: number): { product: Product; qty: number }[] {
  const result: { product: Product; qty: number }[] = [];
  for (const product of catalog.products) {
    const key = `${product.id}:${locationId}`;
    const onHand = ctx.stock.onHand.get(key) ?? 0;
    const shipped = ctx.stock.monthOut.get(key) ?? 0;
    const target = Math.ceil(shipped * 0.3) + 3;
    if (onHand < target) result.push({ product, qty: target - onHand });
  }
  return result;
}

function postBill(ctx: SalesContext, rng: Rng, company: CompanyInfo, partnerId: number, day: number, lines: LineSpec[], taxBp: number, ref: string, dueDays: number, icPurchase: boolean): void {
  let untaxed = 0;
  for (const l of lines) untaxed += l.cur;
  const tax = taxOf(untaxed, taxBp);
  const specs = [...lines];
  if (tax > 0) specs.push({ account: company.accounts.vat_in, cur: tax, displayType: 'tax', label: `VAT ${taxBp / 100}%` });
  specs.push({ account: company.accounts.payable, cur: -(untaxed + tax), displayType: 'payment_term', balancing: true, maturity: day + dueDays, label: ref });
  const held = ctx.ledger.post({
    company, journal: 'purchase', moveType: 'in_invoice', day, invoiceDay: day, dueDay: day + dueDays, partnerId, currency: company.currency,
    ref, createdAt: stampOf(day, 30_000 + rng.int(0, 3000)), lines: specs,
  });
  if (icPurchase) ctx.key.icPurchases[company.index]![ctx.monthOf(day)]! += untaxed;
  const group = ctx.reconciler.open(held);
  const payDay = businessDayAfter(day + dueDays + rng.int(-3, 8), 0);
  ctx.later(payDay, () => ctx.reconciler.pay(group, { day: payDay, journal: 'bank', amountCur: untaxed + tax, currency: company.currency, createdAt: stampOf(payDay, 41_000), memo: ref }));
}

/**
 * Replenishes every warehouse on the first day of the month. In a few months the subsidiary books
 * the intercompany bill only in the following month (goods received, invoice late): a planted
 * intercompany timing mismatch, listed in `mismatches`.
 */
export function runPurchasing(ctx: SalesContext, rng: Rng, companies: CompanyInfo[], catalog: Catalog, month: MonthInfo, monthIndex: number, isLast: boolean, mismatches: IntercompanyMismatch[]): void {
  const parent = companies[0]!;
  const day = month.firstDay;
  const stamp = odooDatetime(localToUtcMs(parent.tz, day, 7 * 3600));
  for (const sub of companies.slice(1)) {
    sub.stockLocationIds.forEach((locationId, wh) => {
      const need = needs(ctx, catalog, locationId);
      if (need.length === 0) return;
      const sale = bookSale(ctx, {
        company: parent, team: null, partnerId: sub.partnerId, userId: false, currency: sub.currency, orderMs: localToUtcMs(parent.tz, day, 6 * 3600),
        lines: need.map((n) => ({ product: n.product, qty: n.qty, price: unitCost(sub, n.product), discount: 0 })), shipping: 0, taxBp: 0,
        clientOrderRef: `IC-${sub.currency}-${month.key}-${wh + 1}`, origin: `IC-${sub.currency}-${month.key}-${wh + 1}`, state: 'sale',
        invoice: { day, dueDay: day + 45, state: 'posted', intercompany: true }, warehouseIndex: 0, destination: LOCATIONS.transit,
      });
      const total = sale.total;
      const group = sale.group!;
      const payDay = businessDayAfter(day + 45 + rng.int(-2, 6), 0);
      ctx.later(payDay, () => ctx.reconciler.pay(group, { day: payDay, journal: 'bank', amountCur: total, currency: sub.currency, createdAt: stampOf(payDay, 42_000), memo: sale.orderName }));
      const late = !isLast && wh === 0 && monthIndex % 10 === 5;
      // A late bill clears the goods-received interim account that the receipt credited on the 1st.
      const billAccount = late ? sub.accounts.grni : sub.accounts.stock;
      const billLines: LineSpec[] = need.map((n) => {
        const cost = unitCost(sub, n.product) * n.qty;
        return { account: billAccount, cur: cost, displayType: 'product', productId: n.product.id, quantity: n.qty, priceUnit: unitCost(sub, n.product) / 100, subtotal: cost, total: cost, label: n.product.name };
      });
      if (late) {
        const value = billLines.reduce((sum, l) => sum + l.cur, 0);
        ctx.ledger.postAndRelease({
          company: sub, journal: 'misc', moveType: 'entry', day, partnerId: parent.partnerId, currency: sub.currency, ref: `Receipt ${sale.orderName}`, createdAt: stamp,
          lines: [
            { account: sub.accounts.stock, cur: value, displayType: 'product', label: `Goods received ${sale.orderName}` },
            { account: sub.accounts.grni, cur: -value, displayType: 'product', label: `Goods received ${sale.orderName}` },
          ],
        });
      }
      // The subsidiary pays its own bill; the parent's receipt (above) is the other side of the same cash.
      const billDay = late ? businessDayAfter(month.lastDay + 1, 1) : day;
      postBill(ctx, rng, sub, parent.partnerId, billDay, billLines, 0, `${String(sale.invoice!.move.name)}`, late ? 45 - (billDay - day) : 45, true);
      if (late) {
        mismatches.push({
          kind: 'timing', seller_company_id: parent.id, buyer_company_id: sub.id, currency: sub.currency, amount: total,
          seller_document: String(sale.invoice!.move.name), seller_date: dateString(day), buyer_date: dateString(billDay),
          note: 'Parent invoiced on the 1st; the subsidiary booked the bill in the following month (goods already received)',
        });
      }
      for (const n of need) {
        ctx.stock.move({ company: sub, product: n.product, qty: n.qty, from: LOCATIONS.transit, to: locationId, date: stamp, state: 'done', reference: `${sub.currency}/IN/${month.key}`, origin: sale.orderName, warehouseId: sub.warehouseIds[wh]!, stamp });
      }
    });
  }
  parent.stockLocationIds.forEach((locationId, wh) => {
    const need = needs(ctx, catalog, locationId);
    if (need.length === 0) return;
    const vendor = catalog.vendors[wh % catalog.vendors.length]!;
    const lines: LineSpec[] = need.map((n) => {
      const cost = n.product.costEur * n.qty;
      return { account: parent.accounts.stock, cur: cost, displayType: 'product', productId: n.product.id, quantity: n.qty, priceUnit: n.product.costEur / 100, subtotal: cost, total: cost + taxOf(cost, parent.taxBp), label: n.product.name };
    });
    postBill(ctx, rng, parent, vendor.id, day, lines, parent.taxBp, `PO/${month.key}/${wh + 1}`, 30, false);
    for (const n of need) {
      ctx.stock.move({ company: parent, product: n.product, qty: n.qty, from: LOCATIONS.vendors, to: locationId, date: stamp, state: 'done', reference: `EUR/IN/${month.key}/${wh + 1}`, origin: `PO/${month.key}/${wh + 1}`, warehouseId: parent.warehouseIds[wh]!, stamp });
    }
  });
  ctx.stock.monthOut.clear();
}
