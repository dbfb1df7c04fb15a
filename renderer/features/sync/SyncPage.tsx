import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { titleForCode } from '../../api/error-text';
import { useLocaleFormat } from '../../locale/LocaleContext';
import { createLocaleFormat } from '../../locale/locale-format';
import { ErrorAlert } from '../../ui/ErrorAlert/ErrorAlert';
import { useWorkspace } from '../workspace/queries';
import { useSyncHistory, useSyncStatus } from './queries';
import { SyncProgressPanel } from './SyncProgressPanel';
import { useSyncLive } from './useSyncLive';

// Dark shades keep white badge text above 4.5:1 contrast.
const STATUS_COLOR = { ok: 'teal.9', failed: 'red.9', cancelled: 'gray.7', running: 'indigo.9' } as const;

function duration(ms: number | null, seconds: (value: number) => string): string {
  if (ms === null) return '–';
  return ms < 60_000 ? `${seconds(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;
}

/** Sync center: live progress per model, cancel, the last error with its hint, schedule, history. */
export function SyncPage() {
  const api = useApi();
  const format = useLocaleFormat();
  const workspace = useWorkspace();
  const active = workspace.data?.active ?? null;
  const live = useSyncLive();
  const status = useSyncStatus();
  const history = useSyncHistory();
  const start = useMutation({ mutationFn: (full: boolean) => api.call('sync.start', { full }) });
  const names = new Map((active?.companies ?? []).map((c) => [c.id, c.name]));
  const lastError = status.data?.lastError;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Sync center</Title>
        <Group>
          <Button onClick={() => start.mutate(false)} loading={start.isPending} disabled={live.running} title="Alt+S">Sync now</Button>
          <Button variant="default" onClick={() => start.mutate(true)} disabled={live.running}>Full re-sync</Button>
        </Group>
      </Group>
      {start.error && <ErrorAlert error={start.error} />}
      {lastError && !live.running && (
        <Alert color="red" title={`Last sync failed: ${titleForCode(lastError.code)}`} role="alert" data-error-code={lastError.code}>
          <Text size="sm">{lastError.message}</Text>
          {lastError.hint && <Text size="sm" c="dimmed">What to do: {lastError.hint}</Text>}
        </Alert>
      )}
      <Card withBorder>
        <SyncProgressPanel live={live} companyNames={names} />
      </Card>
      <Card withBorder>
        <Text size="sm" fw={600}>Schedule</Text>
        <Text size="sm" data-testid="sync-schedule">
          {status.data?.schedule.note}
          {status.data?.schedule.nextRunAt ? ` Next run: ${createLocaleFormat(format.locale, status.data.schedule.timeZone).dateTime(status.data.schedule.nextRunAt, { withZone: true })}.` : ''}
        </Text>
      </Card>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">History</Title>
        <Table fz="sm" verticalSpacing={4} striped aria-label="Sync history" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Started</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th ta="right">Records</Table.Th>
              <Table.Th ta="right">Deleted</Table.Th>
              <Table.Th ta="right">API calls</Table.Th>
              <Table.Th ta="right">Duration</Table.Th>
              <Table.Th>Notes</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(history.data?.runs ?? []).map((run) => (
              <Table.Tr key={run.id} data-testid="sync-run">
                <Table.Td>{format.dateTime(run.startedAt)}</Table.Td>
                <Table.Td><Badge size="sm" color={STATUS_COLOR[run.status]}>{run.status}</Badge></Table.Td>
                <Table.Td>{run.full ? 'full' : 'incremental'}</Table.Td>
                <Table.Td ta="right">{format.number(run.fetched, 0)}</Table.Td>
                <Table.Td ta="right">{run.deleted}</Table.Td>
                <Table.Td ta="right">{run.calls}</Table.Td>
                <Table.Td ta="right">{duration(run.durationMs, (value) => format.number(value, 1))}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {run.error ?? (run.skippedModels.length > 0 ? `Skipped: ${[...new Set(run.skippedModels.map((s) => `${s.model} (${s.reason})`))].join(', ')}` : '')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {history.data?.runs.length === 0 && <Text size="sm" c="dimmed">No sync yet.</Text>}
      </Card>
    </Stack>
  );
}
