import { Alert, Badge, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ConnectionReportView as Report } from '../../../shared/rpc/contracts/connection';
import { titleForCode } from '../../api/error-text';
import { ModelsTable } from './ModelsTable';

/** The result of "Test connection": what works, or a diagnosis in plain words with what to do. */
export function ConnectionReportView({ report }: { report: Report }) {
  return (
    <Stack gap="sm" data-testid="connection-report">
      {report.problem ? (
        <Alert color="red" title={titleForCode(report.problem.code)} role="alert" data-error-code={report.problem.code}>
          <Text size="sm">{report.problem.message}</Text>
          {report.problem.hint && <Text size="sm" c="dimmed">What to do: {report.problem.hint}</Text>}
        </Alert>
      ) : (
        <Alert color="teal" title="Connection works" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
          <Text size="sm">{report.models.filter((m) => m.readable).length} of {report.models.length} reporting models are readable.</Text>
        </Alert>
      )}
      {report.version && (
        <SimpleGrid cols={3} spacing="xs">
          <Text size="sm"><b>Odoo</b> {report.version}</Text>
          <Text size="sm"><b>Protocol</b> {report.protocol === 'json2' ? 'JSON-2' : 'JSON-RPC'}{report.online ? ' (Odoo Online pacing)' : ''}</Text>
          {report.user && <Text size="sm"><b>User</b> {report.user.name}{report.user.login ? ` <${report.user.login}>` : ''}</Text>}
        </SimpleGrid>
      )}
      {report.companies.length > 0 && (
        <Table fz="sm" verticalSpacing={4} aria-label="Visible companies">
          <Table.Thead>
            <Table.Tr><Table.Th>Id</Table.Th><Table.Th>Company</Table.Th><Table.Th>Currency</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.companies.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.id}</Table.Td>
                <Table.Td>{c.name}{c.id === report.defaultCompanyId && <Badge ml="xs" size="xs" variant="light">default</Badge>}</Table.Td>
                <Table.Td>{c.currency ?? '?'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {report.models.length > 0 && <ModelsTable models={report.models} />}
    </Stack>
  );
}
