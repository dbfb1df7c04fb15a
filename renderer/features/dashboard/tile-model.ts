import { formatChange } from '../../../shared/boardpack/format';
import { KPI_LABELS, kpiLabel, kpiUnit, priorMonth } from '../../../shared/boardpack/report-view';
import type { Kpi, KpiId } from '../../../shared/reports/types';
import type { TileChange } from '../../ui/KpiTile/KpiTile';

function tone(id: KpiId, change: number | null): TileChange['tone'] {
  const good = KPI_LABELS[id]?.good ?? 'neutral';
  if (change === null || change === 0 || good === 'neutral') return 'neutral';
  return (change > 0) === (good === 'higher') ? 'better' : 'worse';
}

function comparison(id: KpiId, kpi: Kpi, label: string, base: number | null): TileChange {
  const change = kpi.month === null || base === null ? null : kpi.month - base;
  return { label, text: formatChange(change, base, kpiUnit(kpi)), tone: tone(id, change) };
}

/** Tile text for a KPI: changes against the prior month, the same month last year, and budget when loaded. */
export function tileChanges(id: KpiId, kpi: Kpi, budget: number | null): TileChange[] {
  const changes = [comparison(id, kpi, 'vs prior month', priorMonth(kpi)), comparison(id, kpi, 'vs last year', kpi.priorYearMonth)];
  if (budget !== null) changes.push(comparison(id, kpi, 'vs budget', budget));
  return changes;
}

/** A KPI's budget for the month, from the budget_variance breakdown (one row per KPI with a budget). */
export function budgetFor(id: KpiId, variance: Kpi | undefined): number | null {
  const row = variance?.breakdown?.find((r) => r.key === id);
  return row?.extra?.budget_month ?? null;
}

export { kpiLabel, kpiUnit };
