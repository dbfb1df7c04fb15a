import { Alert, Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert/ErrorAlert';
import { Dialog } from '../../ui/Dialog/Dialog';

/** Mark final: who approves, and a written waiver when the data-quality checks found errors. */
export function MarkFinalModal({ opened, errors, busy, error, onClose, onConfirm }: {
  opened: boolean;
  errors: string[];
  busy: boolean;
  error: unknown;
  onClose(): void;
  onConfirm(by: string, waiver: string): void;
}) {
  const [by, setBy] = useState('');
  const [waiver, setWaiver] = useState('');
  return (
    <Dialog opened={opened} onClose={onClose} title="Mark the pack final" size="lg">
      <Stack gap="sm">
        <Text size="sm">Marking final freezes the month as an immutable snapshot; the pack then always renders the same figures.</Text>
        {errors.length > 0 ? (
          <Alert color="orange" title={`${errors.length} data-quality error(s)`}>
            <Stack gap={2}>{errors.slice(0, 5).map((message) => <Text key={message} size="xs">{message}</Text>)}</Stack>
            <Text size="xs" mt={4}>Fix them and sync again, or write a waiver explaining why the board can rely on the figures.</Text>
          </Alert>
        ) : (
          <Alert color="teal" title="The data-quality checks pass" />
        )}
        <TextInput label="Approved by" required value={by} onChange={(e) => setBy(e.currentTarget.value)} data-autofocus />
        {errors.length > 0 && <Textarea label="Waiver" required autosize minRows={3} value={waiver} onChange={(e) => setWaiver(e.currentTarget.value)} />}
        {error ? <ErrorAlert error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button color="teal.9" onClick={() => onConfirm(by, waiver)} loading={busy} disabled={by.trim() === '' || (errors.length > 0 && waiver.trim().length < 10)}>Mark final</Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
