import { useComputedColorScheme } from '@mantine/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerChartParts, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { useLocaleFormat } from '../../locale/LocaleContext';
import { chartNumberFormat, localizeChartOption } from './localize-option';

registerChartParts([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * Draws an option from shared/charts (the same builders the PDF uses) with tooltips and value axes in the
 * Settings locale; `label` names it for screen readers.
 */
export function ChartPanel({ option, height = 260, label }: { option: EChartsCoreOption; height?: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const dark = useComputedColorScheme('light') === 'dark';
  const { locale } = useLocaleFormat();
  const localized = useMemo(() => localizeChartOption(option, chartNumberFormat(locale)), [option, locale]);
  useEffect(() => {
    if (!ref.current) return;
    const chart = init(ref.current, dark ? 'dark' : undefined, { renderer: 'canvas' });
    chart.setOption({ ...localized, backgroundColor: 'transparent' });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [localized, dark]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
