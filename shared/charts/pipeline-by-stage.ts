import type { EChartsOption } from 'echarts';
import { CHART_COLORS, CHART_TEXT_STYLE } from './palette';
import { valueLabel } from './value-label';

/** One CRM stage: open expected revenue and its probability-weighted part, in the display unit. */
export interface PipelineStage {
  stage: string;
  /** Unweighted expected revenue, when the source has it. */
  expected?: number;
  weighted: number;
  /** The weighted bar's value label as the tables print it; defaults to the plain number. */
  valueText?: string;
}

/** Open pipeline by stage (in stage order): expected revenue outlined (when known), weighted revenue solid. */
export function pipelineByStageOption(stages: PipelineStage[], unitLabel: string): EChartsOption {
  const hasExpected = stages.some((stage) => stage.expected !== undefined);
  const series: NonNullable<EChartsOption['series']> = [];
  if (hasExpected) {
    series.push({
      name: 'Expected',
      type: 'bar',
      data: stages.map((stage) => stage.expected ?? null),
      barGap: '-100%',
      barWidth: '50%',
      itemStyle: { color: '#ffffff', borderColor: CHART_COLORS.actual, borderWidth: 1 },
    });
  }
  series.push({
    name: 'Weighted',
    type: 'bar',
    data: stages.map((stage) => ({ value: stage.weighted, ...valueLabel(stage.valueText) })),
    barWidth: '50%',
    itemStyle: { color: CHART_COLORS.actual },
    label: { show: true, position: 'top', ...CHART_TEXT_STYLE, fontSize: 11 },
  });
  return {
    animation: false,
    textStyle: CHART_TEXT_STYLE,
    legend: hasExpected ? { bottom: 0, textStyle: CHART_TEXT_STYLE } : { show: false },
    grid: { left: 56, right: 16, top: 28, bottom: 48 },
    xAxis: { type: 'category', data: stages.map((stage) => stage.stage), axisTick: { show: false } },
    yAxis: { type: 'value', name: unitLabel, splitLine: { lineStyle: { color: CHART_COLORS.grid } } },
    series,
  };
}
