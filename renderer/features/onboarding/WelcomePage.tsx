import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { titleForCode } from '../../api/error-text';
import { JobProgressLine } from '../../shell/JobProgressLine';
import { useJobProgress } from '../../shell/useJobProgress';
import { useView } from '../../shell/view-state';
import { ErrorAlert } from '../../ui/ErrorAlert/ErrorAlert';
import { SyncProgressPanel } from '../sync/SyncProgressPanel';
import { useSyncLive } from '../sync/useSyncLive';
import { useWorkspace } from '../workspace/queries';
import { CoreCheckCard } from './CoreCheckCard';

/** First run: explore the demo company (simulator + real sync, with progress) or connect to Odoo. */
export function WelcomePage() {
  const api = useApi();
  const view = useView();
  const workspace = useWorkspace();
  const active = workspace.data?.active ?? null;
  const live = useSyncLive(active !== null);
  const demoAbort = useRef<AbortController | null>(null);
  const [demoCancelling, setDemoCancelling] = useState(false);
  const demo = useMutation({
    mutationFn: async () => {
      const controller = new AbortController();
      demoAbort.current = controller;
      setDemoCancelling(false);
      const started = await api.call('demo.start', { scale: 'small' }, { signal: controller.signal });
      // The core finishes building the demo server even when asked to stop; the sync it then starts is what we can stop.
      if (controller.signal.aborted) await api.call('sync.cancel', {});
      return started;
    },
  });
  const demoProgress = useJobProgress('demo', demo.isPending);
  const retry = useMutation({ mutationFn: () => api.call('sync.start', {}) });
  const names = new Map((active?.companies ?? []).map((c) => [c.id, c.name]));

  useEffect(() => {
    if (live.completed?.status === 'ok') view.go('dashboard');
  }, [live.completed, view]);

  const syncing = live.running || demo.isPending || active?.syncing === true;
  return (
    <Stack maw={980} gap="lg">
      <div>
        <Title order={2}>Welcome to Boardpack</Title>
        <Text c="dimmed">Sync Odoo into a local cache, reconcile your shop and payment exports, and produce the monthly board pack — online or offline.</Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder padding="lg">
          <Stack>
            <Title order={3} size="h4">Explore the demo company</Title>
            <Text size="sm">Brightline Industrial: two entities, a web shop and a marketplace, 24 months of history. It runs on a local Odoo simulator and syncs through the same client as your real Odoo.</Text>
            <Group>
              <Button onClick={() => demo.mutate()} loading={demo.isPending} disabled={syncing}>Explore the demo company</Button>
              {demo.isPending && <JobProgressLine progress={demoProgress} fallbackLabel="Preparing the demo company" testId="demo-progress" />}
              {demo.isPending && <Button variant="subtle" color="red" disabled={demoCancelling} onClick={() => { setDemoCancelling(true); demoAbort.current?.abort(); }}>{demoCancelling ? 'Cancelling…' : 'Cancel'}</Button>}
            </Group>
          </Stack>
        </Card>
        <Card withBorder padding="lg">
          <Stack>
            <Title order={3} size="h4">Connect to Odoo</Title>
            <Text size="sm">Odoo 17, 18 or 19 (Online or self-hosted). You need the address, the database name, your login and an API key.</Text>
            <Group>
              <Button variant="default" onClick={() => view.go('connection')} disabled={syncing}>Connect to Odoo</Button>
            </Group>
          </Stack>
        </Card>
      </SimpleGrid>
      {demo.error && <ErrorAlert error={demo.error} />}
      {(syncing || live.models.length > 0) && (
        <Card withBorder padding="md">
          <SyncProgressPanel live={live} companyNames={names} maxHeight={280} />
        </Card>
      )}
      {live.completed && live.completed.status !== 'ok' && (
        <Alert color={live.completed.status === 'cancelled' ? 'yellow' : 'red'} title={live.completed.status === 'cancelled' ? 'Sync cancelled' : titleForCode(live.completed.code)} role="alert">
          <Text size="sm">{live.completed.message}</Text>
          {live.completed.hint && <Text size="sm" c="dimmed">What to do: {live.completed.hint}</Text>}
          <Button size="xs" mt="xs" onClick={() => retry.mutate()} loading={retry.isPending}>Sync again</Button>
        </Alert>
      )}
      <CoreCheckCard />
    </Stack>
  );
}
