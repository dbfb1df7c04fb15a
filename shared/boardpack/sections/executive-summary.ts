import { kpiSparklineOption, revenueTrendOption } from '../../charts';
import type { Kpi, KpiId } from '../../reports/types';
import { chartAmount } from '../display-values';
import type { Block, KpiTile } from '../model';
import { KPI_LABELS, kpiLabel, kpiUnit, priorMonth, trendValues } from '../report-view';
import type { SectionContext } from './context';
import { kpiTableWithNotes } from './kpi-tables';

/**
 * The six executive KPIs of the board pack (issue 6), in tile order: the same six the dashboard shows, so the
 * pack and the screen agree. EBITDA and cash are shown in the P&L and cash sections.
 */
export const HEADLINE_KPIS: KpiId[] = ['net_revenue', 'gross_margin_pct', 'dso_days', 'pipeline_coverage', 'inventory_days_of_supply', 'csat'];

/** Tile captions where the executive name differs from the statement line's. */
const TILE_LABELS: Partial<Record<KpiId, string>> = {
  net_revenue: 'Net new revenue',
  gross_margin_pct: 'Gross margin',
  dso_days: 'Days sales outstanding',
  inventory_days_of_supply: 'Inventory days of supply',
};

function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

/** Plain-words reason for a missing or partial value, from the engine's status and note. */
function statusNote(kpi: Kpi): string | undefined {
  if (kpi.status === 'ok') return undefined;
  if (kpi.note) return kpi.note;
  if (kpi.status === 'missing_rate') return 'An exchange rate needed for the translation is missing in the cache.';
  if (kpi.status === 'not_applicable') return 'Not meaningful this month (the base is zero).';
  if (kpi.status === 'partial') return 'Computed from incomplete data.';
  return 'The data behind this figure was not synced.';
}

function budgetNote(context: SectionContext, budget: number | null): string | undefined {
  if (budget !== null) return undefined;
  return context.view.kpis.budget_variance?.status === 'ok' ? 'not budgeted' : 'no budget imported';
}

/** Builds the KPI tiles (value, change vs prior month and budget, 13-month sparkline, reason when missing). */
export function kpiTiles(context: SectionContext, ids: KpiId[]): KpiTile[] {
  return ids.flatMap((id): KpiTile[] => {
    const kpi = context.view.kpis[id];
    if (!kpi) return [];
    const prior = priorMonth(kpi);
    const budget = context.budget?.[id] ?? null;
    const unit = kpiUnit(kpi);
    const note = statusNote(kpi);
    const noBudget = budgetNote(context, budget);
    return [
      {
        id,
        label: TILE_LABELS[id] ?? kpiLabel(id),
        unit,
        status: kpi.status,
        ...(note ? { note } : {}),
        unitLabel: unit === 'amount' ? context.unitLabel : '',
        value: kpi.month,
        prior,
        budget,
        ...(noBudget ? { budgetNote: noBudget } : {}),
        changeVsPrior: difference(kpi.month, prior),
        changeVsBudget: difference(kpi.month, budget),
        good: KPI_LABELS[id]?.good ?? 'neutral',
        sparkline: trendValues(kpi),
        sparklineLabels: context.trendLabels,
        definition: KPI_LABELS[id]?.definition ?? '',
      },
    ];
  });
}

/** Executive summary: the six tiles, the revenue trend, then the key figures with their comparisons. */
export function executiveSummaryBlocks(context: SectionContext): Block[] {
  const revenue = context.view.kpis.net_revenue;
  const blocks: Block[] = [{ type: 'kpis', tiles: kpiTiles(context, HEADLINE_KPIS) }];
  if (revenue) {
    blocks.push({
      type: 'chart',
      id: 'revenue-trend',
      title: `Net revenue, last 13 months (${context.unitLabel})`,
      width: 900,
      height: 220,
      option: revenueTrendOption({
        labels: context.trendLabels,
        actual: revenue.trend.map((point) => chartAmount(point.value, context.display.currencyDecimals, context.scale)),
        unitLabel: context.unitLabel,
      }),
    });
  }
  blocks.push(
    ...kpiTableWithNotes('summary', 'Key figures', context.unitLabel, context.view, [
      'net_revenue',
      'gross_margin',
      'gross_margin_pct',
      'ebitda',
      'cash',
      'ar_total',
      'dso_days',
      'inventory_value',
      'inventory_days_of_supply',
      'pipeline_weighted',
      'pipeline_coverage',
      'csat',
    ]),
  );
  return blocks;
}

/** The sparkline option of a tile (rendered by the exporters and the UI). */
export function tileSparkline(tile: KpiTile) {
  return kpiSparklineOption(tile.sparkline);
}
