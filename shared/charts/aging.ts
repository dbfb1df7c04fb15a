import type { EChartsOption } from 'echarts';
import { CHART_COLORS, CHART_TEXT_STYLE } from './palette';
import { valueLabel } from './value-label';

/** One ageing bucket ("Current", "1–30", ...) and its open amount in the display unit. */
export interface AgingBucket {
  label: string;
  amount: number;
  /** The bar's value label as the tables print it ("(47)", "–"); defaults to the plain number. */
  valueText?: string;
}

/** Receivables ageing as columns, shading from green (not yet due) to red (90+ days overdue). */
export function agingOption(buckets: AgingBucket[], unitLabel: string): EChartsOption {
  const shades = [CHART_COLORS.accent, '#8fbf7f', CHART_COLORS.warning, '#e07b39', CHART_COLORS.danger];
  return {
    animation: false,
    textStyle: CHART_TEXT_STYLE,
    grid: { left: 56, right: 16, top: 28, bottom: 32 },
    xAxis: { type: 'category', data: buckets.map((bucket) => bucket.label), axisTick: { show: false } },
    yAxis: { type: 'value', name: unitLabel, splitLine: { lineStyle: { color: CHART_COLORS.grid } } },
    series: [
      {
        type: 'bar',
        barWidth: '55%',
        data: buckets.map((bucket, index) => ({
          value: bucket.amount,
          itemStyle: { color: shades[Math.min(index, shades.length - 1)] },
          ...valueLabel(bucket.valueText),
        })),
        label: { show: true, position: 'top', ...CHART_TEXT_STYLE, fontSize: 11 },
      },
    ],
  };
}
