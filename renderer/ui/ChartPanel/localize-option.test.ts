import { describe, expect, it } from 'vitest';
import { agingOption } from '../../../shared/charts';
import { chartNumberFormat, localizeChartOption } from './localize-option';

type Formatter = (value: unknown) => string;

describe('localizeChartOption', () => {
  const de = chartNumberFormat('de-DE');

  it('formats tooltips and value-axis labels with the locale\'s marks', () => {
    const option = localizeChartOption({ xAxis: { type: 'category', data: ['a'] }, yAxis: { type: 'value', name: 'EUR k' }, series: [] }, de);
    const tooltip = option.tooltip as { trigger: string; valueFormatter: Formatter };
    expect(tooltip.trigger).toBe('axis');
    expect(tooltip.valueFormatter(1234.5)).toBe('1.234,5');
    expect(tooltip.valueFormatter(null)).toBe('\u2013');
    const yAxis = option.yAxis as { name: string; axisLabel: { formatter: Formatter } };
    expect(yAxis.name).toBe('EUR k');
    expect(yAxis.axisLabel.formatter(-2500000)).toBe('-2.500.000');
    expect(option.xAxis).toEqual({ type: 'category', data: ['a'] });
  });

  it('keeps a formatter the chart chose, handles axis arrays and leaves the input untouched', () => {
    const own = () => 'own';
    const input = { yAxis: [{ type: 'value', axisLabel: { formatter: own } }, { type: 'value' }] };
    const option = localizeChartOption(input, de);
    const axes = option.yAxis as Array<{ axisLabel: { formatter: Formatter } }>;
    expect(axes[0].axisLabel.formatter).toBe(own);
    expect(axes[1].axisLabel.formatter(0.25)).toBe('0,25');
    expect(input.yAxis[1]).toEqual({ type: 'value' });
  });

  it('localises the shared chart builders\' value axes', () => {
    const option = localizeChartOption(agingOption([{ label: '0-30', amount: 1234.5 }], 'EUR k'), chartNumberFormat('fr-FR'));
    const yAxis = option.yAxis as { axisLabel: { formatter: Formatter } };
    expect(yAxis.axisLabel.formatter(1234.5)).toBe('1\u202f234,5');
  });
});
