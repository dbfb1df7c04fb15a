import { Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDeferredValue, useState, type RefObject } from 'react';
import { MAPPING_CATEGORIES, type MappingCategory } from '../../../shared/rpc/contracts/mapping';
import { useApi } from '../../api/ApiContext';
import { Amount } from '../../ui/Amount/Amount';
import { ErrorAlert } from '../../ui/ErrorAlert/ErrorAlert';
import { categoryLabel, categoryOptions } from './account-mapping-labels';
import { CODE_PREFIX_PATTERN, useMappingPreview, useMappingWrite } from './account-mapping-queries';

interface RuleFormProps {
  companyId: number;
  currency: string;
  /** The prefix field, owned by the card so a table row can fill it in. */
  prefix: string;
  onPrefixChange(prefix: string): void;
  /** Lets the card move focus to the prefix field when a table row fills it in. */
  prefixInputRef?: RefObject<HTMLInputElement | null>;
}

/** "Add a rule": prefix + category + note, with the accounts it would move shown before saving. */
export function AccountMappingRuleForm({ companyId, currency, prefix, onPrefixChange, prefixInputRef }: RuleFormProps) {
  const api = useApi();
  const [category, setCategory] = useState<MappingCategory | null>(null);
  const [note, setNote] = useState('');
  const trimmed = prefix.trim();
  const deferredPrefix = useDeferredValue(trimmed);
  const preview = useMappingPreview(companyId, deferredPrefix, category);
  const save = useMappingWrite(companyId, (params: { codePrefix: string; category: MappingCategory; note: string }) =>
    api.call('mapping.saveRule', { companyId, ...params }),
  );
  const prefixError = trimmed !== '' && !CODE_PREFIX_PATTERN.test(trimmed) ? 'Use letters, digits and dots only, e.g. 641' : null;
  const canSave = trimmed !== '' && prefixError === null && category !== null;
  const shown = preview.data && preview.data.codePrefix === deferredPrefix && preview.data.category === category ? preview.data : null;

  const submit = () => {
    if (!canSave || category === null) return;
    save.mutate({ codePrefix: trimmed, category, note: note.trim() }, {
      onSuccess: () => {
        onPrefixChange('');
        setNote('');
      },
    });
  };

  return (
    <Stack gap="xs" component="form" onSubmit={(e) => { e.preventDefault(); submit(); }} aria-label="Add a mapping rule">
      <Group align="flex-start" grow>
        <TextInput ref={prefixInputRef} label="Account code prefix" description="Accounts whose code starts with it; the longest prefix wins" placeholder="e.g. 641"
          value={prefix} onChange={(e) => onPrefixChange(e.currentTarget.value)} error={prefixError} />
        <Select label="Category" description="What the reports treat these accounts as" placeholder="Pick a category" data={categoryOptions()}
          value={category} onChange={(v) => setCategory(MAPPING_CATEGORIES.find((c) => c === v) ?? null)} allowDeselect={false} />
        <TextInput label="Note (optional)" description="Why, for whoever reviews the pack" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      </Group>
      <div aria-live="polite" data-testid="mapping-preview">
        {preview.error && <ErrorAlert error={preview.error} title="Cannot preview this rule" />}
        {shown && (
          <Stack gap={4}>
            <Text size="sm">
              {shown.changes.length === 0 ? 'Saving this rule would move no account.' : `Saving this rule would move ${shown.changes.length} account${shown.changes.length === 1 ? '' : 's'}`}
              {shown.changes.length > 0 && shown.ebitdaDelta === 0 && '; EBITDA would not change.'}
              {shown.ebitdaDelta !== 0 && (
                <>; EBITDA over the last 12 months would {shown.ebitdaDelta > 0 ? 'rise' : 'fall'} by <Amount minor={Math.abs(shown.ebitdaDelta)} currency={currency} withCurrency />.</>
              )}
              {shown.unchanged > 0 && ` ${shown.unchanged} already in ${categoryLabel(shown.category)}.`}
              {shown.shadowedByLongerRule > 0 && ` ${shown.shadowedByLongerRule} kept by a longer rule.`}
              {shown.balanceSheetIgnored > 0 && ` ${shown.balanceSheetIgnored} balance-sheet account${shown.balanceSheetIgnored === 1 ? '' : 's'} not affected.`}
            </Text>
            {shown.changes.length > 0 && (
              <Table withTableBorder striped fz="sm" aria-label="Accounts this rule would move">
                <Table.Thead>
                  <Table.Tr><Table.Th>Code</Table.Th><Table.Th>Account</Table.Th><Table.Th>Now</Table.Th><Table.Th>After saving</Table.Th><Table.Th ta="right">12-month balance</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.changes.slice(0, 20).map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>{c.code}</Table.Td><Table.Td>{c.name}</Table.Td><Table.Td>{categoryLabel(c.from)}</Table.Td><Table.Td>{categoryLabel(c.to)}</Table.Td>
                      <Table.Td ta="right"><Amount minor={c.balance} currency={currency} /></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {shown.changes.length > 20 && <Text size="xs" c="dimmed">…and {shown.changes.length - 20} more.</Text>}
          </Stack>
        )}
      </div>
      {save.error && <ErrorAlert error={save.error} title="The rule was not saved" />}
      <Group>
        <Button type="submit" disabled={!canSave} loading={save.isPending}>Save rule</Button>
        {save.isSuccess && <Text size="sm" role="status">Rule saved; the reports use it now.</Text>}
      </Group>
    </Stack>
  );
}
