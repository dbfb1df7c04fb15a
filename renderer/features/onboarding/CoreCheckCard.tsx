import { Button, Card, Group, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';

/** A round trip to the core, for support ("is the app's engine answering?"). */
export function CoreCheckCard() {
  const api = useApi();
  const [message, setMessage] = useState('hello');
  const ping = useMutation({ mutationFn: (text: string) => api.call('app.ping', { message: text }) });
  return (
    <Card withBorder padding="sm">
      <Text size="sm" fw={600} mb={4}>Check the engine</Text>
      <Group align="flex-end">
        <TextInput size="xs" label="Message to the core" value={message} onChange={(e) => setMessage(e.currentTarget.value)} />
        <Button size="xs" variant="default" onClick={() => ping.mutate(message)} loading={ping.isPending}>Ping the core</Button>
        {ping.data && <Text size="sm" data-testid="ping-reply">Core replied: {ping.data.message}</Text>}
        {ping.error && <Text size="sm" c="red" role="alert">{ping.error.message}</Text>}
      </Group>
    </Card>
  );
}
