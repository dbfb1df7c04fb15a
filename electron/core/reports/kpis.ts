import { ratio, roundHalfAwayFromZero } from '../../../shared/money/money';
import { addMonths, daysInMonth, type MonthKey, type ReportPeriods } from '../../../shared/period/period';
import { dpo, dsoCountback, dsoSimple, daysOfSupply } from '../../../shared/reports/kpi-math';
import { AGING_BUCKETS, type BreakdownRow, type Kpi, type KpiId, type KpiSet, type Unit } from '../../../shared/reports/types';
import { buildKpi, lastOfWindow, sumWindow, unavailableKpi, type WindowEvaluator } from './kpi-builder';
import type { BalanceMeasure, FlowMeasure, KpiInputs } from './inputs';
import { budgetVarianceKpi } from './kpi-budget';

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
  let total = 0;
  for (const [measure, sign] of [['net_revenue', 1], ['cogs', -1], ['opex', -1], ['marketplace_fees', -1]] as const) {
    const value = flow(measure);
    if (value === null) return null;
    total += sign * value;
  }
  return total;
}

/** Evaluators shared by several KPI groups of one composition. */
interface Measures {
  money: Unit;
  flowW(measure: FlowMeasure): WindowEvaluator;
  balW(measure: BalanceMeasure): WindowEvaluator;
  revenue: WindowEvaluator;
  cogs: WindowEvaluator;
  grossMargin: WindowEvaluator;
  ebitda: WindowEvaluator;
  moneyKpi(id: KpiId, e: WindowEvaluator, breakdown?: BreakdownRow[]): Kpi;
}

function measuresOf(inputs: KpiInputs, periods: ReportPeriods): Measures {
  const money: Unit = { kind: 'money', currency: inputs.currency };
  const flowW = (measure: FlowMeasure): WindowEvaluator => sumWindow((m) => inputs.flow(measure, m));
  const balW = (measure: BalanceMeasure): WindowEvaluator => lastOfWindow((m) => inputs.balance(measure, m));
  const revenue = flowW('net_revenue');
  const cogs = flowW('cogs');
  const missing = (e: WindowEvaluator): 'missing_rate' | undefined => (e([periods.month]) === null ? 'missing_rate' : undefined);
  return {
    money,
    flowW,
    balW,
    revenue,
    cogs,
    grossMargin: (w) => combine(revenue(w), cogs(w), (r, c) => r - c),
    ebitda: sumWindow((m) => ebitdaOf((f) => inputs.flow(f, m))),
    moneyKpi: (id, e, breakdown) =>
      buildKpi(id, money, periods, e, { status: missing(e), note: missing(e) ? 'An FX rate needed for translation is missing.' : undefined, breakdown }),
  };
}

type PnlKpis = Pick<KpiSet, 'net_revenue' | 'cogs' | 'gross_margin' | 'gross_margin_pct' | 'opex' | 'ebitda'>;

function pnlKpis(x: Measures, periods: ReportPeriods): PnlKpis {
  return {
    net_revenue: x.moneyKpi('net_revenue', x.revenue),
    cogs: x.moneyKpi('cogs', x.cogs),
    gross_margin: x.moneyKpi('gross_margin', x.grossMargin),
    gross_margin_pct: buildKpi('gross_margin_pct', PERCENT, periods, (w) => combine(x.grossMargin(w), x.revenue(w), (g, r) => ratio(g, r) ?? NaN)),
    opex: x.moneyKpi('opex', x.flowW('opex')),
    ebitda: x.moneyKpi('ebitda', x.ebitda),
  };
}

type WorkingCapitalKpis = Pick<
  KpiSet,
  'cash' | 'ar_total' | 'ar_aging' | 'dso_days' | 'ap_total' | 'dpo_days' | 'inventory_value' | 'inventory_days_of_supply'
>;

function workingCapitalKpis(inputs: KpiInputs, x: Measures, periods: ReportPeriods): WorkingCapitalKpis {
  const aging = inputs.aging;
  const creditSales = x.flowW('credit_sales');
  const ar = x.balW('ar');
  const countback = (w: readonly MonthKey[]): number | null => {
    const end = w[w.length - 1];
    const arEnd = ar(w);
    if (end === undefined || arEnd === null) return null;
    const sales: { sales: number; days: number }[] = [];
    for (let i = 0; i < 24; i += 1) {
      const m = addMonths(end, -i);
      const value = inputs.flow('credit_sales', m);
      if (value === null) return null;
      sales.push({ sales: value, days: daysInMonth(m) });
    }
    return dsoCountback(arEnd, sales);
  };
  const dso = buildKpi('dso_days', DAYS, periods, (w) => combine(ar(w), creditSales(w), (a, s) => dsoSimple(a, s, windowDays(w)) ?? NaN));
  dso.breakdown = [
    { key: 'simple', label: 'Simple (AR / credit sales incl. VAT × days)', month: dso.month, ytd: dso.ytd },
    { key: 'countback', label: 'Countback', month: countback([periods.month]), ytd: countback(periods.ytd) },
  ];
  return {
    cash: x.moneyKpi('cash', x.balW('cash')),
    ar_total: x.moneyKpi('ar_total', ar),
    ar_aging: aging
      ? buildKpi('ar_aging', x.money, periods, () => AGING_BUCKETS.reduce((s, b) => s + aging[b], 0), {
          currentOnly: true,
          breakdown: AGING_BUCKETS.map((b) => ({ key: b, label: AGING_LABELS[b], month: aging[b], ytd: aging[b] })),
        })
      : unavailableKpi('ar_aging', x.money, periods, 'Receivables could not be aged (missing FX rate or data).'),
    dso_days: dso,
    ap_total: x.moneyKpi('ap_total', x.balW('ap')),
    dpo_days: buildKpi('dpo_days', DAYS, periods, (w) => combine(x.balW('ap')(w), x.flowW('purchases')(w), (a, p) => dpo(a, p, windowDays(w)) ?? NaN)),
    inventory_value: x.moneyKpi('inventory_value', x.balW('inventory')),
    inventory_days_of_supply: buildKpi('inventory_days_of_supply', DAYS, periods, (w) =>
      combine(x.balW('inventory')(w), x.cogs(w), (i, c) => daysOfSupply(i, c, windowDays(w)) ?? NaN),
    ),
  };
}

type PipelineKpis = Pick<KpiSet, 'pipeline_weighted' | 'pipeline_coverage' | 'win_rate'>;

function pipelineKpis(inputs: KpiInputs, x: Measures, periods: ReportPeriods): PipelineKpis {
  const pipeline = inputs.pipeline;
  if (!pipeline) {
    const note = `crm.lead was not synced (${inputs.unavailable.get('crm.lead') ?? 'no access'}).`;
    return {
      pipeline_weighted: unavailableKpi('pipeline_weighted', x.money, periods, note),
      pipeline_coverage: unavailableKpi('pipeline_coverage', RATIO, periods, note),
      win_rate: unavailableKpi('win_rate', PERCENT, periods, note),
    };
  }
  const target = pipeline.targetRemaining;
  return {
    pipeline_weighted: buildKpi('pipeline_weighted', x.money, periods, () => pipeline.weighted, {
      currentOnly: true,
      note: 'Open pipeline is the current state of crm.lead; earlier months cannot be rebuilt.',
      breakdown: [{ key: 'closing_this_fiscal_year', label: 'Expected to close after month-end, this fiscal year', month: pipeline.weightedRemaining, ytd: null }],
    }),
    pipeline_coverage:
      target !== null && target > 0
        ? buildKpi('pipeline_coverage', RATIO, periods, () => ratio(pipeline.weightedRemaining, target, 4), {
            currentOnly: true,
            note: `Target: ${pipeline.targetSource === 'budget' ? 'imported revenue budget' : 'crm.team invoicing targets'} for the rest of the fiscal year.`,
          })
        : unavailableKpi('pipeline_coverage', RATIO, periods, 'No revenue target: import a budget or set crm.team invoicing targets.'),
    win_rate: buildKpi('win_rate', PERCENT, periods, (w) => {
      const wl = inputs.winLoss(w);
      return wl === null ? null : ratio(wl.won, wl.won + wl.lost);
    }),
  };
}

type SalesKpis = Pick<KpiSet, 'orders_count' | 'average_order_value' | 'revenue_by_channel' | 'top10_customer_share'>;

function salesKpis(inputs: KpiInputs, x: Measures, periods: ReportPeriods): SalesKpis {
  const channelRows = (pick: (m: MonthKey, key: string) => number | null): BreakdownRow[] =>
    inputs.channels.map((c) => ({
      key: c.key,
      label: c.label,
      month: pick(periods.month, c.key),
      ytd: sumWindow((m) => pick(m, c.key))(periods.ytd),
    }));
  const orderCount = sumWindow((m) => inputs.orderCount(m));
  const top10: WindowEvaluator = (w) => {
    const customers = inputs.customerRevenue(w);
    const total = x.revenue(w);
    if (!customers || total === null) return null;
    const top = [...customers.values()].map((c) => c.amount).sort((a, b) => b - a).slice(0, 10);
    return ratio(top.reduce((s, v) => s + v, 0), total);
  };
  const ltmCustomers = inputs.customerRevenue(periods.ltm);
  return {
    orders_count: buildKpi('orders_count', COUNT, periods, orderCount, { breakdown: channelRows((m, k) => inputs.orderCount(m, k)) }),
    average_order_value: buildKpi('average_order_value', x.money, periods, (w) =>
      combine(x.flowW('orders_amount')(w), orderCount(w), (a, n) => (n === 0 ? NaN : roundHalfAwayFromZero(String(a / n)))),
    ),
    revenue_by_channel: x.moneyKpi('revenue_by_channel', x.revenue, channelRows((m, k) => inputs.channelRevenue(m, k))),
    top10_customer_share: buildKpi('top10_customer_share', PERCENT, periods, top10, {
      breakdown: ltmCustomers
        ? [...ltmCustomers.entries()]
            .sort((a, b) => b[1].amount - a[1].amount)
            .slice(0, 10)
            .map(([key, c]) => ({ key, label: c.name, month: null, ytd: null, extra: { ltm: c.amount } }))
        : undefined,
    }),
  };
}

/** Share of satisfied responses (score ≥ 80 % of the scale); the breakdown gives the counts behind it. */
function csatKpi(inputs: KpiInputs, periods: ReportPeriods): Kpi {
  if (inputs.csat([periods.month]) === null) {
    return unavailableKpi('csat', PERCENT, periods, 'No customer-satisfaction survey imported (boardpack import csat).');
  }
  const count = (pick: 'satisfied' | 'total') => (w: readonly MonthKey[]): number | null => inputs.csat(w)?.[pick] ?? null;
  return buildKpi(
    'csat',
    PERCENT,
    periods,
    (w) => {
      const c = inputs.csat(w);
      return c === null ? null : ratio(c.satisfied, c.total);
    },
    {
      note: 'Share of survey responses scoring at least 80 % of the scale (4 or 5 out of 5).',
      breakdown: [
        { key: 'responses', label: 'Responses', month: count('total')([periods.month]), ytd: count('total')(periods.ytd) },
        { key: 'satisfied', label: 'Satisfied responses', month: count('satisfied')([periods.month]), ytd: count('satisfied')(periods.ytd) },
      ],
    },
  );
}

/** Composes every KPI from one set of inputs (a company in its currency, or the translated group). */
export function composeKpis(inputs: KpiInputs, periods: ReportPeriods): KpiSet {
  const x = measuresOf(inputs, periods);
  return cleanNaN({
    ...pnlKpis(x, periods),
    ...workingCapitalKpis(inputs, x, periods),
    ...pipelineKpis(inputs, x, periods),
    ...salesKpis(inputs, x, periods),
    csat: csatKpi(inputs, periods),
    budget_variance: budgetVarianceKpi(inputs, periods, {
      net_revenue: x.revenue,
      cogs: x.cogs,
      opex: x.flowW('opex'),
      ebitda: x.ebitda,
      gross_margin: x.grossMargin,
    }),
  });
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
