import type { ReportPeriods, MonthKey } from '../../../shared/period/period';
import type { BreakdownRow, Kpi, KpiId, KpiStatus, Unit } from '../../../shared/reports/types';

/** A value for a set of months (flows sum them; balances read the last; ratios recompute from sums). */
export type WindowEvaluator = (months: readonly MonthKey[]) => number | null;

/** Sums a per-month function over a window; null when any month is null (e.g. a missing rate). */
export function sumWindow(perMonth: (month: MonthKey) => number | null): WindowEvaluator {
  return (months) => {
    let total = 0;
    for (const month of months) {
      const value = perMonth(month);
      if (value === null) return null;
      total += value;
    }
    return total;
  };
}

/** Reads a point-in-time value at the window's last month-end. */
export function lastOfWindow(atMonth: (month: MonthKey) => number | null): WindowEvaluator {
  return (months) => {
    const last = months[months.length - 1];
    return last === undefined ? null : atMonth(last);
  };
}

/** Extra fields of a KPI besides its numbers. */
export interface KpiExtras {
  status?: KpiStatus;
  note?: string;
  breakdown?: BreakdownRow[];
  /** For KPIs only knowable now (open pipeline): values for earlier months are null. */
  currentOnly?: boolean;
}

/** Builds a KPI from one evaluator applied to every comparison window of the report month. */
export function buildKpi(id: KpiId, unit: Unit, periods: ReportPeriods, evaluate: WindowEvaluator, extras: KpiExtras = {}): Kpi {
  const at = (months: readonly MonthKey[]): number | null => (extras.currentOnly && months.at(-1) !== periods.month ? null : evaluate(months));
  const month = at([periods.month]);
  const kpi: Kpi = {
    id,
    unit,
    status: extras.status ?? (month === null ? 'not_applicable' : 'ok'),
    month,
    qtd: at(periods.qtd),
    ytd: at(periods.ytd),
    ltm: at(periods.ltm),
    priorYearMonth: at([periods.priorYearMonth]),
    priorYearYtd: at(periods.priorYearYtd),
    trend: periods.trend.map((m) => ({ month: m, value: at([m]) })),
  };
  if (extras.note !== undefined) kpi.note = extras.note;
  if (extras.breakdown !== undefined) kpi.breakdown = extras.breakdown;
  return kpi;
}

/** A KPI with no data at all (model not synced, nothing imported). */
export function unavailableKpi(id: KpiId, unit: Unit, periods: ReportPeriods, note: string): Kpi {
  return buildKpi(id, unit, periods, () => null, { status: 'unavailable', note });
}
