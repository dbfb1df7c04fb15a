import { Button, FileButton, Group, Paper, Text } from '@mantine/core';
import { useState, type DragEvent } from 'react';

/** Drop files here or pick them (the native file dialog in Electron, the browser's in browser mode). */
export function FileDrop({ onFiles, busy }: { onFiles(files: File[]): void; busy: boolean }) {
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };
  return (
    <Paper withBorder p="lg" radius="md" onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}
      style={{ borderStyle: 'dashed', background: over ? 'var(--mantine-color-default-hover)' : undefined }} data-testid="file-drop">
      <Group justify="space-between">
        <div>
          <Text fw={600}>Drop shop, payment or marketplace exports here</Text>
          <Text size="sm" c="dimmed">Shopify orders, payouts and transactions; WooCommerce orders; Stripe balance transactions; marketplace settlements; CSV, TSV or XLSX. The format is detected from the header row.</Text>
        </div>
        <FileButton onChange={(files) => files.length > 0 && onFiles(files)} accept=".csv,.tsv,.txt,.xlsx" multiple>
          {(props) => <Button {...props} loading={busy}>Choose files…</Button>}
        </FileButton>
      </Group>
    </Paper>
  );
}
