import { Badge, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { useLocaleFormat } from '../../locale/LocaleContext';
import { ErrorAlert } from '../../ui/ErrorAlert/ErrorAlert';
import { useWorkspace } from '../workspace/queries';
import { useSnapshots } from './queries';

/** Closed month-end snapshots, and what changed between two of them ("what changed since the board saw it"). */
export function SnapshotsCard() {
  const api = useApi();
  const format = useLocaleFormat();
  const snapshots = useSnapshots();
  const workspace = useWorkspace();
  const companyNames = new Map((workspace.data?.active?.companies ?? []).map((c) => [c.id, c.name]));
  const [a, setA] = useState<string | null>(null);
  const [b, setB] = useState<string | null>(null);
  const diff = useMutation({ mutationFn: () => api.call('boardpack.diff', { a: a!, b: b! }) });
  const list = snapshots.data?.snapshots ?? [];
  const options = list.map((s) => ({ value: s.file, label: `${format.month(s.month)} (closed ${format.dateTime(s.created_at)})` }));
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h5">Closed months</Title>
        {snapshots.error && <ErrorAlert error={snapshots.error} />}
        {list.length === 0 && <Text size="sm" c="dimmed">No month closed yet. Marking a pack final closes its month.</Text>}
        {list.length > 0 && (
          <Table fz="sm" verticalSpacing={4} aria-label="Closed snapshots">
            <Table.Thead><Table.Tr><Table.Th>Month</Table.Th><Table.Th>Closed</Table.Th><Table.Th>Odoo</Table.Th><Table.Th>Content hash</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {list.map((s) => (
                <Table.Tr key={s.file} data-testid="snapshot-row">
                  <Table.Td>{format.month(s.month)}</Table.Td>
                  <Table.Td>{format.dateTime(s.created_at)}</Table.Td>
                  <Table.Td>{s.source_db ?? '?'} {s.odoo_version ?? ''}</Table.Td>
                  <Table.Td><code>{s.content_hash.slice(0, 16)}</code> {s.verified ? <Badge size="xs" color="teal.9">verified</Badge> : <Badge size="xs" color="red.9">hash mismatch</Badge>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {list.length > 0 && (
          <Group align="flex-end">
            <Select size="xs" label="Compare" data={options} value={a} onChange={setA} w={260} />
            <Select size="xs" label="with" data={options} value={b} onChange={setB} w={260} />
            <Button size="xs" onClick={() => diff.mutate()} disabled={!a || !b} loading={diff.isPending}>Show changes</Button>
          </Group>
        )}
        {diff.error && <ErrorAlert error={diff.error} />}
        {diff.data && (
          <Table fz="xs" verticalSpacing={2} aria-label="Snapshot differences">
            <Table.Thead><Table.Tr><Table.Th>Model</Table.Th><Table.Th>Company</Table.Th><Table.Th ta="right">Added</Table.Th><Table.Th ta="right">Changed</Table.Th><Table.Th ta="right">Deleted</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {diff.data.models.filter((m) => m.added.count + m.changed.count + m.deleted.count > 0).map((m) => (
                <Table.Tr key={`${m.model}-${m.company_id}`}>
                  <Table.Td>{m.model}</Table.Td><Table.Td>{companyNames.get(m.company_id) ?? `Company #${m.company_id}`}</Table.Td>
                  <Table.Td ta="right">{m.added.count}</Table.Td><Table.Td ta="right">{m.changed.count}</Table.Td><Table.Td ta="right">{m.deleted.count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {diff.data && diff.data.models.every((m) => m.added.count + m.changed.count + m.deleted.count === 0) && <Text size="sm">No differences.</Text>}
      </Stack>
    </Card>
  );
}
