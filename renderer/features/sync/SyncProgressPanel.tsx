import { Badge, Button, Group, Progress, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { useLocaleFormat } from '../../locale/LocaleContext';
import { ErrorAlert } from '../../ui/ErrorAlert/ErrorAlert';
import type { LiveSync } from './useSyncLive';

function eta(seconds: number | null): string {
  if (seconds === null) return '–';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  return `${Math.ceil(seconds / 60)} min`;
}

/** One bar per model and company (done/total, rate, ETA), the overall step, and Cancel. */
export function SyncProgressPanel({ live, companyNames, maxHeight = 360 }: { live: LiveSync; companyNames: Map<number, string>; maxHeight?: number }) {
  const api = useApi();
  const format = useLocaleFormat();
  const cancel = useMutation({ mutationFn: () => api.call('sync.cancel', {}) });
  const overall = live.steps > 0 ? Math.round((live.step / live.steps) * 100) : 0;
  const shown = live.models.filter((m) => m.phase !== 'skipped' || live.running);
  return (
    <Stack gap="xs" data-testid="sync-progress">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {live.running ? `Syncing: step ${live.step} of ${live.steps}` : live.completed ? `Last sync: ${live.completed.status}` : 'No sync running'}
        </Text>
        {live.running && (
          <Button size="xs" color="red" variant="light" onClick={() => cancel.mutate()} loading={cancel.isPending}>
            Cancel sync
          </Button>
        )}
      </Group>
      {live.running && <Progress value={overall} aria-label="Overall sync progress" animated size="lg" />}
      {cancel.error && <ErrorAlert error={cancel.error} />}
      {shown.length > 0 && (
        // Focusable and named so keyboard users can scroll a long list (axe scrollable-region-focusable).
        <ScrollArea.Autosize mah={maxHeight} type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': 'Progress per model (scrollable)' }}>
          <Table verticalSpacing={4} fz="sm" stickyHeader aria-label="Progress per model">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Model</Table.Th>
                <Table.Th>Company</Table.Th>
                <Table.Th w="35%">Progress</Table.Th>
                <Table.Th ta="right">Records</Table.Th>
                <Table.Th ta="right">Rate</Table.Th>
                <Table.Th ta="right">ETA</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((m) => {
                const percent = m.phase === 'done' ? 100 : m.total ? Math.min(100, Math.round((m.done / m.total) * 100)) : 0;
                return (
                  <Table.Tr key={`${m.model}@${m.companyId}`} data-model={m.model}>
                    <Table.Td>{m.model}</Table.Td>
                    <Table.Td>{companyNames.get(m.companyId) ?? m.companyId}</Table.Td>
                    <Table.Td>
                      {m.phase === 'skipped'
                        ? <Badge size="xs" color="gray.7">skipped</Badge>
                        : <Progress value={percent} size="sm" aria-label={`${m.model} company ${m.companyId}: ${percent}%`} color={m.phase === 'done' ? 'teal' : undefined} />}
                    </Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{format.number(m.done, 0)}{m.total !== null ? ` / ${format.number(m.total, 0)}` : ''}</Table.Td>
                    <Table.Td ta="right">{m.ratePerSecond ? `${Math.round(m.ratePerSecond)}/s` : '–'}</Table.Td>
                    <Table.Td ta="right">{m.phase === 'done' ? 'done' : eta(m.etaSeconds)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
