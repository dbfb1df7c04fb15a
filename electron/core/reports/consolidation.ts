import type { RateTable } from '../../../shared/fx/rates';
import type { MonthKey, ReportPeriods } from '../../../shared/period/period';
import type { Contribution, CtaRow, FxRateUsed, IntercompanyPair, KpiSet } from '../../../shared/reports/types';
import { loadIntercompanyBudget } from './budget';
import type { BsClass, PnlCategory } from './classification';
import type { CompanyData } from './company-inputs';
import type { ReadonlyDb } from './context';
import { loadCsat } from './csat';
import { ctaSchedule, NET_ASSET_CLASSES } from './cta';
import { groupInputs, sumOrNull, type GroupLedger } from './group-inputs';
import type { KpiInputs } from './inputs';
import { loadIntercompany, matchIntercompanyPairs } from './intercompany';
import { composeKpis } from './kpis';
import { makeTranslator } from './translator';

/** Result pieces of the consolidation (the KPI set plus the IC and CTA schedules). */
export interface Consolidation {
  inputs: KpiInputs;
  /** Whether the group budget eliminates budgeted intercompany sales (see GroupLedger.budgetsIntercompany). */
  budgetBasis: 'intercompany_eliminated' | 'entity_sum';
  kpis: KpiSet;
  pnl(cat: PnlCategory, month: MonthKey): number | null;
  bs(cls: BsClass, month: MonthKey): number | null;
  cta: CtaRow[];
  ctaTotal(month: MonthKey): number | null;
  equity(month: MonthKey): { equity: number | null; earnings: number | null; cta: number | null };
  pairs: IntercompanyPair[];
  eliminated: { revenueMonth: number; revenueYtd: number; receivables: number; payables: number };
  contributions: Contribution[];
  rates: FxRateUsed[];
}

function memo2(f: (i: number, m: MonthKey) => number | null): (i: number, m: MonthKey) => number | null {
  const cache = new Map<string, number | null>();
  return (i, m) => {
    const key = `${i}|${m}`;
    if (!cache.has(key)) cache.set(key, f(i, m));
    return cache.get(key) ?? null;
  };
}

/**
 * Consolidates companies into the presentation currency: P&L at monthly average factors (YTD = sum
 * of translated months), balances at closing factors, equity at historical (monthly average of each
 * movement), CTA as the balancing figure per company. Intercompany sales are listed side by side
 * (seller's revenue and receivable against the buyer's bills and payable) and then eliminated: the
 * seller's revenue from revenue and from cost of sales, receivables and payables from both sides.
 * Unrealised profit in the buyer's closing stock is not eliminated (a management-pack simplification).
 */
export function consolidate(
  db: ReadonlyDb,
  companies: readonly CompanyData[],
  table: RateTable,
  currency: string,
  presentationDecimals: number,
  periods: ReportPeriods,
): Consolidation {
  const translators = companies.map((c) => makeTranslator(c, table, currency, presentationDecimals));
  const translatorAt = (i: number) => {
    const t = translators[i];
    if (!t) throw new Error(`no translator ${i}`);
    return t;
  };
  const groupPartners = new Set(companies.map((c) => c.company.partnerId).filter((p): p is number => p !== null));
  const others = companies.map((c) => new Set([...groupPartners].filter((p) => p !== c.company.partnerId)));
  const books = companies.map((c) => loadIntercompany(db, c, groupPartners));
  const othersOf = (i: number): ReadonlySet<number> => others[i] ?? new Set();

  const icRevenue = memo2((i, m) => translatorAt(i).flow(companies[i]?.revenue.toPartners(m, othersOf(i)) ?? 0, m));
  const icReceivable = (i: number, m: MonthKey): number => books[i]?.receivable(m, othersOf(i)) ?? 0;
  const icPayable = (i: number, m: MonthKey): number => books[i]?.payable(m, othersOf(i)) ?? 0;
  const sumCompanies = (f: (i: number) => number | null): number | null => sumOrNull(companies.map((_, i) => f(i)));

  const pnl = (cat: PnlCategory, m: MonthKey): number | null => {
    const total = sumCompanies((i) => translatorAt(i).pnl(cat, m));
    if (total === null) return null;
    if (cat === 'revenue') {
      const elim = sumCompanies((i) => icRevenue(i, m));
      return elim === null ? null : total + elim;
    }
    if (cat === 'cogs') {
      // The buyer's cost of the goods it resold is the seller's intercompany revenue: eliminating the
      // same amount from revenue and cost of sales leaves group margin as earned from outside the group.
      const elim = sumCompanies((i) => icRevenue(i, m));
      return elim === null ? null : total - elim;
    }
    return total;
  };
  const bs = (cls: BsClass, m: MonthKey): number | null => {
    const total = sumCompanies((i) => translatorAt(i).balance(translatorAt(i).company.ledger.bsClosing(cls, m), m));
    if (total === null) return null;
    if (cls === 'receivables') return sumOrNull([total, ...companies.map((_, i) => translatorAt(i).balance(-icReceivable(i, m), m))]);
    if (cls === 'payables') return sumOrNull([total, ...companies.map((_, i) => translatorAt(i).balance(icPayable(i, m), m))]);
    return total;
  };
  // Budgeted intercompany sales, translated like the budgets they are part of (see INTERCOMPANY_BUDGET_LINE).
  const icBudgets = companies.map((c) => loadIntercompanyBudget(db, c.company.id));
  const icBudget = (i: number, m: MonthKey): number | null => {
    const planned = icBudgets[i]?.(m) ?? null;
    return planned === null ? null : translatorAt(i).flow(planned, m);
  };
  const ledger: GroupLedger = { pnl, bs, icRevenue, icBudget, budgetsIntercompany: icBudgets.some((b) => b !== null) };
  // Read once for the whole group: a response about the group (no company) must count once, not per company.
  const inputs = groupInputs(companies, translators, ledger, periods, currency, loadCsat(db, companies.map((c) => c.company.id)));

  const cta = ctaSchedule(translators);
  const equity = (m: MonthKey): { equity: number | null; earnings: number | null; cta: number | null } => {
    const rows = translators.map((_, i) => cta.of(i, m));
    const eq = sumOrNull(rows.map((r) => r.translatedEquityAtHistorical));
    // Revenue and cost of sales are eliminated by the same amount, so group earnings are the companies'.
    const earnings = sumOrNull(rows.map((r) => r.translatedRetainedEarnings));
    const netAssets = sumOrNull(NET_ASSET_CLASSES.map((cls) => bs(cls, m)));
    // Receivables and payables eliminated with different amounts (a bill booked late, a different
    // rate) leave a difference that lands in the group CTA line, visibly, never in an account.
    const groupCta = netAssets === null || eq === null || earnings === null ? null : netAssets - eq - earnings;
    return { equity: eq, earnings, cta: groupCta };
  };

  const revenueElim = (months: readonly MonthKey[]): number => sumOrNull(months.flatMap((m) => companies.map((_, i) => icRevenue(i, m)))) ?? 0;
  const contributions: Contribution[] = [];
  for (const t of translators) {
    for (const measure of ['net_revenue', 'cogs', 'opex'] as const) {
      const perMonth = (m: MonthKey): number | null => (measure === 'net_revenue' ? t.revenue(m) : t.flow(t.company.inputs.flow(measure, m) ?? 0, m));
      contributions.push({ companyId: t.company.company.id, kpi: measure, month: perMonth(periods.month), ytd: sumOrNull(periods.ytd.map(perMonth)) });
    }
  }

  return {
    inputs,
    budgetBasis: ledger.budgetsIntercompany ? 'intercompany_eliminated' : 'entity_sum',
    kpis: composeKpis(inputs, periods),
    pnl,
    bs,
    cta: cta.rows(periods.month),
    ctaTotal: (m) => sumOrNull(cta.rows(m).map((r) => r.cta)),
    equity,
    pairs: matchIntercompanyPairs(companies, translators, books, periods.month),
    eliminated: {
      revenueMonth: revenueElim([periods.month]),
      revenueYtd: revenueElim(periods.ytd),
      receivables: sumCompanies((i) => translatorAt(i).balance(icReceivable(i, periods.month), periods.month)) ?? 0,
      payables: sumCompanies((i) => translatorAt(i).balance(icPayable(i, periods.month), periods.month)) ?? 0,
    },
    contributions,
    rates: translators.flatMap((t) => t.rates).sort((a, b) => (a.from + a.month + a.kind).localeCompare(b.from + b.month + b.kind)),
  };
}
