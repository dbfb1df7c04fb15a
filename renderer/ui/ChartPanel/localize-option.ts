import type { EChartsCoreOption } from 'echarts/core';

/** Formats a chart number for display; ECharts hands tooltips and axis labels raw floats. */
export type ChartNumberFormat = (value: number) => string;

/** The locale's marks on any chart number, keeping the value's own precision (as ECharts' default does). */
export function chartNumberFormat(locale: string): ChartNumberFormat {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  return (value) => format.format(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Gives a value axis the locale's number labels unless the chart already chose its own formatter. */
function localizeAxis(axis: unknown, format: ChartNumberFormat): unknown {
  if (Array.isArray(axis)) return axis.map((one) => localizeAxis(one, format));
  if (!isRecord(axis) || axis.type !== 'value') return axis;
  const label = isRecord(axis.axisLabel) ? axis.axisLabel : {};
  if (label.formatter !== undefined) return axis;
  return { ...axis, axisLabel: { ...label, formatter: (value: number) => format(value) } };
}

/**
 * The on-screen variant of a shared chart option (the PDF draws the same option untouched): axis-triggered
 * tooltips and value-axis labels in the reader's locale, e.g. "1.234,5" for de-DE.
 */
export function localizeChartOption(option: EChartsCoreOption, format: ChartNumberFormat): EChartsCoreOption {
  return {
    ...option,
    xAxis: localizeAxis(option.xAxis, format),
    yAxis: localizeAxis(option.yAxis, format),
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? format(value) : value === null || value === undefined ? '\u2013' : String(value)) },
  };
}
