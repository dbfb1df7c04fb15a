import { kpiSparklineOption, revenueTrendOption } from '../../charts';
import type { KpiId } from '../../reports/types';
import { chartAmount } from '../display-values';
import type { Block, KpiTile } from '../model';
import { KPI_LABELS, kpiLabel, kpiUnit, lastTwelve, priorMonth } from '../report-view';
import type { SectionContext } from './context';
import { kpiTable } from './kpi-tables';

/** The six headline KPIs of the board pack, in tile order. */
export const HEADLINE_KPIS: KpiId[] = ['net_revenue', 'gross_margin_pct', 'ebitda', 'cash', 'dso_days', 'pipeline_coverage'];

function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

/** Builds the KPI tiles (value, change vs prior month and budget, 12-month sparkline). */
export function kpiTiles(context: SectionContext, ids: KpiId[]): KpiTile[] {
  const labels = context.trendLabels.slice(-12);
  return ids.flatMap((id): KpiTile[] => {
    const kpi = context.view.kpis[id];
    if (!kpi) return [];
    const prior = priorMonth(kpi);
    const budget = context.budget?.[id] ?? null;
    return [
      {
        id,
        label: kpiLabel(id),
        unit: kpiUnit(kpi),
        value: kpi.month,
        prior,
        budget,
        changeVsPrior: difference(kpi.month, prior),
        changeVsBudget: difference(kpi.month, budget),
        good: KPI_LABELS[id]?.good ?? 'neutral',
        sparkline: lastTwelve(kpi),
        sparklineLabels: labels,
        definition: kpi.status === 'ok' ? (KPI_LABELS[id]?.definition ?? '') : (kpi.note ?? kpi.status),
      },
    ];
  });
}

/** Executive summary: tiles, the revenue trend, then the KPI comparison table (commentary is appended by the builder). */
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
    kpiTable('summary', 'Key figures', context.unitLabel, context.view, [
      'net_revenue',
      'gross_margin',
      'gross_margin_pct',
      'ebitda',
      'cash',
      'ar_total',
      'dso_days',
      'inventory_value',
      'pipeline_weighted',
      'pipeline_coverage',
    ]),
  );
  return blocks;
}

/** The sparkline option of a tile (rendered by the exporters and the UI). */
export function tileSparkline(tile: KpiTile) {
  return kpiSparklineOption(tile.sparkline);
}
