/**
 * The demo company's plan data, which lives outside Odoo: a monthly budget per company and a
 * customer-satisfaction survey export, in the formats `boardpack import budget|csat` read.
 *
 * The budget is drawn from the generator's own figures (the answer key), as a finance team would
 * plan from last year's run rate: a smoothed (three-month centred) actual with a seeded planning
 * error, so some months land over budget and some under. It covers the whole history and twelve
 * months beyond it, so pipeline coverage has a revenue target for the rest of every fiscal year.
 */
import type { AnswerKey, AnswerKeyCompany } from './answer-key';
import { parseMonth } from './calendar';
import { money, toCsv, type CsvStyle } from './exports/csv';
import { Rng } from './prng';

/** Where the plan files go inside the exports folder (apart from the channel folders reconciliation reads). */
export const BUDGET_FILE = 'plan/budget.csv';
export const CSAT_FILE = 'plan/csat.csv';

const PLAN_STYLE: CsvStyle = { delimiter: ',', eol: '\n', bom: false };
export const BUDGET_HEADER = ['company', 'kpi', 'month', 'amount'] as const;
export const CSAT_HEADER = ['response_id', 'date', 'company', 'score', 'channel'] as const;

/** Months budgeted beyond the last month of the history (a full fiscal year ahead for every entity). */
export const FORWARD_MONTHS = 12;
/** Year-on-year growth the plan assumes for the forward months. */
const PLAN_GROWTH = 1.06;
/** Budgets are planned in whole hundreds of the company currency (cents: 10 000). */
const PLAN_ROUNDING = 10_000;

/** Score shares of a 1–5 survey (index 0 = score 1): mostly happy, a long unhappy tail. */
const SCORE_WEIGHTS = [0.05, 0.07, 0.13, 0.33, 0.42];
const CSAT_CHANNELS = ['email', 'web', 'phone'];

function shiftMonth(key: string, delta: number): string {
  const { year, month } = parseMonth(key);
  const index = year * 12 + (month - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function roundPlan(cents: number): number {
  return Math.round(cents / PLAN_ROUNDING) * PLAN_ROUNDING;
}

/** One company's budget by month: revenue, COGS and opex planned; margin and EBITDA follow from them. */
function companyBudget(company: AnswerKeyCompany, rng: Rng): Array<{ month: string; net_revenue: number; cogs: number; opex: number }> {
  const history = company.months;
  const smoothed = (pick: (m: (typeof history)[number]) => number, i: number): number => {
    const window = history.slice(Math.max(0, i - 1), Math.min(history.length, i + 2));
    return window.reduce((sum, m) => sum + pick(m), 0) / window.length;
  };
  const rows: Array<{ month: string; net_revenue: number; cogs: number; opex: number }> = [];
  const total = history.length + FORWARD_MONTHS;
  for (let i = 0; i < total; i++) {
    // Forward months are last year's same month grown by the plan rate.
    const source = i < history.length ? i : i - 12;
    const growth = i < history.length ? 1 : PLAN_GROWTH;
    const month = i < history.length ? history[i]!.month : shiftMonth(history[history.length - 1]!.month, i - history.length + 1);
    // One planning error per month and line: revenue and costs miss independently.
    const plan = (pick: (m: (typeof history)[number]) => number, spread: number): number =>
      roundPlan(Math.max(0, smoothed(pick, source) * growth * (1 + spread * rng.gauss())));
    rows.push({ month, net_revenue: plan((m) => m.net_revenue, 0.06), cogs: plan((m) => m.cogs, 0.05), opex: plan((m) => m.opex, 0.04) });
  }
  return rows;
}

/**
 * A company's planned sales to the other group companies by month: the smoothed actual of the same
 * month (grown for forward months) with its own seeded error, never above the month's revenue plan.
 * Its own random stream, so adding it left the other budget lines exactly as they were.
 */
function intercompanyPlan(company: AnswerKeyCompany, rng: Rng, months: ReadonlyArray<{ month: string; net_revenue: number }>): number[] {
  const history = company.months;
  return months.map((plan, i) => {
    const source = i < history.length ? i : i - 12;
    const growth = i < history.length ? 1 : PLAN_GROWTH;
    const window = history.slice(Math.max(0, source - 1), Math.min(history.length, source + 2));
    const smoothed = window.reduce((sum, m) => sum + m.intercompany_sales, 0) / window.length;
    return Math.min(plan.net_revenue, roundPlan(Math.max(0, smoothed * growth * (1 + 0.05 * rng.gauss()))));
  });
}

/**
 * The budget file: per company and month the five budgetable KPIs (amounts in company currency,
 * revenue and costs positive). Gross margin and EBITDA are the plan's own arithmetic, so every
 * line ties: gross_margin = net_revenue − cogs, ebitda = gross_margin − opex. Each company also
 * names the part of its revenue plan sold to the other group companies (`intercompany_revenue`, 0
 * for a company that sells nothing inside the group), so the group budget eliminates it like the
 * consolidated actuals and the group compares like with like.
 */
export function buildBudgetCsv(key: AnswerKey): string {
  const rows: string[][] = [];
  for (const company of key.companies) {
    const rng = Rng.derive(key.seed, `budget-${company.id}`);
    const plans = companyBudget(company, rng);
    const intercompany = intercompanyPlan(company, Rng.derive(key.seed, `budget-ic-${company.id}`), plans);
    for (const [index, plan] of plans.entries()) {
      const grossMargin = plan.net_revenue - plan.cogs;
      const ebitda = grossMargin - plan.opex;
      const id = String(company.id);
      rows.push([id, 'net_revenue', plan.month, money(plan.net_revenue)]);
      rows.push([id, 'cogs', plan.month, money(plan.cogs)]);
      rows.push([id, 'gross_margin', plan.month, money(grossMargin)]);
      rows.push([id, 'opex', plan.month, money(plan.opex)]);
      rows.push([id, 'ebitda', plan.month, money(ebitda)]);
      rows.push([id, 'intercompany_revenue', plan.month, money(intercompany[index] ?? 0)]);
    }
  }
  return toCsv(BUDGET_HEADER, rows, PLAN_STYLE);
}

/** Responses a company gets per month at each scale of the demo (the parent answers more surveys). */
function responsesPerMonth(scale: string, companyIndex: number): number {
  const base = scale === 'large' ? 240 : scale === 'medium' ? 90 : 24;
  return Math.round(base * (companyIndex === 0 ? 1 : 0.5));
}

/**
 * The survey export: one response per row with a unique id, the local date, the company and a
 * 1–5 score. Satisfaction drifts a little from month to month (a bad month, a good quarter) around
 * a realistic distribution, so the CSAT trend moves.
 */
export function buildCsatCsv(key: AnswerKey): string {
  const rows: string[][] = [];
  key.companies.forEach((company, companyIndex) => {
    const rng = Rng.derive(key.seed, `csat-${company.id}`);
    let sequence = 0;
    for (const month of company.months) {
      const { year, month: m } = parseMonth(month.month);
      const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
      // Shifts weight between "happy" (4–5) and "unhappy" (1–2) for the whole month.
      const mood = 0.12 * rng.gauss();
      const weights = SCORE_WEIGHTS.map((w, i) => Math.max(0.01, w * (1 + (i >= 3 ? mood : i <= 1 ? -mood * 2 : 0))));
      const count = rng.around(responsesPerMonth(key.scale, companyIndex), 0.2);
      const responses: Array<{ day: number; score: number; channel: string }> = [];
      for (let n = 0; n < count; n++) responses.push({ day: rng.int(1, days), score: rng.weightedIndex(weights) + 1, channel: rng.pick(CSAT_CHANNELS) });
      // Survey tools export in submission order, numbering responses as they arrive.
      responses.sort((a, b) => a.day - b.day);
      for (const response of responses) {
        sequence += 1;
        const date = `${month.month}-${String(response.day).padStart(2, '0')}`;
        rows.push([`S${company.id}-${String(sequence).padStart(5, '0')}`, date, String(company.id), String(response.score), response.channel]);
      }
    }
  });
  return toCsv(CSAT_HEADER, rows, PLAN_STYLE);
}
