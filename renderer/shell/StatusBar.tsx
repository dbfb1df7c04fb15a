import { Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ApiContext';

/** Bottom bar: proves the core answers (a real round trip) and shows the version. */
export function StatusBar() {
  const api = useApi();
  const info = useQuery({ queryKey: ['app', 'info'], queryFn: () => api.call('app.getInfo', {}) });
  return (
    <Group h="100%" gap="md" data-app-state={info.isSuccess ? 'ready' : info.isError ? 'error' : 'loading'}>
      <Text size="xs" c="dimmed">
        {info.isSuccess ? `Core connected · v${info.data.version}` : info.isError ? `Core unreachable: ${info.error.message}` : 'Connecting…'}
      </Text>
    </Group>
  );
}
