import { Text, Title } from '@mantine/core';

export function BoardPackPage() {
  return (<><Title order={2}>Board pack</Title><Text>Coming next.</Text></>);
}
