import type { MonthKey, ReportPeriods } from '../../../shared/period/period';
import { AGING_BUCKETS, type AgingBucket } from '../../../shared/reports/types';
import type { BsClass, PnlCategory } from './classification';
import type { CompanyData } from './company-inputs';
import type { CsatLookup } from './csat';
import type { BalanceMeasure, FlowMeasure, KpiInputs, PipelineInputs } from './inputs';
import type { Channel } from './sales';
import type { Translator } from './translator';

/** The translated, eliminated group ledger the group KPIs read (built in consolidation.ts). */
export interface GroupLedger {
  /** Group P&L category (debit-positive), intercompany revenue and cost eliminated. */
  pnl(cat: PnlCategory, month: MonthKey): number | null;
  /** Group balance-sheet class at a month-end (debit-positive), intercompany AR/AP eliminated. */
  bs(cls: BsClass, month: MonthKey): number | null;
  /** Company `index`'s translated revenue from the other group companies in a month (credit-positive). */
  icRevenue(index: number, month: MonthKey): number | null;
  /** Company `index`'s translated budgeted intercompany sales in a month (natural sign), null when not budgeted. */
  icBudget(index: number, month: MonthKey): number | null;
  /** Whether any company's budget names its intercompany sales (decides the group budget rule). */
  budgetsIntercompany: boolean;
}

/** Σ of values, null as soon as one is null (a missing rate anywhere makes the total unknown). */
export function sumOrNull(values: Iterable<number | null>): number | null {
  let total = 0;
  for (const v of values) {
    if (v === null) return null;
    total += v;
  }
  return total;
}

/** The breakdown row that carries the intercompany elimination, so group channels sum to group revenue. */
export const IC_CHANNEL: Channel = { key: 'intercompany_elimination', label: 'Intercompany elimination' };

const BALANCE_CLASS: Record<BalanceMeasure, BsClass> = { cash: 'cash', ar: 'receivables', ap: 'payables', inventory: 'inventory' };

function groupAging(companies: readonly CompanyData[], translators: readonly Translator[], month: MonthKey): Record<AgingBucket, number> | null {
  const result: Record<AgingBucket, number> = { current: 0, d1_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0 };
  for (const [i, c] of companies.entries()) {
    const aging = c.inputs.aging;
    const t = translators[i];
    if (!aging || !t) return null;
    for (const bucket of AGING_BUCKETS) {
      const translated = t.balance(aging[bucket], month);
      if (translated === null) return null;
      result[bucket] += translated;
    }
  }
  return result;
}

function groupPipeline(companies: readonly CompanyData[], translators: readonly Translator[], month: MonthKey): PipelineInputs | null {
  let weighted = 0;
  let weightedRemaining = 0;
  let targetRemaining: number | null = 0;
  const openIds: number[] = [];
  for (const [i, c] of companies.entries()) {
    const p = c.inputs.pipeline;
    const t = translators[i];
    if (!p || !t) return null;
    const w = t.balance(p.weighted, month);
    const r = t.balance(p.weightedRemaining, month);
    if (w === null || r === null) return null;
    weighted += w;
    weightedRemaining += r;
    const target = p.targetRemaining === null ? null : t.balance(p.targetRemaining, month);
    targetRemaining = targetRemaining === null || target === null ? null : targetRemaining + target;
    openIds.push(...p.openIds);
  }
  return { weighted, weightedRemaining, targetRemaining, targetSource: companies[0]?.inputs.pipeline?.targetSource ?? 'none', openIds };
}

/**
 * The group's {@link KpiInputs} in the presentation currency: flows at monthly average rates,
 * balances at closing rates, intercompany eliminated, so the same KPI formulas serve companies and
 * the group. Per-month translations of customer revenue are memoised (windows overlap heavily).
 */
export function groupInputs(
  companies: readonly CompanyData[],
  translators: readonly Translator[],
  ledger: GroupLedger,
  periods: ReportPeriods,
  currency: string,
  groupCsat: CsatLookup | null,
): KpiInputs {
  const sumCompanies = (f: (i: number) => number | null): number | null => sumOrNull(companies.map((_, i) => f(i)));
  const translatorAt = (i: number): Translator => {
    const t = translators[i];
    if (!t) throw new Error(`no translator ${i}`);
    return t;
  };
  const flow = (measure: FlowMeasure, m: MonthKey): number | null => {
    switch (measure) {
      case 'net_revenue':
      case 'other_income': {
        const r = ledger.pnl(measure === 'net_revenue' ? 'revenue' : 'other_income', m);
        return r === null ? null : -r;
      }
      case 'credit_sales':
      case 'purchases':
      case 'orders_amount':
        return sumCompanies((i) => translatorAt(i).flow(companies[i]?.inputs.flow(measure, m) ?? 0, m));
      default:
        return ledger.pnl(measure, m);
    }
  };
  const balance = (measure: BalanceMeasure, m: MonthKey): number | null => {
    const b = ledger.bs(BALANCE_CLASS[measure], m);
    return b === null ? null : measure === 'ap' ? -b : b;
  };

  const channels: Channel[] = [];
  for (const c of companies) for (const ch of c.inputs.channels) if (!channels.some((x) => x.key === ch.key)) channels.push(ch);

  const groupCompanyPartners = new Set(companies.map((c) => c.company.partnerId).filter((p) => p !== null).map((p) => `partner:${p}`));
  const customerMemo = new Map<string, Map<string, { name: string; amount: number }> | null>();
  // One company's external customers in one month, translated at that month's average rate.
  const customersOf = (i: number, m: MonthKey): Map<string, { name: string; amount: number }> | null => {
    const key = `${i}|${m}`;
    if (customerMemo.has(key)) return customerMemo.get(key) ?? null;
    let result: Map<string, { name: string; amount: number }> | null = new Map();
    for (const [partner, entry] of companies[i]?.inputs.customerRevenue([m]) ?? []) {
      if (groupCompanyPartners.has(partner)) continue;
      const t = translatorAt(i).flow(entry.amount, m);
      if (t === null) {
        result = null;
        break;
      }
      result.set(partner, { name: entry.name, amount: t });
    }
    customerMemo.set(key, result);
    return result;
  };

  return {
    currency,
    flow,
    balance,
    channels: [...channels, IC_CHANNEL],
    channelRevenue(m, key) {
      if (key === IC_CHANNEL.key) {
        const e = sumCompanies((i) => ledger.icRevenue(i, m));
        return e === null ? null : -e;
      }
      return sumCompanies((i) => translatorAt(i).channelRevenue(m, key));
    },
    orderCount: (m, key) => companies.reduce((s, c) => s + c.inputs.orderCount(m, key), 0),
    customerRevenue(months) {
      const merged = new Map<string, { name: string; amount: number }>();
      for (const i of companies.keys()) {
        for (const m of months) {
          const customers = customersOf(i, m);
          if (!customers) return null;
          for (const [key, entry] of customers) {
            const total = merged.get(key);
            if (total) total.amount += entry.amount;
            else merged.set(key, { name: entry.name, amount: entry.amount });
          }
        }
      }
      return merged;
    },
    aging: groupAging(companies, translators, periods.month),
    pipeline: groupPipeline(companies, translators, periods.month),
    winLoss(months) {
      let won = 0;
      let lost = 0;
      for (const c of companies) {
        const wl = c.inputs.winLoss(months);
        if (!wl) return null;
        won += wl.won;
        lost += wl.lost;
      }
      return { won, lost };
    },
    csat: (months) => (groupCsat ? groupCsat(months) : null),
    // A group budget exists only where every company is budgeted: comparing the whole group's
    // actual with a partial budget would show a variance that is not there. Each entity budget
    // includes its sales to the other companies; where the budgets name them, the group budget
    // eliminates them from revenue and cost of sales exactly as the actuals are eliminated (margin
    // and EBITDA unchanged). A company without the line is taken to plan no intercompany sales.
    budget(kpi, m) {
      let total = 0;
      let eliminated = 0;
      for (const [i, c] of companies.entries()) {
        const b = c.inputs.budget(kpi, m);
        if (b === null) return null;
        const tr = translatorAt(i).flow(b, m);
        if (tr === null) return null;
        total += tr;
        if (kpi === 'net_revenue' || kpi === 'cogs') eliminated += ledger.icBudget(i, m) ?? 0;
      }
      return total - eliminated;
    },
    budgetNote: ledger.budgetsIntercompany
      ? 'Group budget: entity budgets summed, budgeted intercompany sales eliminated from revenue and COGS.'
      : 'Group budget: entity budgets summed, intercompany sales not eliminated (the budget names none).',
    unavailable: new Map(companies.flatMap((c) => [...c.inputs.unavailable])),
  };
}
