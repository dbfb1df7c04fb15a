import { Alert, Center } from '@mantine/core';

/** Shown when the page cannot reach the core at all (e.g. opened without its token). */
export function ConnectionFailed({ message }: { message: string }) {
  return (
    <Center h="100vh" p="xl">
      <Alert color="red" title="Boardpack cannot start" role="alert" maw={560}>
        {message}
      </Alert>
    </Center>
  );
}
