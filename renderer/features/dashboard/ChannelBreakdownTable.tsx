import { Table, Text, UnstyledButton } from '@mantine/core';
import type { ChannelTotal } from '../../../shared/reports/drilldown-columns';
import type { Drilldown } from '../../../shared/reports/types';
import { Amount } from '../../ui/Amount/Amount';

/**
 * The drill-down's records summed by channel; picking a channel filters the record list to it
 * (picking it again shows every channel).
 */
export function ChannelBreakdownTable({ totals, unit, selected, onSelect, caption }: {
  totals: ChannelTotal[];
  unit: Drilldown['unit'];
  selected: string | null;
  onSelect(channel: string | null): void;
  caption: string;
}) {
  return (
    <>
      <Text size="sm" fw={600} mt="sm">{caption}</Text>
      <Table fz="sm" verticalSpacing={4} aria-label="Records by channel" data-testid="drilldown-channels">
        <Table.Thead>
          <Table.Tr><Table.Th>Channel</Table.Th><Table.Th ta="right">Records</Table.Th><Table.Th ta="right">{unit.kind === 'money' ? `Amount (${unit.currency})` : 'Count'}</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {totals.map((t) => (
            <Table.Tr key={t.channel} data-channel={t.channel} data-minor={t.amount}>
              <Table.Td>
                <UnstyledButton fz="sm" fw={t.channel === selected ? 700 : undefined} onClick={() => onSelect(t.channel === selected ? null : t.channel)}
                  aria-pressed={t.channel === selected} aria-label={`Show only ${t.channel} records`}>
                  {t.channel}
                </UnstyledButton>
              </Table.Td>
              <Table.Td ta="right">{t.records}</Table.Td>
              <Table.Td ta="right">{unit.kind === 'money' ? <Amount minor={t.amount} currency={unit.currency} /> : t.amount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
