import type { MonthKey, ReportPeriods } from '../../../shared/period/period';
import { BUDGET_KPIS, budgetNature, type BudgetKpi } from '../../../shared/reports/budget-kpis';
import { betterWorse } from '../../../shared/reports/kpi-math';
import { ratio } from '../../../shared/money/money';
import type { BreakdownRow, Kpi, Unit } from '../../../shared/reports/types';
import { buildKpi, sumWindow, unavailableKpi, type WindowEvaluator } from './kpi-builder';
import type { KpiInputs } from './inputs';

/** Headline order: the first budgeted of these is the KPI's value; every budgeted line is in the breakdown. */
const HEADLINE_ORDER: readonly BudgetKpi[] = ['net_revenue', 'ebitda', 'gross_margin', 'cogs', 'opex'];

/**
 * Budget vs actual (board-pack.md §2): variance = actual − budget for revenue-like lines and
 * budget − actual for cost lines, so a positive variance is always Better and a negative one
 * (Worse); variance % = variance / |budget|. A window with an unbudgeted month has no variance.
 */
export function budgetVarianceKpi(inputs: KpiInputs, periods: ReportPeriods, actuals: Readonly<Record<BudgetKpi, WindowEvaluator>>): Kpi {
  const money: Unit = { kind: 'money', currency: inputs.currency };
  const budgeted = BUDGET_KPIS.filter((kpi) => periods.ytd.some((m) => inputs.budget(kpi, m) !== null));
  if (budgeted.length === 0) return unavailableKpi('budget_variance', money, periods, 'No budget for these months (boardpack import budget); a group figure needs every company budgeted.');

  const varianceOf = (kpi: BudgetKpi): WindowEvaluator => {
    const budget = sumWindow((m: MonthKey) => inputs.budget(kpi, m));
    return (w) => {
      const a = actuals[kpi](w);
      const b = budget(w);
      return a === null || b === null ? null : betterWorse(a, b, budgetNature(kpi));
    };
  };
  const rows: BreakdownRow[] = budgeted.map((kpi) => {
    const budget = sumWindow((m: MonthKey) => inputs.budget(kpi, m));
    const variance = varianceOf(kpi);
    const pct = (w: readonly MonthKey[]): number | null => {
      const v = variance(w);
      const b = budget(w);
      return v === null || b === null || b === 0 ? null : ratio(v, Math.abs(b));
    };
    return {
      key: kpi,
      label: kpi,
      month: variance([periods.month]),
      ytd: variance(periods.ytd),
      extra: {
        actual_month: actuals[kpi]([periods.month]),
        budget_month: budget([periods.month]),
        variance_pct_month: pct([periods.month]),
        actual_ytd: actuals[kpi](periods.ytd),
        budget_ytd: budget(periods.ytd),
        variance_pct_ytd: pct(periods.ytd),
      },
    };
  });
  const headline = HEADLINE_ORDER.find((kpi) => budgeted.includes(kpi)) ?? 'net_revenue';
  return buildKpi('budget_variance', money, periods, varianceOf(headline), {
    note: `${headline} vs budget, Better/(Worse): positive is favourable. Every budgeted line is in the breakdown.${inputs.budgetNote ? ` ${inputs.budgetNote}` : ''}`,
    breakdown: rows,
  });
}
