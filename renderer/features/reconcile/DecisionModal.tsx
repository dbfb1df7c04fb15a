import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ExceptionRow } from './exception-rows';
import { Dialog } from '../../ui/Dialog/Dialog';

/** Resolve or ignore an exception: a note is required, who and when are recorded by the core. */
export function DecisionModal({ row, action, busy, onClose, onConfirm }: {
  row: ExceptionRow | null;
  action: 'resolved' | 'ignored';
  busy: boolean;
  onClose(): void;
  onConfirm(note: string): void;
}) {
  const [note, setNote] = useState('');
  const verb = action === 'resolved' ? 'Resolve' : 'Ignore';
  return (
    <Dialog opened={row !== null} onClose={onClose} title={`${verb} exception`}>
      {row && (
        <Stack gap="sm">
          <Text size="sm">{row.sourceRef} · {row.category}</Text>
          <Text size="xs" c="dimmed">{row.explanation}</Text>
          <Textarea label="Note" description="What was done, or why it can be ignored" required autosize minRows={3} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button onClick={() => onConfirm(note)} disabled={note.trim() === ''} loading={busy}>{verb}</Button>
          </Group>
        </Stack>
      )}
    </Dialog>
  );
}
