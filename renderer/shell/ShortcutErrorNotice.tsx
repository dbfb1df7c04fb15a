import { Notification } from '@mantine/core';
import { useMutationState } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../api/error-text';
import { SYNC_NOW_KEY } from './useShellHotkeys';

/** A keyboard "Sync now" that failed says why (e.g. no API key, a sync already running) instead of failing silently. */
export function ShortcutErrorNotice() {
  const failures = useMutationState({
    filters: { mutationKey: SYNC_NOW_KEY, status: 'error' },
    select: (mutation) => ({ error: mutation.state.error, at: mutation.state.submittedAt }),
  });
  const [dismissedAt, setDismissedAt] = useState(0);
  const latest = failures.at(-1);
  if (!latest?.error || latest.at <= dismissedAt) return null;
  const text = describeError(latest.error);
  return (
    <Notification color="red" title={`Alt+S: ${text.title}`} onClose={() => setDismissedAt(latest.at)} data-testid="shortcut-error"
      style={{ position: 'fixed', right: 16, bottom: 44, maxWidth: 420, zIndex: 300 }} closeButtonProps={{ 'aria-label': 'Dismiss' }}>
      {text.message}{text.hint ? ` What to do: ${text.hint}` : ''}
    </Notification>
  );
}
