import { averageFactor, closingFactor, type RateTable } from '../../../shared/fx/rates';
import { translateAmount } from '../../../shared/fx/translate';
import type { MonthKey } from '../../../shared/period/period';
import type { FxRateUsed } from '../../../shared/reports/types';
import type { PnlCategory } from './classification';
import type { CompanyData } from './company-inputs';

/** One company's figures translated into the presentation currency (factors cached per month). */
export interface Translator {
  company: CompanyData;
  average(month: MonthKey): string | null;
  closing(month: MonthKey): string | null;
  /** A flow of the month at its average factor (null on a missing rate). */
  flow(amount: number, month: MonthKey): number | null;
  /** A month-end balance at the closing factor (null on a missing rate). */
  balance(amount: number, month: MonthKey): number | null;
  /** Revenue translated at the channel grain, so channels always sum to the translated total. */
  revenue(month: MonthKey): number | null;
  /** P&L category translated (revenue at channel grain), debit-positive. */
  pnl(cat: PnlCategory, month: MonthKey): number | null;
  /** Every factor looked up so far, in lookup order (the report lists them). */
  rates: FxRateUsed[];
}

/** Builds a translator of one company into `currency` using the consolidating company's rate table. */
export function makeTranslator(data: CompanyData, table: RateTable, currency: string, presentationDecimals: number): Translator {
  const from = data.company.currency;
  const decimals = { from: data.company.decimals, to: presentationDecimals };
  const avg = new Map<MonthKey, string | null>();
  const close = new Map<MonthKey, string | null>();
  const rates: FxRateUsed[] = [];
  const factor = (cache: Map<MonthKey, string | null>, kind: 'average' | 'closing', m: MonthKey): string | null => {
    const hit = cache.get(m);
    if (hit !== undefined) return hit;
    const f = kind === 'average' ? averageFactor(table, from, currency, m) : closingFactor(table, from, currency, m);
    cache.set(m, f);
    if (from !== currency) rates.push({ from, to: currency, month: m, kind, rate: f });
    return f;
  };
  const average = (m: MonthKey): string | null => factor(avg, 'average', m);
  const closing = (m: MonthKey): string | null => factor(close, 'closing', m);
  const flow = (amount: number, m: MonthKey): number | null => translateAmount(amount, average(m), decimals);
  const channels = [...data.revenue.channels.values()];
  const revenueMemo = new Map<MonthKey, number | null>();
  const revenue = (m: MonthKey): number | null => {
    if (revenueMemo.has(m)) return revenueMemo.get(m) ?? null;
    let total: number | null = 0;
    let tracked = 0;
    for (const channel of channels) {
      const amount = data.revenue.byChannel(m, channel.key);
      tracked += amount;
      const t = flow(amount, m);
      if (t === null) {
        total = null;
        break;
      }
      total += t;
    }
    // Revenue lines outside the loaded window (older than the report's earliest month) have no channel rows.
    const rest = total === null ? null : flow(-data.ledger.pnl('revenue', m) - tracked, m);
    const value = total === null || rest === null ? null : total + rest;
    revenueMemo.set(m, value);
    return value;
  };
  const pnlMemo = new Map<string, number | null>();
  return {
    company: data,
    average,
    closing,
    flow,
    balance: (amount, m) => translateAmount(amount, closing(m), decimals),
    revenue,
    pnl: (cat, m) => {
      const key = `${cat}|${m}`;
      if (pnlMemo.has(key)) return pnlMemo.get(key) ?? null;
      let value: number | null;
      if (cat === 'revenue') {
        const r = revenue(m);
        value = r === null ? null : -r;
      } else value = flow(data.ledger.pnl(cat, m), m);
      pnlMemo.set(key, value);
      return value;
    },
    rates,
  };
}
