import { Table, Text } from '@mantine/core';
import type { ChannelMonthSummary } from '../../../shared/reconcile/summary';
import { Amount } from '../../ui/Amount/Amount';

const CAUSE_LABELS: Record<string, string> = {
  shipping: 'Shipping', discount: 'Discounts', tax: 'Tax', duties: 'Duties', refund_not_booked: 'Refunds not booked',
  refund_mismatch: 'Refund differences', rounding: 'Rounding', shipping_policy: 'Shipping as revenue (policy)',
  missing_in_odoo: 'Missing in Odoo', missing_in_shop: 'Missing in the shop', duplicate: 'Duplicates', not_invoiced: 'Not invoiced',
  currency: 'Currency', unexplained: 'Unexplained',
};

/** Per channel: shop vs Odoo totals and the bridge from shop revenue to Odoo revenue by cause. */
export function ChannelSummary({ summary }: { summary: ChannelMonthSummary[] }) {
  if (summary.length === 0) return <Text size="sm" c="dimmed">Nothing reconciled for this month yet: import an export above.</Text>;
  return (
    <Table fz="sm" verticalSpacing={4} aria-label="Per-channel summary and bridge" data-testid="channel-summary">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Channel</Table.Th><Table.Th>Line</Table.Th><Table.Th ta="right">Amount</Table.Th><Table.Th ta="right">Records</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {summary.flatMap((s) => [
          <Table.Tr key={`${s.channel}-${s.currency}-shop`}>
            <Table.Td fw={600}>{s.channel} ({s.currency})</Table.Td><Table.Td>Shop revenue</Table.Td>
            <Table.Td ta="right"><Amount minor={s.shopTotal} currency={s.currency} /></Table.Td><Table.Td ta="right">{s.shopOrders}</Table.Td>
          </Table.Tr>,
          ...s.bridge.map((line) => (
            <Table.Tr key={`${s.channel}-${s.currency}-${line.cause}`}>
              <Table.Td /><Table.Td pl="lg">{CAUSE_LABELS[line.cause] ?? line.cause}</Table.Td>
              <Table.Td ta="right"><Amount minor={line.amount} currency={s.currency} /></Table.Td><Table.Td ta="right">{line.records}</Table.Td>
            </Table.Tr>
          )),
          <Table.Tr key={`${s.channel}-${s.currency}-odoo`}>
            <Table.Td /><Table.Td fw={600}>Odoo revenue</Table.Td>
            <Table.Td ta="right" fw={600}><Amount minor={s.odooTotal} currency={s.currency} /></Table.Td>
            <Table.Td ta="right">{s.matched} matched · {s.openExceptions} open</Table.Td>
          </Table.Tr>,
        ])}
      </Table.Tbody>
    </Table>
  );
}
