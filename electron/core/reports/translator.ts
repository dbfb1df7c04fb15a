import Decimal from 'decimal.js';
import { averageFactor, closingFactor, type RateTable } from '../../../shared/fx/rates';
import { translateAmount } from '../../../shared/fx/translate';
import { convertMinor } from '../../../shared/money/money';
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
  /** Revenue of the month at its average factor: the month's total translated as one amount. */
  revenue(month: MonthKey): number | null;
  /** A channel's share of {@link revenue} (largest remainder), so translated channels sum to it exactly. */
  channelRevenue(month: MonthKey, channelKey: string): number | null;
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
  // Per month: the translated revenue total and its split by channel (null on a missing rate).
  const revenueMemo = new Map<MonthKey, { total: number; byChannel: Map<string, number> } | null>();
  const revenueOf = (m: MonthKey): { total: number; byChannel: Map<string, number> } | null => {
    if (revenueMemo.has(m)) return revenueMemo.get(m) ?? null;
    const rate = average(m);
    let value: { total: number; byChannel: Map<string, number> } | null = null;
    if (rate !== null) {
      const functional = -data.ledger.pnl('revenue', m);
      const amounts = channels.map((channel) => data.revenue.byChannel(m, channel.key));
      // Revenue lines outside the loaded window (older than the report's earliest month) have no channel rows.
      const rest = functional - amounts.reduce((sum, a) => sum + a, 0);
      const total = convertMinor(functional, rate, decimals.from, decimals.to);
      const parts = splitTranslated(total, [...amounts, rest], rate, decimals.to - decimals.from);
      value = { total, byChannel: new Map(channels.map((channel, i) => [channel.key, parts[i] ?? 0])) };
    }
    revenueMemo.set(m, value);
    return value;
  };
  const revenue = (m: MonthKey): number | null => revenueOf(m)?.total ?? null;
  const pnlMemo = new Map<string, number | null>();
  return {
    company: data,
    average,
    closing,
    flow,
    balance: (amount, m) => translateAmount(amount, closing(m), decimals),
    revenue,
    channelRevenue: (m, key) => {
      const value = revenueOf(m);
      return value === null ? null : (value.byChannel.get(key) ?? 0);
    },
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

/**
 * Splits the translated `total` over `amounts` (functional minor units) in proportion to their exact
 * translations: each part is its exact value rounded down, and the cents still missing go to the
 * largest fractions (ties to the earlier amount). The parts sum to `total` exactly, and each is
 * within one cent of translating its own amount, whatever the signs.
 */
export function splitTranslated(total: number, amounts: readonly number[], factor: string, decimalShift: number): number[] {
  const scale = new Decimal(factor).times(new Decimal(10).pow(decimalShift));
  const exact = amounts.map((amount) => new Decimal(amount).times(scale));
  // `=== 0 ? 0` folds decimal.js's −0 (a zero channel times a factor) into a plain 0.
  const parts = exact.map((value) => {
    const floor = value.floor().toNumber();
    return floor === 0 ? 0 : floor;
  });
  let missing = total - parts.reduce((sum, part) => sum + part, 0);
  const order = exact
    .map((value, index) => ({ index, fraction: value.minus(value.floor()) }))
    .sort((a, b) => b.fraction.comparedTo(a.fraction) || a.index - b.index);
  for (const { index } of order) {
    if (missing <= 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    missing -= 1;
  }
  return parts;
}
