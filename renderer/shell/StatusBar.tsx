import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ApiContext';
import { useReport } from '../features/dashboard/queries';
import { useWorkspace } from '../features/workspace/queries';
import { resolveScope } from '../features/workspace/scope';
import { LockIcon } from '../ui/Icons/Icons';
import { formatAge } from './format-age';
import { KeyAgeReminder } from './KeyAgeReminder';
import { ShortcutErrorNotice } from './ShortcutErrorNotice';
import { useView } from './view-state';

/** Bottom bar: core connection, online/offline, snapshot age, closed-month lock, sync activity. */
export function StatusBar() {
  const api = useApi();
  const view = useView();
  const info = useQuery({ queryKey: ['app', 'info'], queryFn: () => api.call('app.getInfo', {}) });
  const workspace = useWorkspace();
  const active = workspace.data?.active ?? null;
  const scope = resolveScope(view, active);
  const ready = info.isSuccess && workspace.isSuccess;
  // For a closed month, the report of this scope says when its snapshot was closed. The same keyed query as the
  // dashboard's (one fetch, memoised in the core); a query without a fetch function sharing that key would break
  // the dashboard's own refetch on invalidation.
  const report = useReport(scope.closed && scope.month ? { month: scope.month, companies: scope.request, currency: scope.currency } : null);
  const source = report.data?.source;
  const closedAt = source?.kind === 'snapshot' ? source.closedAt.slice(0, 10) : null;
  return (
    <Group h="100%" gap="md" justify="space-between" wrap="nowrap" data-app-state={ready ? 'ready' : info.isError || workspace.isError ? 'error' : 'loading'}>
      <Group gap="md" wrap="nowrap">
        {active && (
          <>
            <Tooltip label={active.onlineProblem ?? 'The server answered'} disabled={!active.onlineProblem && active.online !== 'online'}>
              <Badge size="sm" variant="dot" color={active.online === 'online' ? 'teal' : active.online === 'offline' ? 'orange' : 'gray'} data-testid="online-state">
                {active.online === 'online' ? 'Online' : active.online === 'offline' ? 'Offline · working from the cache' : 'Connection not checked'}
              </Badge>
            </Tooltip>
            <Text size="xs" data-testid="snapshot-age">
              {active.profile.name} · data synced {formatAge(active.snapshotAgeSeconds)}
            </Text>
            <KeyAgeReminder keyAge={active.keyAge} />
            {active.syncing && <Badge size="sm" color="indigo.9">Syncing…</Badge>}
            {scope.closed && (
              <Tooltip label={closedAt ? `Figures from the snapshot closed on ${closedAt}` : 'Figures from the month\'s closed snapshot'}>
                <Group gap={4} data-testid="closed-month">
                  <LockIcon title={`${scope.month} is closed`} />
                  <Text size="xs">{scope.month} closed (snapshot)</Text>
                </Group>
              </Tooltip>
            )}
          </>
        )}
      </Group>
      <ShortcutErrorNotice />
      <Text size="xs" c="dimmed">
        {info.isSuccess ? `Core connected · v${info.data.version}` : info.isError ? `Core unreachable: ${info.error.message}` : 'Connecting…'}
      </Text>
    </Group>
  );
}
