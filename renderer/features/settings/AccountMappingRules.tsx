import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import type { MappingRule } from '../../../shared/rpc/contracts/mapping';
import { useApi } from '../../api/ApiContext';
import { ErrorAlert } from '../../ui/ErrorAlert/ErrorAlert';
import { categoryLabel } from './account-mapping-labels';
import { useMappingWrite } from './account-mapping-queries';

/** The company's rules (prefix → category), each removable. */
export function AccountMappingRules({ companyId, rules }: { companyId: number; rules: MappingRule[] }) {
  const api = useApi();
  const remove = useMappingWrite(companyId, (codePrefix: string) => api.call('mapping.removeRule', { companyId, codePrefix }));
  if (rules.length === 0) return <Text size="sm" c="dimmed">No rules yet: every account is reported by its Odoo type.</Text>;
  return (
    <>
      {remove.error && <ErrorAlert error={remove.error} title="The rule was not removed" />}
      <Table withTableBorder fz="sm" aria-label="Mapping rules" data-testid="mapping-rules">
        <Table.Thead>
          <Table.Tr><Table.Th>Prefix</Table.Th><Table.Th>Reported as</Table.Th><Table.Th ta="right">Accounts</Table.Th><Table.Th>Note</Table.Th><Table.Th>Saved</Table.Th><Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((rule) => (
            <Table.Tr key={rule.codePrefix}>
              <Table.Td ff="monospace">{rule.codePrefix}</Table.Td>
              <Table.Td>{categoryLabel(rule.category)}</Table.Td>
              <Table.Td ta="right">{rule.accountCount}</Table.Td>
              <Table.Td>{rule.note ?? ''}</Table.Td>
              <Table.Td>{rule.updatedAt.slice(0, 10)}</Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="default" aria-label={`Remove rule ${rule.codePrefix}`} loading={remove.isPending && remove.variables === rule.codePrefix}
                  onClick={() => remove.mutate(rule.codePrefix)}>Remove</Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
