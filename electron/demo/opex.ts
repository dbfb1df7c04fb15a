/**
 * Operating costs: payroll, rent, marketing, software and freight bills, depreciation,
 * and the opening balances on the first day of the history.
 */
import type { SalesContext } from './sales';
import { stampOf, taxOf } from './sales';
import type { CompanyInfo } from './master-data';
import type { Catalog } from './catalog';
import type { Rng } from './prng';
import type { MonthInfo } from './calendar';
import { businessDayAfter } from './channel-common';

const OPENING: Record<string, { cash: number; fixed: number }> = {
  EUR: { cash: 90_000_000, fixed: 24_000_000 }, GBP: { cash: 25_000_000, fixed: 6_000_000 }, USD: { cash: 30_000_000, fixed: 8_000_000 },
};

export function bookOpening(ctx: SalesContext, company: CompanyInfo, day: number, scaleFactor: number): void {
  const o = OPENING[company.currency]!;
  const cash = Math.round(o.cash * scaleFactor);
  const fixed = Math.round(o.fixed * scaleFactor);
  ctx.ledger.postAndRelease({
    company, journal: 'misc', moveType: 'entry', day, partnerId: false, currency: company.currency, ref: 'Opening balance', createdAt: stampOf(day, 21_600),
    lines: [
      { account: company.accounts.bank, cur: cash, displayType: 'product', label: 'Opening balance' },
      { account: company.accounts.fixed_assets, cur: fixed, displayType: 'product', label: 'Opening balance' },
      { account: company.accounts.capital, cur: -(cash + fixed), displayType: 'product', label: 'Opening balance' },
    ],
  });
}

export function runOpexMonth(ctx: SalesContext, rng: Rng, company: CompanyInfo, catalog: Catalog, month: MonthInfo, revenueBase: number, scaleFactor: number): void {
  const payroll = Math.round(revenueBase * (0.15 + rng.next() * 0.02));
  const payDay = Math.min(businessDayAfter(month.firstDay + 24, 0), month.lastDay);
  ctx.ledger.postAndRelease({
    company, journal: 'misc', moveType: 'entry', day: payDay, partnerId: false, currency: company.currency, ref: `Payroll ${month.key}`, createdAt: stampOf(payDay, 30_000),
    lines: [
      { account: company.accounts.salaries, cur: payroll, displayType: 'product', label: `Payroll ${month.key}` },
      { account: company.accounts.bank, cur: -payroll, displayType: 'product', label: `Payroll ${month.key}` },
    ],
  });
  const bills: [keyof CompanyInfo['accounts'], number, number][] = [
    ['rent', Math.round(1_800_000 * scaleFactor), 2],
    ['marketing', Math.round(revenueBase * (0.025 + rng.next() * 0.015)), 8 + rng.int(0, 10)],
    ['software', Math.round(350_000 * scaleFactor) + rng.int(0, 20_000), 5],
    ['freight', Math.round(revenueBase * 0.02), 15 + rng.int(0, 8)],
  ];
  bills.forEach(([account, amount, dayOfMonth], i) => {
    if (amount <= 0) return;
    const day = Math.min(month.firstDay + dayOfMonth, month.lastDay);
    if (day > ctx.endDay) return;
    const vendor = catalog.vendors[(i + 2 + company.index) % catalog.vendors.length]!;
    const tax = taxOf(amount, company.taxBp);
    const ref = `${String(account).toUpperCase()}-${month.key}`;
    const held = ctx.ledger.post({
      company, journal: 'purchase', moveType: 'in_invoice', day, invoiceDay: day, dueDay: day + 14, partnerId: vendor.id, currency: company.currency, ref,
      createdAt: stampOf(day, 33_000 + i), lines: [
        { account: company.accounts[account], cur: amount, displayType: 'product', quantity: 1, priceUnit: amount / 100, subtotal: amount, total: amount + tax, label: ref },
        ...(tax > 0 ? [{ account: company.accounts.vat_in, cur: tax, displayType: 'tax', label: `VAT ${company.taxBp / 100}%` }] : []),
        { account: company.accounts.payable, cur: -(amount + tax), displayType: 'payment_term', balancing: true, maturity: day + 14, label: ref },
      ],
    });
    const group = ctx.reconciler.open(held);
    const pay = businessDayAfter(day + 14 + rng.int(-2, 5), 0);
    ctx.later(pay, () => ctx.reconciler.pay(group, { day: pay, journal: 'bank', amountCur: amount + tax, currency: company.currency, createdAt: stampOf(pay, 44_000), memo: ref }));
  });
  const depreciation = Math.round(OPENING[company.currency]!.fixed * scaleFactor / 60);
  ctx.ledger.postAndRelease({
    company, journal: 'misc', moveType: 'entry', day: month.lastDay, partnerId: false, currency: company.currency, ref: `Depreciation ${month.key}`, createdAt: stampOf(month.lastDay, 70_000),
    lines: [
      { account: company.accounts.depreciation, cur: depreciation, displayType: 'product', label: `Depreciation ${month.key}` },
      { account: company.accounts.acc_depreciation, cur: -depreciation, displayType: 'product', label: `Depreciation ${month.key}` },
    ],
  });
}
