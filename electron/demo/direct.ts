/**
 * Direct B2B sales from the CRM team: quotations, confirmed orders, invoices on payment
 * terms, late payers paying in instalments, credit notes, and a few draft or cancelled
 * invoices.
 */
import type { SalesContext, SaleLine } from './sales';
import { bookSale, bookCreditNote, lineSubtotal, stampOf } from './sales';
import type { CompanyInfo } from './master-data';
import { SALESPEOPLE } from './master-data';
import type { Catalog, Customer } from './catalog';
import { listPrice } from './stock';
import type { Rng } from './prng';
import type { MonthInfo } from './calendar';
import { localToUtcMs, weekday } from './calendar';
import { businessDayAfter } from './channel-common';

export function runDirectMonth(ctx: SalesContext, rng: Rng, company: CompanyInfo, catalog: Catalog, month: MonthInfo, volume: number, maxLines: number, monthIndex: number, isLast: boolean): void {
  const customers = catalog.customers[company.index]!;
  for (let i = 0; i < volume; i++) {
    let day = month.firstDay + rng.int(0, month.days - 1);
    if (weekday(day) === 6) day = day - 1 >= month.firstDay ? day - 1 : day + 2;
    else if (weekday(day) === 0) day = day + 1 <= month.lastDay ? day + 1 : day - 2;
    if (day > ctx.endDay) day = ctx.endDay;
    const customer: Customer = rng.pick(customers);
    const currency = customer.foreignCurrency ?? company.currency;
    const lines: SaleLine[] = [];
    const discount = rng.chance(0.3) ? rng.pick([3, 5, 10]) : 0;
    for (let l = 0, n = rng.int(1, maxLines); l < n; l++) {
      const product = catalog.products[rng.cumulativeIndex(catalog.productWeights)]!;
      lines.push({ product, qty: rng.int(2, 40), price: listPrice(product, currency), discount });
    }
    const ms = localToUtcMs(company.tz, day, rng.int(8 * 3600, 17 * 3600));
    const roll = rng.next();
    const state = i === 0 && (isLast || monthIndex === 12) ? 'sale' : roll < 0.06 ? 'draft' : roll < 0.09 ? 'sent' : roll < 0.11 ? 'cancel' : 'sale';
    let invoiceDay = businessDayAfter(day, rng.int(0, 4));
    // A few drafts and cancellations at random, and always one of each so every scale has them.
    const randomState = rng.chance(0.015) ? 'cancel' : rng.chance(0.015) ? 'draft' : 'posted';
    const invoiceState = i === 0 && isLast ? 'draft' : i === 0 && monthIndex === 12 ? 'cancel' : randomState;
    const invoiced = state === 'sale' && invoiceDay <= ctx.endDay;
    if (!invoiced) invoiceDay = day;
    const dueDay = invoiceDay + customer.paymentTermDays;
    const sale = bookSale(ctx, {
      company, team: 'direct', partnerId: customer.id, userId: SALESPEOPLE[(customer.id + company.index) % SALESPEOPLE.length]!.id, currency, orderMs: ms,
      lines, shipping: rng.chance(0.4) ? rng.pick([2500, 4500, 8900]) : 0, taxBp: customer.foreignCurrency ? 0 : company.taxBp,
      clientOrderRef: rng.chance(0.5) ? `PO-${String(rng.int(10_000, 99_999))}` : false, origin: false, state,
      invoice: invoiced ? { day: invoiceDay, dueDay, state: invoiceState } : null, warehouseIndex: rng.int(0, company.warehouseIds.length - 1),
    });
    if (!sale.group || !sale.invoice) continue;
    const group = sale.group;
    const invoice = sale.invoice;
    let remaining = sale.total;
    // A credit note for a damaged or short-shipped line, before the customer pays.
    if (!customer.foreignCurrency && rng.chance(0.05)) {
      const creditDay = invoiceDay + rng.int(3, 15);
      const untaxed = Math.max(100, Math.round(lineSubtotal(lines[0]!) * rng.pick([0.1, 0.25, 0.5])));
      const taxBp = company.taxBp;
      remaining -= untaxed + Math.round((untaxed * taxBp) / 10_000);
      ctx.later(creditDay, () => {
        const note = bookCreditNote(ctx, company, invoice, creditDay, untaxed, taxBp, currency, 'direct', 'Damaged goods');
        ctx.reconciler.attach(group, note, creditDay, stampOf(creditDay, 40_000));
      });
    }
    if (remaining <= 0) continue;
    const late = rng.chance(customer.lateProbability);
    const payDay = businessDayAfter(dueDay + (late ? customer.lateDays : rng.int(-6, 2)), 0);
    const instalments = late && remaining > 50_000 && rng.chance(0.5) ? 2 : 1;
    const firstPart = instalments === 2 ? Math.round(remaining * 0.4) : remaining;
    const parts = instalments === 2 ? [[payDay, firstPart], [payDay + rng.int(14, 40), remaining - firstPart]] : [[payDay, remaining]];
    for (const [when, amount] of parts as [number, number][]) {
      const d = Math.max(when, invoiceDay);
      ctx.later(d, () => ctx.reconciler.pay(group, { day: d, journal: 'bank', amountCur: amount, currency, createdAt: stampOf(d, 43_000), memo: String(invoice.move.name) }));
    }
  }
}
