/**
 * Daily exchange rates for every company (Odoo semantics: units of foreign currency per
 * 1 unit of the company currency) and exact conversion of cents at a stored 6-decimal rate.
 */
import type { Rng } from './prng';
import type { CompanyInfo, CurrencyCode } from './master-data';
import { CURRENCY_IDS } from './master-data';
import type { FxRateEntry } from './answer-key';
import type { MonthInfo } from './calendar';

/** Rate × 1e6 as an integer, per company index, per currency, per day offset in the window. */
export class RateTable {
  private readonly table = new Map<string, Int32Array>();

  constructor(readonly firstDay: number, readonly dayCount: number) {}

  set(companyIndex: number, currency: CurrencyCode, dayOffset: number, rate6: number): void {
    const key = `${companyIndex}:${currency}`;
    let arr = this.table.get(key);
    if (!arr) {
      arr = new Int32Array(this.dayCount);
      this.table.set(key, arr);
    }
    arr[dayOffset] = rate6;
  }

  /** Integer rate × 1e6 for a day (clamped to the window: Odoo falls back to the nearest rate). */
  rate6(company: CompanyInfo, currency: CurrencyCode, day: number): number {
    if (currency === company.currency) return 1_000_000;
    const arr = this.table.get(`${company.index}:${currency}`);
    if (!arr) throw new Error(`no ${currency} rates for ${company.name}`);
    const offset = Math.min(Math.max(day - this.firstDay, 0), this.dayCount - 1);
    return arr[offset]!;
  }
}

/** Company-currency cents of a document amount at a 6-decimal rate, half away from zero, exact. */
export function toCompany(amountCur: number, rate6: number): number {
  if (rate6 === 1_000_000) return amountCur;
  const sign = amountCur < 0 ? -1 : 1;
  const num = Math.abs(amountCur) * 1_000_000;
  const q = Math.floor(num / rate6);
  const r = num - q * rate6;
  return sign * (2 * r >= rate6 ? q + 1 : q);
}

/** Generates the daily EUR/GBP and EUR/USD paths and every company's rate rows. */
export function buildRates(rng: Rng, companies: CompanyInfo[], months: MonthInfo[]): { table: RateTable; records: { companyIndex: number; currency: CurrencyCode; day: number; rate6: number }[] } {
  const firstDay = months[0]!.firstDay;
  const dayCount = months[months.length - 1]!.lastDay - firstDay + 1;
  const table = new RateTable(firstDay, dayCount);
  const records: { companyIndex: number; currency: CurrencyCode; day: number; rate6: number }[] = [];
  let eurGbp = 0.855;
  let eurUsd = 1.08;
  for (let offset = 0; offset < dayCount; offset++) {
    eurGbp = Math.min(0.93, Math.max(0.8, eurGbp * (1 + 0.0035 * rng.gauss())));
    eurUsd = Math.min(1.22, Math.max(0.98, eurUsd * (1 + 0.0045 * rng.gauss())));
    const perEur: Record<CurrencyCode, number> = { EUR: 1, GBP: eurGbp, USD: eurUsd };
    for (const company of companies) {
      for (const currency of Object.keys(CURRENCY_IDS) as CurrencyCode[]) {
        if (currency === company.currency) continue;
        if (!companies.some((c) => c.currency === currency) && currency === 'USD') continue;
        const rate6 = Math.round((perEur[currency] / perEur[company.currency]) * 1_000_000);
        table.set(company.index, currency, offset, rate6);
        records.push({ companyIndex: company.index, currency, day: firstDay + offset, rate6 });
      }
    }
  }
  return { table, records };
}

const round10 = (x: number): number => Math.round(x * 1e10) / 1e10;

/** Monthly closing and day-weighted average rates per company and foreign currency. */
export function fxSummary(table: RateTable, companies: CompanyInfo[], months: MonthInfo[]): FxRateEntry[] {
  const entries: FxRateEntry[] = [];
  const currencies = new Set(companies.map((c) => c.currency));
  for (const company of companies) {
    for (const currency of currencies) {
      if (currency === company.currency) continue;
      for (const month of months) {
        let sumRate = 0;
        let sumFactor = 0;
        for (let day = month.firstDay; day <= month.lastDay; day++) {
          const rate = table.rate6(company, currency, day) / 1e6;
          sumRate += rate;
          sumFactor += 1 / rate;
        }
        const closing = table.rate6(company, currency, month.lastDay) / 1e6;
        entries.push({
          company_id: company.id, company_currency: company.currency, currency, month: month.key,
          closing_rate: closing, average_rate: round10(sumRate / month.days),
          closing_factor: round10(1 / closing), average_factor: round10(sumFactor / month.days),
        });
      }
    }
  }
  return entries;
}
