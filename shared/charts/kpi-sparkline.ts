import type { EChartsOption } from 'echarts';
import { CHART_COLORS } from './palette';

/**
 * A tiny trend line for a KPI tile: no axes, no labels, the last point marked. Missing months (null) leave a gap
 * rather than pretending to be zero.
 */
export function kpiSparklineOption(values: (number | null)[], color: string = CHART_COLORS.actual): EChartsOption {
  const lastIndex = values.length - 1;
  return {
    animation: false,
    grid: { left: 2, right: 6, top: 6, bottom: 4 },
    xAxis: { type: 'category', show: false, boundaryGap: false, data: values.map((_, index) => String(index)) },
    yAxis: { type: 'value', show: false, scale: true },
    series: [
      {
        type: 'line',
        data: values.map((value, index) => ({ value, symbolSize: index === lastIndex ? 5 : 0 })),
        symbol: 'circle',
        showSymbol: true,
        connectNulls: false,
        lineStyle: { width: 1.5, color },
        itemStyle: { color },
        areaStyle: { color, opacity: 0.08 },
      },
    ],
  };
}
