import { Alert, Badge, Stack, Table, Text } from '@mantine/core';
import type { ImportSummary } from '../../../shared/rpc/contracts/reconcile';

/** Per file: detected format, rows read = imported + rejected, and each rejected row with its line. */
export function ImportResults({ imports }: { imports: ImportSummary[] }) {
  return (
    <Stack gap="sm" data-testid="import-results">
      {imports.map((file) => (
        <Alert key={file.fileName} color={file.rowsRejected > 0 ? 'yellow' : 'teal'} title={file.fileName} role="status">
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
                {file.rejected.slice(0, 200).map((row) => (
                  <Table.Tr key={`${row.line}-${row.reason}`}><Table.Td>{row.line}</Table.Td><Table.Td>{row.reason}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Alert>
      ))}
    </Stack>
  );
}
