import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { useView } from '../../shell/view-state';
import { ErrorAlert } from '../../ui/ErrorAlert/ErrorAlert';
import { useWorkspace } from '../workspace/queries';

/** Connection profiles (one cache each): switch, or add a connection. */
export function ProfilesCard() {
  const api = useApi();
  const view = useView();
  const workspace = useWorkspace();
  const select = useMutation({ mutationFn: (profileId: string) => api.call('workspace.selectProfile', { profileId }) });
  const state = workspace.data;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5">Connections</Title>
          <Button size="xs" variant="default" onClick={() => view.go('connection')}>Add or edit a connection</Button>
        </Group>
        {select.error && <ErrorAlert error={select.error} />}
        {(state?.profiles ?? []).map((profile) => (
          <Group key={profile.id} justify="space-between">
            <div>
              <Text size="sm" fw={500}>{profile.name} {profile.id === state?.activeProfileId && <Badge size="xs" ml={4}>active</Badge>}</Text>
              <Text size="xs" c="dimmed">{profile.kind === 'demo' ? 'Demo company (local simulator)' : `${profile.url} · ${profile.db}`}</Text>
            </div>
            {profile.id !== state?.activeProfileId && <Button size="xs" variant="light" onClick={() => select.mutate(profile.id)}>Use</Button>}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
