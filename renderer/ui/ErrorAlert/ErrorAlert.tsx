import { Alert, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { describeError } from '../../api/error-text';

/** An error with what to do next; `error` is whatever an API call threw. */
export function ErrorAlert({ error, title, action }: { error: unknown; title?: string; action?: ReactNode }) {
  const text = describeError(error);
  return (
    <Alert color="red" variant="light" title={title ?? text.title} role="alert" data-error-code={text.code}>
      <Text size="sm">{text.message}</Text>
      {text.hint && <Text size="sm" mt={4} c="dimmed">What to do: {text.hint}</Text>}
      {action}
    </Alert>
  );
}
