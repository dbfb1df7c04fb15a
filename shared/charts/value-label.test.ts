import { describe, expect, it } from 'vitest';
import { agingOption } from './aging';
import { pipelineByStageOption } from './pipeline-by-stage';
import { revenueByChannelOption } from './revenue-by-channel';
import { revenueTrendOption } from './revenue-trend';

function dataOf(option: ReturnType<typeof agingOption>, seriesIndex = 0): unknown[] {
  const series = Array.isArray(option.series) ? option.series[seriesIndex] : option.series;
  const data = series && 'data' in series ? series.data : undefined;
  return Array.isArray(data) ? data : [];
}

describe('chart value labels', () => {
  it('print each bar exactly as the table beside it does, as plain JSON', () => {
    const aging = agingOption([{ label: 'Current', amount: 245.9, valueText: '246' }, { label: '61\u201390 days', amount: 0, valueText: '\u2013' }], 'EUR k');
    expect(dataOf(aging)).toMatchObject([{ value: 245.9, label: { formatter: '246' } }, { value: 0, label: { formatter: '\u2013' } }]);
    const channels = revenueByChannelOption([{ channel: 'Intercompany elimination', actual: -47.2, valueText: '(47)' }, { channel: 'Direct', actual: 157.5, valueText: '158' }], 'EUR k');
    expect(dataOf(channels)).toContainEqual(expect.objectContaining({ value: -47.2, label: { formatter: '(47)' } }));
    const stages = pipelineByStageOption([{ stage: 'Proposal', weighted: 12.5, valueText: '13' }], 'EUR k');
    expect(dataOf(stages)).toEqual([{ value: 12.5, label: { formatter: '13' } }]);
    // Functions would not survive the model's JSON round trip; the options must.
    expect(JSON.parse(JSON.stringify(aging))).toEqual(aging);
  });

  it('keeps the plain number when no text is given, and strips template braces from a given text', () => {
    expect(dataOf(agingOption([{ label: 'Current', amount: 5 }], 'EUR k'))).toEqual([{ value: 5, itemStyle: expect.any(Object) }]);
    expect(dataOf(agingOption([{ label: 'x', amount: 1, valueText: '{c}' }], 'EUR k'))).toMatchObject([{ label: { formatter: 'c' } }]);
  });

  it('shows a legend only when there is more than one series to tell apart', () => {
    expect(revenueTrendOption({ labels: ['Jan 26'], actual: [1], unitLabel: 'EUR k' }).legend).toEqual({ show: false });
    expect(revenueTrendOption({ labels: ['Jan 26'], actual: [1], priorYear: [2], unitLabel: 'EUR k' }).legend).toMatchObject({ bottom: 0 });
  });
});
