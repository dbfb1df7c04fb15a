import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';

/** First screen: what Boardpack does, and a round trip to the core. */
export function HomePage() {
  const api = useApi();
  const [message, setMessage] = useState('hello');
  const ping = useMutation({ mutationFn: (text: string) => api.call('app.ping', { message: text }) });
  return (
    <Stack maw={720}>
      <Title order={2}>Welcome to Boardpack</Title>
      <Text>Sync Odoo into a local cache, reconcile your shop and payment exports, and produce the monthly board pack.</Text>
      <Card withBorder>
        <Stack>
          <TextInput label="Message to the core" value={message} onChange={(e) => setMessage(e.currentTarget.value)} />
          <Group>
            <Button onClick={() => ping.mutate(message)} loading={ping.isPending}>Ping the core</Button>
            {ping.data && <Text data-testid="ping-reply">Core replied: {ping.data.message}</Text>}
            {ping.error && <Text c="red" role="alert">{ping.error.message}</Text>}
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
