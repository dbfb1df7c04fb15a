import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { InventoryRole, MappingListing } from '../../../shared/rpc/contracts/mapping';
import { useApi } from '../../api/ApiContext';
import { ErrorAlert } from '../../ui/ErrorAlert/ErrorAlert';
import { CODE_PREFIX_PATTERN, useMappingWrite } from './account-mapping-queries';

const SOURCE_TEXT: Record<MappingListing['inventorySource'], string> = {
  mapping: 'Inventory accounts come from your roles below.',
  detected: 'Inventory accounts are detected from the stock-output lines of invoices; add a role to choose them yourself.',
  none: 'No inventory account was found: add a role if the company holds stock.',
};

/** Which current-asset accounts hold stock (inventory value, days of supply). */
export function AccountMappingInventoryRoles({ companyId, roles, source }: { companyId: number; roles: InventoryRole[]; source: MappingListing['inventorySource'] }) {
  const api = useApi();
  const [prefix, setPrefix] = useState('');
  const save = useMappingWrite(companyId, (codePrefix: string) => api.call('mapping.saveInventoryRole', { companyId, codePrefix }));
  const remove = useMappingWrite(companyId, (codePrefix: string) => api.call('mapping.removeInventoryRole', { companyId, codePrefix }));
  const trimmed = prefix.trim();
  const invalid = trimmed !== '' && !CODE_PREFIX_PATTERN.test(trimmed);
  return (
    <Stack gap="xs">
      <Text size="sm">{SOURCE_TEXT[source]}</Text>
      {roles.map((role) => (
        <Group key={role.codePrefix} gap="sm">
          <Text size="sm" ff="monospace">{role.codePrefix}</Text>
          <Text size="sm">{role.accountCount} account{role.accountCount === 1 ? '' : 's'}</Text>
          <Button size="compact-xs" variant="default" aria-label={`Remove inventory role ${role.codePrefix}`} onClick={() => remove.mutate(role.codePrefix)}>Remove</Button>
        </Group>
      ))}
      {(save.error ?? remove.error) && <ErrorAlert error={save.error ?? remove.error} />}
      <Group align="flex-end" component="form" onSubmit={(e) => { e.preventDefault(); if (trimmed && !invalid) save.mutate(trimmed, { onSuccess: () => setPrefix('') }); }}>
        <TextInput label="Inventory account prefix" placeholder="e.g. 1101" value={prefix} onChange={(e) => setPrefix(e.currentTarget.value)}
          error={invalid ? 'Use letters, digits and dots only' : null} />
        <Button type="submit" variant="default" disabled={!trimmed || invalid} loading={save.isPending}>Add inventory role</Button>
      </Group>
    </Stack>
  );
}
