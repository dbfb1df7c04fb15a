import { ratio, roundHalfAwayFromZero } from '../../../shared/money/money';
import { addMonths, daysInMonth, type MonthKey, type ReportPeriods } from '../../../shared/period/period';
import { betterWorse, dpo, dsoCountback, dsoSimple, daysOfSupply } from '../../../shared/reports/kpi-math';
import { AGING_BUCKETS, type BreakdownRow, type Kpi, type KpiId, type KpiSet, type Unit } from '../../../shared/reports/types';
import { buildKpi, lastOfWindow, sumWindow, unavailableKpi, type WindowEvaluator } from './kpi-builder';
import type { BalanceMeasure, FlowMeasure, KpiInputs } from './inputs';
import { BUDGET_KPIS } from './budget';

const PERCENT: Unit = { kind: 'percent' };
const DAYS: Unit = { kind: 'days' };
const COUNT: Unit = { kind: 'count' };
const RATIO: Unit = { kind: 'ratio' };

const AGING_LABELS: Record<(typeof AGING_BUCKETS)[number], string> = {
  current: 'Current',
  d1_30: '1–30 days',
  d31_60: '31–60 days',
  d61_90: '61–90 days',
  d90_plus: 'Over 90 days',
};

function windowDays(months: readonly MonthKey[]): number {
  return months.reduce((sum, m) => sum + daysInMonth(m), 0);
}

function combine(a: number | null, b: number | null, f: (x: number, y: number) => number): number | null {
  return a === null || b === null ? null : f(a, b);
}

/** EBITDA (simple, board-pack.md §2): revenue − COGS − opex − marketplace fees; D&A, interest, tax, FX and other income/expense excluded. */
export function ebitdaOf(flow: (m: FlowMeasure) => number | null): number | null {
  const parts = [flow('net_revenue'), flow('cogs'), flow('opex'), flow('marketplace_fees')];
  if (parts.some((p) => p === null)) return null;
  const [revenue, cogs, opex, fees] = parts as number[];
  return (revenue ?? 0) - (cogs ?? 0) - (opex ?? 0) - (fees ?? 0);
}

/** Composes every KPI from one set of inputs (a company in its currency, or the translated group). */
export function composeKpis(inputs: KpiInputs, periods: ReportPeriods): KpiSet {
  const money: Unit = { kind: 'money', currency: inputs.currency };
  const flowW = (measure: FlowMeasure): WindowEvaluator => sumWindow((m) => inputs.flow(measure, m));
  const balW = (measure: BalanceMeasure): WindowEvaluator => lastOfWindow((m) => inputs.balance(measure, m));
  const revenue = flowW('net_revenue');
  const cogs = flowW('cogs');
  const grossMargin: WindowEvaluator = (w) => combine(revenue(w), cogs(w), (r, c) => r - c);
  const ebitda = sumWindow((m) => ebitdaOf((f) => inputs.flow(f, m)));
  const missing = (e: WindowEvaluator): 'missing_rate' | undefined => (e([periods.month]) === null ? 'missing_rate' : undefined);
  const moneyKpi = (id: KpiId, e: WindowEvaluator, breakdown?: BreakdownRow[]): Kpi =>
    buildKpi(id, money, periods, e, { status: missing(e), note: missing(e) ? 'An FX rate needed for translation is missing.' : undefined, breakdown });

  const kpis: Partial<KpiSet> = {};
  kpis.net_revenue = moneyKpi('net_revenue', revenue);
  kpis.cogs = moneyKpi('cogs', cogs);
  kpis.gross_margin = moneyKpi('gross_margin', grossMargin);
  kpis.gross_margin_pct = buildKpi('gross_margin_pct', PERCENT, periods, (w) => combine(grossMargin(w), revenue(w), (g, r) => ratio(g, r) ?? NaN));
  kpis.opex = moneyKpi('opex', flowW('opex'));
  kpis.ebitda = moneyKpi('ebitda', ebitda);
  kpis.cash = moneyKpi('cash', balW('cash'));
  kpis.ar_total = moneyKpi('ar_total', balW('ar'));
  kpis.ap_total = moneyKpi('ap_total', balW('ap'));
  kpis.inventory_value = moneyKpi('inventory_value', balW('inventory'));

  const aging = inputs.aging;
  if (aging) {
    const total = AGING_BUCKETS.reduce((s, b) => s + aging[b], 0);
    kpis.ar_aging = buildKpi('ar_aging', money, periods, () => total, {
      currentOnly: true,
      breakdown: AGING_BUCKETS.map((b) => ({ key: b, label: AGING_LABELS[b], month: aging[b], ytd: aging[b] })),
    });
  } else {
    kpis.ar_aging = unavailableKpi('ar_aging', money, periods, 'Receivables could not be aged (missing FX rate or data).');
  }

  const creditSales = flowW('credit_sales');
  const ar = balW('ar');
  const countback = (w: readonly MonthKey[]): number | null => {
    const end = w[w.length - 1];
    const arEnd = ar(w);
    if (end === undefined || arEnd === null) return null;
    const months = Array.from({ length: 24 }, (_, i) => addMonths(end, -i));
    const sales = months.map((m) => ({ sales: inputs.flow('credit_sales', m), days: daysInMonth(m) }));
    if (sales.some((s) => s.sales === null)) return null;
    return dsoCountback(arEnd, sales.map((s) => ({ sales: s.sales ?? 0, days: s.days })));
  };
  const dso = buildKpi('dso_days', DAYS, periods, (w) => combine(ar(w), creditSales(w), (a, s) => dsoSimple(a, s, windowDays(w)) ?? NaN));
  dso.breakdown = [
    { key: 'simple', label: 'Simple (AR / credit sales incl. VAT × days)', month: dso.month, ytd: dso.ytd },
    { key: 'countback', label: 'Countback', month: countback([periods.month]), ytd: countback(periods.ytd) },
  ];
  kpis.dso_days = dso;
  kpis.dpo_days = buildKpi('dpo_days', DAYS, periods, (w) =>
    combine(balW('ap')(w), flowW('purchases')(w), (a, p) => dpo(a, p, windowDays(w)) ?? NaN),
  );
  kpis.inventory_days_of_supply = buildKpi('inventory_days_of_supply', DAYS, periods, (w) =>
    combine(balW('inventory')(w), cogs(w), (i, c) => daysOfSupply(i, c, windowDays(w)) ?? NaN),
  );

  const pipeline = inputs.pipeline;
  if (pipeline) {
    kpis.pipeline_weighted = buildKpi('pipeline_weighted', money, periods, () => pipeline.weighted, {
      currentOnly: true,
      note: 'Open pipeline is the current state of crm.lead; earlier months cannot be rebuilt.',
      breakdown: [{ key: 'closing_this_fiscal_year', label: 'Expected to close after month-end, this fiscal year', month: pipeline.weightedRemaining, ytd: null }],
    });
    kpis.pipeline_coverage =
      pipeline.targetRemaining && pipeline.targetRemaining > 0
        ? buildKpi('pipeline_coverage', RATIO, periods, () => ratio(pipeline.weightedRemaining, pipeline.targetRemaining ?? 0, 4), {
            currentOnly: true,
            note: `Target: ${pipeline.targetSource === 'budget' ? 'imported revenue budget' : 'crm.team invoicing targets'} for the rest of the fiscal year.`,
          })
        : unavailableKpi('pipeline_coverage', RATIO, periods, 'No revenue target: import a budget or set crm.team invoicing targets.');
    kpis.win_rate = buildKpi('win_rate', PERCENT, periods, (w) => {
      const wl = inputs.winLoss(w);
      return wl === null ? null : ratio(wl.won, wl.won + wl.lost);
    });
  } else {
    const note = `crm.lead was not synced (${inputs.unavailable.get('crm.lead') ?? 'no access'}).`;
    kpis.pipeline_weighted = unavailableKpi('pipeline_weighted', money, periods, note);
    kpis.pipeline_coverage = unavailableKpi('pipeline_coverage', RATIO, periods, note);
    kpis.win_rate = unavailableKpi('win_rate', PERCENT, periods, note);
  }

  const channelRows = (pick: (m: MonthKey, key: string) => number | null): BreakdownRow[] =>
    inputs.channels.map((c) => ({
      key: c.key,
      label: c.label,
      month: pick(periods.month, c.key),
      ytd: sumWindow((m) => pick(m, c.key))(periods.ytd),
    }));
  const orderCount = sumWindow((m) => inputs.orderCount(m));
  kpis.orders_count = buildKpi('orders_count', COUNT, periods, orderCount, { breakdown: channelRows((m, k) => inputs.orderCount(m, k)) });
  kpis.average_order_value = buildKpi('average_order_value', money, periods, (w) =>
    combine(flowW('orders_amount')(w), orderCount(w), (a, n) => (n === 0 ? NaN : roundHalfAwayFromZero(String(a / n)))),
  );
  kpis.revenue_by_channel = moneyKpi('revenue_by_channel', revenue, channelRows((m, k) => inputs.channelRevenue(m, k)));

  const top10: WindowEvaluator = (w) => {
    const customers = inputs.customerRevenue(w);
    const total = revenue(w);
    if (!customers || total === null) return null;
    const top = [...customers.values()].map((c) => c.amount).sort((a, b) => b - a).slice(0, 10);
    return ratio(top.reduce((s, v) => s + v, 0), total);
  };
  const ltmCustomers = inputs.customerRevenue(periods.ltm);
  kpis.top10_customer_share = buildKpi('top10_customer_share', PERCENT, periods, top10, {
    breakdown: ltmCustomers
      ? [...ltmCustomers.entries()]
          .sort((a, b) => b[1].amount - a[1].amount)
          .slice(0, 10)
          .map(([key, c]) => ({ key, label: c.name, month: null, ytd: null, extra: { ltm: c.amount } }))
      : undefined,
  });

  const csatNow = inputs.csat([periods.month]);
  kpis.csat =
    csatNow === null
      ? unavailableKpi('csat', PERCENT, periods, 'No customer-satisfaction survey imported (boardpack import csat).')
      : buildKpi('csat', PERCENT, periods, (w) => {
          const c = inputs.csat(w);
          return c === null ? null : ratio(c.satisfied, c.total);
        });

  const budgetRows: BreakdownRow[] = [];
  for (const kpi of BUDGET_KPIS) {
    const actual = kpi === 'ebitda' ? ebitda : kpi === 'gross_margin' ? grossMargin : flowW(kpi);
    const budgetW = sumWindow((m) => inputs.budget(kpi, m));
    if (periods.ytd.every((m) => inputs.budget(kpi, m) === null)) continue;
    const nature = kpi === 'cogs' || kpi === 'opex' ? 'cost' : 'revenue';
    const variance = (w: readonly MonthKey[]): number | null => combine(actual(w), budgetW(w), (a, b) => betterWorse(a, b, nature));
    budgetRows.push({
      key: kpi,
      label: kpi,
      month: variance([periods.month]),
      ytd: variance(periods.ytd),
      extra: { actual_month: actual([periods.month]), budget_month: budgetW([periods.month]), actual_ytd: actual(periods.ytd), budget_ytd: budgetW(periods.ytd) },
    });
  }
  const revenueBudget = sumWindow((m) => inputs.budget('net_revenue', m));
  kpis.budget_variance =
    budgetRows.length === 0
      ? unavailableKpi('budget_variance', money, periods, 'No budget imported (boardpack import budget).')
      : buildKpi('budget_variance', money, periods, (w) => combine(revenue(w), revenueBudget(w), (a, b) => betterWorse(a, b, 'revenue')), {
          note: 'Net revenue vs budget, Better/(Worse); every budgeted line is in the breakdown.',
          breakdown: budgetRows,
        });

  return cleanNaN(kpis as KpiSet);
}

/** Ratio helpers return NaN for undefined ratios inside combine(); the model wants null. */
function cleanNaN(set: KpiSet): KpiSet {
  const fix = (v: number | null): number | null => (v === null || Number.isNaN(v) ? null : v);
  for (const kpi of Object.values(set)) {
    kpi.month = fix(kpi.month);
    kpi.qtd = fix(kpi.qtd);
    kpi.ytd = fix(kpi.ytd);
    kpi.ltm = fix(kpi.ltm);
    kpi.priorYearMonth = fix(kpi.priorYearMonth);
    kpi.priorYearYtd = fix(kpi.priorYearYtd);
    kpi.trend = kpi.trend.map((p) => ({ month: p.month, value: fix(p.value) }));
    if (kpi.status === 'ok' && kpi.month === null) kpi.status = 'not_applicable';
  }
  return set;
}
