import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { channelTotals } from '../../../shared/reports/drilldown-columns';
import type { DrilldownRow } from '../../../shared/reports/types';
import { ChannelBreakdownTable } from './ChannelBreakdownTable';

const row = (id: number, channel: string, amount: number): DrilldownRow => ({ model: 'account.move.line', id, label: `INV/${id}`, date: '2025-03-01', partner: null, channel, amount });

describe('ChannelBreakdownTable', () => {
  it('lists each channel with its record count and amount, and marks the picked channel', () => {
    const totals = channelTotals([row(1, 'Web Shop', 150_000), row(2, 'Direct Sales', 9_950), row(3, 'Web Shop', 25_000)]);
    const html = renderToStaticMarkup(
      <MantineProvider>
        <ChannelBreakdownTable totals={totals} unit={{ kind: 'money', currency: 'EUR' }} selected="Direct Sales" onSelect={() => undefined} caption="Records by channel" />
      </MantineProvider>,
    );
    const text = html.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|');
    expect(text).toContain('|Web Shop|2|1,750.00|');
    expect(text).toContain('|Direct Sales|1|99.50|');
    expect(html).toContain('data-minor="175000"');
    expect(html).toMatch(/aria-pressed="true"[^>]*aria-label="Show only Direct Sales records"/);
    expect(html).toMatch(/aria-pressed="false"[^>]*aria-label="Show only Web Shop records"/);
  });
});
