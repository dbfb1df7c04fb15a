import type { EChartsOption } from 'echarts';
import { CHART_COLORS, CHART_TEXT_STYLE } from './palette';

/** Inputs of the revenue trend: one value per month, oldest first, already in the display unit (e.g. EUR k). */
export interface RevenueTrendInput {
  labels: string[];
  actual: (number | null)[];
  priorYear?: (number | null)[];
  budget?: (number | null)[];
  /** Axis unit label, e.g. "EUR k". */
  unitLabel: string;
}

/**
 * Monthly net revenue: actual as solid bars, prior year as grey bars behind them, budget as an outlined marker
 * line. Static (animation off) so server-side rendering gives the final picture.
 */
export function revenueTrendOption(input: RevenueTrendInput): EChartsOption {
  const series: NonNullable<EChartsOption['series']> = [];
  if (input.priorYear) {
    series.push({ name: 'Prior year', type: 'bar', data: input.priorYear, itemStyle: { color: CHART_COLORS.priorYear }, barGap: '-60%', barWidth: '45%' });
  }
  series.push({ name: 'Actual', type: 'bar', data: input.actual, itemStyle: { color: CHART_COLORS.actual }, barWidth: '45%' });
  if (input.budget) {
    series.push({
      name: 'Budget',
      type: 'line',
      data: input.budget,
      symbol: 'rect',
      symbolSize: 8,
      lineStyle: { type: 'dashed', color: CHART_COLORS.budget, width: 1 },
      itemStyle: { color: '#ffffff', borderColor: CHART_COLORS.budget, borderWidth: 1.5 },
    });
  }
  return {
    animation: false,
    textStyle: CHART_TEXT_STYLE,
    // One series needs no legend: the title names it.
    legend: series.length > 1 ? { bottom: 0, textStyle: CHART_TEXT_STYLE } : { show: false },
    grid: { left: 56, right: 16, top: 28, bottom: series.length > 1 ? 48 : 28 },
    xAxis: { type: 'category', data: input.labels, axisTick: { show: false }, axisLine: { lineStyle: { color: CHART_COLORS.grid } } },
    yAxis: { type: 'value', name: input.unitLabel, nameTextStyle: CHART_TEXT_STYLE, splitLine: { lineStyle: { color: CHART_COLORS.grid } } },
    series,
  };
}
