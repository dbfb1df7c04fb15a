import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { ImportSummary } from '../../../shared/rpc/contracts/reconcile';
import { useApi } from '../../api/ApiContext';
import { saveCoreFile } from '../../api/files';
import { ErrorAlert } from '../../ui/ErrorAlert/ErrorAlert';

/** More rows than this make the page slow to scroll; the rest are one click away as a file. */
const SHOWN_REJECTED = 200;

/** Saves every rejected row of one file as XLSX (the same path as any table's export). */
function useRejectedExport() {
  const api = useApi();
  return useMutation({
    mutationFn: async (file: ImportSummary) => {
      const stem = file.fileName.replace(/\.[^.]+$/, '');
      const { path, fileName } = await api.call('files.exportTable', {
        name: `rejected-${stem}`,
        columns: [{ label: 'Line', kind: 'number' }, { label: 'Why it was rejected', kind: 'text' }],
        rows: file.rejected.map((row) => [row.line, row.reason]),
      });
      return saveCoreFile(api, path, fileName);
    },
  });
}

/** Per file: detected format, rows read = imported + rejected, and each rejected row with its line. */
export function ImportResults({ imports }: { imports: ImportSummary[] }) {
  const exportRejected = useRejectedExport();
  return (
    <Stack gap="sm" data-testid="import-results">
      {exportRejected.error && <ErrorAlert error={exportRejected.error} />}
      {imports.map((file) => (
        <Alert key={file.fileName} color={file.rowsRejected > 0 ? 'yellow' : 'teal'} title={file.fileName} role="status" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
          <Text size="sm">
            Detected format: <Badge size="sm" variant="light" data-testid="detected-format">{file.format}</Badge> · {file.encoding} ·
            {' '}{file.rowsRead} rows read = {file.rowsImported} imported + {file.rowsRejected} rejected
            {file.duplicateFile ? ' · this exact file was imported before (nothing duplicated)' : ''}
          </Text>
          {file.ignoredColumns.length > 0 && <Text size="xs" c="dimmed">Ignored columns: {file.ignoredColumns.join(', ')}</Text>}
          {file.rejected.length > 0 && (
            <Table fz="xs" verticalSpacing={2} mt="xs" aria-label={`Rejected rows of ${file.fileName}`} data-testid="rejected-rows">
              <Table.Thead><Table.Tr><Table.Th w={80}>Line</Table.Th><Table.Th>Why it was rejected</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {file.rejected.slice(0, SHOWN_REJECTED).map((row) => (
                  <Table.Tr key={`${row.line}-${row.reason}`}><Table.Td>{row.line}</Table.Td><Table.Td>{row.reason}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {file.rowsRejected > SHOWN_REJECTED && (
            <Group gap="xs" mt={4} data-testid="rejected-more">
              <Text size="xs">
                …and {file.rowsRejected - Math.min(SHOWN_REJECTED, file.rejected.length)} more rejected rows
                {file.rejected.length < file.rowsRejected ? ` (the core lists the first ${file.rejected.length} of ${file.rowsRejected}; the saved file holds those).` : ` (all ${file.rowsRejected} in the saved file).`}
              </Text>
              {file.rejected.length > SHOWN_REJECTED && (
                <Button size="compact-xs" variant="light" onClick={() => exportRejected.mutate(file)} loading={exportRejected.isPending && exportRejected.variables === file}>
                  Save all rejected rows
                </Button>
              )}
            </Group>
          )}
        </Alert>
      ))}
    </Stack>
  );
}
