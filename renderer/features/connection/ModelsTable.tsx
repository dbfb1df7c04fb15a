import { Badge, Table, Text } from '@mantine/core';
import type { ConnectionReportView } from '../../../shared/rpc/contracts/connection';

type Model = ConnectionReportView['models'][number];

const STATUS = {
  readable: { label: 'readable', color: 'teal.9' },
  denied: { label: 'no access', color: 'orange.9' },
  missing: { label: 'not installed', color: 'gray.7' },
} as const;

const statusOf = (m: Model) => (m.readable ? STATUS.readable : m.available ? STATUS.denied : STATUS.missing);
/** Problems first (required before optional), so what blocks a sync is at the top. */
const rank = (m: Model) => (m.readable ? 2 : 0) + (m.required ? 0 : 1);

/** Every model "Test connection" checked: whether the user can read it, and whether the board pack needs it. */
export function ModelsTable({ models }: { models: Model[] }) {
  const sorted = [...models].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  return (
    <Table fz="sm" verticalSpacing={2} aria-label="Odoo models" data-testid="connection-models">
      <Table.Thead>
        <Table.Tr><Table.Th>Model</Table.Th><Table.Th>Status</Table.Th><Table.Th>Needed</Table.Th><Table.Th>Note</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((m) => {
          const status = statusOf(m);
          return (
            <Table.Tr key={m.name} data-testid="connection-model" data-status={status.label}>
              <Table.Td><code>{m.name}</code></Table.Td>
              <Table.Td><Badge size="xs" variant="light" color={status.color}>{status.label}</Badge></Table.Td>
              <Table.Td>{m.required ? 'required' : 'optional'}</Table.Td>
              <Table.Td><Text size="xs" c="dimmed">{m.note ?? (m.readable ? '' : m.required ? 'Sync stops without it' : 'The reports that need it say so')}</Text></Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
