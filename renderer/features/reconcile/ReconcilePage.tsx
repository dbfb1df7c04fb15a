import { Text, Title } from '@mantine/core';

export function ReconcilePage() {
  return (<><Title order={2}>Reconcile</Title><Text>Coming next.</Text></>);
}
