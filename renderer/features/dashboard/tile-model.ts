import { formatChange, type NumberSeparators } from '../../../shared/boardpack/format';
import { KPI_LABELS, kpiLabel, kpiUnit, priorMonth } from '../../../shared/boardpack/report-view';
import type { Kpi, KpiId } from '../../../shared/reports/types';
import type { TileChange } from '../../ui/KpiTile/KpiTile';

function tone(id: KpiId, change: number | null): TileChange['tone'] {
  const good = KPI_LABELS[id]?.good ?? 'neutral';
  if (change === null || change === 0 || good === 'neutral') return 'neutral';
  return (change > 0) === (good === 'higher') ? 'better' : 'worse';
}

function comparison(id: KpiId, kpi: Kpi, label: string, base: number | null, separators?: NumberSeparators): TileChange {
  const change = kpi.month === null || base === null ? null : kpi.month - base;
  return { label, text: formatChange(change, base, kpiUnit(kpi), separators), tone: tone(id, change) };
}

/** Tile text for a KPI: changes against the prior month, the same month last year, and budget when loaded (in the locale's separators). */
export function tileChanges(id: KpiId, kpi: Kpi, budget: number | null, separators?: NumberSeparators): TileChange[] {
  const changes = [comparison(id, kpi, 'vs prior month', priorMonth(kpi), separators), comparison(id, kpi, 'vs last year', kpi.priorYearMonth, separators)];
  if (budget !== null) changes.push(comparison(id, kpi, 'vs budget', budget, separators));
  return changes;
}

/** A KPI's budget for the month, from the budget_variance breakdown (one row per KPI with a budget). */
export function budgetFor(id: KpiId, variance: Kpi | undefined): number | null {
  const row = variance?.breakdown?.find((r) => r.key === id);
  return row?.extra?.budget_month ?? null;
}

export { kpiLabel, kpiUnit };
