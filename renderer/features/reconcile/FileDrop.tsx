import { Button, FileButton, Group, Paper, Text } from '@mantine/core';
import { useState, type DragEvent, type ReactNode } from 'react';

/**
 * Drop files here or pick them (the native file dialog in Electron, the browser's in browser mode).
 * While an import runs it shows `progress` and a "Cancel import" button; new files wait until it ends.
 */
export function FileDrop({ onFiles, busy, progress, onCancel }: { onFiles(files: File[]): void; busy: boolean; progress?: ReactNode; onCancel?(): void }) {
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0 && !busy) onFiles(files);
  };
  return (
    <Paper withBorder p="lg" radius="md" onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}
      style={{ borderStyle: 'dashed', background: over ? 'var(--mantine-color-default-hover)' : undefined }} data-testid="file-drop">
      <Group justify="space-between">
        <div>
          <Text fw={600}>Drop shop, payment or marketplace exports here</Text>
          <Text size="sm" c="dimmed">Shopify orders, payouts and transactions; WooCommerce orders; Stripe balance transactions; marketplace settlements; CSV, TSV or XLSX. The format is detected from the header row.</Text>
        </div>
        <Group gap="xs">
          <FileButton onChange={(files) => files.length > 0 && onFiles(files)} accept=".csv,.tsv,.txt,.xlsx" multiple disabled={busy}>
            {(props) => <Button {...props} loading={busy}>Choose files…</Button>}
          </FileButton>
          {busy && onCancel && <Button variant="subtle" color="red" onClick={onCancel}>Cancel import</Button>}
        </Group>
      </Group>
      {busy && progress && <Group mt="sm">{progress}</Group>}
    </Paper>
  );
}
