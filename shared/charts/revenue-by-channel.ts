import type { EChartsOption } from 'echarts';
import { CHART_COLORS, CHART_TEXT_STYLE, SERIES_COLORS } from './palette';
import { valueLabel } from './value-label';

/** One channel's revenue in the display unit, with the prior-year figure when known. */
export interface ChannelRevenue {
  channel: string;
  actual: number;
  priorYear?: number | null;
  /** The bar's value label as the tables print it ("(47)"); defaults to the plain number. */
  valueText?: string;
}

/** Horizontal bars of revenue by channel (largest on top), prior year as thin grey bars. */
export function revenueByChannelOption(channels: ChannelRevenue[], unitLabel: string): EChartsOption {
  // ECharts draws category axes bottom-up: reverse so the largest channel is on top.
  const ordered = [...channels].sort((a, b) => a.actual - b.actual || a.channel.localeCompare(b.channel));
  const hasPriorYear = ordered.some((row) => row.priorYear !== undefined && row.priorYear !== null);
  const series: NonNullable<EChartsOption['series']> = [
    {
      name: 'Actual',
      type: 'bar',
      data: ordered.map((row, index) => ({ value: row.actual, itemStyle: { color: SERIES_COLORS[(ordered.length - 1 - index) % SERIES_COLORS.length] }, ...valueLabel(row.valueText) })),
      label: { show: true, position: 'right', ...CHART_TEXT_STYLE, fontSize: 11 },
      barWidth: '50%',
    },
  ];
  if (hasPriorYear) {
    series.push({ name: 'Prior year', type: 'bar', data: ordered.map((row) => row.priorYear ?? null), itemStyle: { color: CHART_COLORS.priorYear }, barWidth: '20%' });
  }
  return {
    animation: false,
    textStyle: CHART_TEXT_STYLE,
    legend: hasPriorYear ? { bottom: 0, textStyle: CHART_TEXT_STYLE } : { show: false },
    grid: { left: 120, right: 56, top: 16, bottom: hasPriorYear ? 40 : 24 },
    xAxis: { type: 'value', name: unitLabel, nameLocation: 'end', splitLine: { lineStyle: { color: CHART_COLORS.grid } } },
    yAxis: { type: 'category', data: ordered.map((row) => row.channel), axisTick: { show: false } },
    series,
  };
}
