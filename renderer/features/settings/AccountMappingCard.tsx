import { Badge, Button, Card, Group, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import type { MappedAccount } from '../../../shared/rpc/contracts/mapping';
import { DataTable, type Column } from '../../ui/DataTable/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert/ErrorAlert';
import { useWorkspace } from '../workspace/queries';
import { AccountMappingInventoryRoles } from './AccountMappingInventoryRoles';
import { AccountMappingRuleForm } from './AccountMappingRuleForm';
import { AccountMappingRules } from './AccountMappingRules';
import { effectiveLabel, sourceExplanation, sourceLabel } from './account-mapping-labels';
import { useMappingListing } from './account-mapping-queries';

/**
 * Settings → account mapping: which P&L category or balance-sheet class every account of a company
 * feeds, why (Odoo type, the user's rule, detection), and the rules that refine what Odoo's account
 * types cannot separate (interest, income tax, FX, marketplace fees...).
 */
export function AccountMappingCard() {
  const workspace = useWorkspace();
  const companies = workspace.data?.active?.companies ?? [];
  const closedMonths = workspace.data?.active?.closedMonths ?? [];
  const [picked, setPicked] = useState<number | null>(null);
  const companyId = picked ?? companies[0]?.id ?? null;
  const listing = useMappingListing(companyId);
  const [needsOnly, setNeedsOnly] = useState(false);
  const [prefix, setPrefix] = useState('');
  const prefixInputRef = useRef<HTMLInputElement>(null);
  const data = listing.data;
  const currency = data?.currency ?? companies.find((c) => c.id === companyId)?.currency ?? 'EUR';
  const needing = data?.accounts.filter((a) => a.needsMapping).length ?? 0;
  const rows = useMemo(() => (data ? (needsOnly ? data.accounts.filter((a) => a.needsMapping) : data.accounts) : []), [data, needsOnly]);

  const columns = useMemo<Column<MappedAccount>[]>(() => [
    {
      key: 'code', label: 'Code', value: (a) => a.code,
      // The code is the button that starts a rule for it: one column fewer keeps the table inside the card.
      render: (a) => (
        <Button size="compact-xs" variant="subtle" aria-label={`Map account ${a.code}`} title="Write a rule for this account"
          onClick={() => { setPrefix(a.code); prefixInputRef.current?.focus(); }}>{a.code}</Button>
      ),
    },
    { key: 'name', label: 'Account', value: (a) => a.name, render: (a) => <span title={a.name} style={{ display: 'block', maxWidth: 150, overflow: 'hidden', textOverflow: 'ellipsis' }}>{a.name}</span> },
    {
      key: 'category', label: 'Reported as', value: (a) => effectiveLabel(a),
      render: (a) => (
        <span data-testid={`mapping-category-${a.code}`}>
          {effectiveLabel(a)}{a.needsMapping && <Badge size="xs" color="red.9" ml={6}>needs mapping</Badge>}
        </span>
      ),
    },
    { key: 'source', label: 'Decided by', value: (a) => sourceLabel(a), render: (a) => <span title={sourceExplanation(a)}>{sourceLabel(a)}</span> },
    { key: 'balance', label: 'Balance', kind: 'amount', currency, value: (a) => a.balance },
  ], [currency]);

  if (!workspace.data?.active?.hasData) {
    return (
      <Card withBorder>
        <Title order={3} size="h5">Account mapping</Title>
        <Text size="sm">Sync a company first: the mapping applies to its chart of accounts.</Text>
      </Card>
    );
  }

  return (
    <Card withBorder data-testid="account-mapping">
      <Stack gap="sm">
        <Title order={3} size="h5">Account mapping</Title>
        <Text size="sm">
          Odoo&apos;s account types do not say which costs are interest, income tax, FX or marketplace fees, so EBITDA cannot be right
          without a few rules. A rule maps every account whose code starts with its prefix; the longest prefix wins.
        </Text>
        {closedMonths.length > 0 && (
          <Text size="xs" c="dimmed" data-testid="mapping-closed-note">
            Closed months ({closedMonths.join(', ')}) keep the mapping they were closed with: their board pack reads the snapshot. The dashboard
            recomputes every month from the live cache, closed ones included.
          </Text>
        )}
        <Group align="flex-end">
          <Select label="Company" data={companies.map((c) => ({ value: String(c.id), label: `${c.name} (${c.currency})` }))} value={companyId === null ? null : String(companyId)}
            onChange={(v) => v && setPicked(Number(v))} allowDeselect={false} w={320} />
          <Switch label={`Needs mapping only (${needing})`} checked={needsOnly} onChange={(e) => setNeedsOnly(e.currentTarget.checked)} mb={6} />
        </Group>
        {listing.error && <ErrorAlert error={listing.error} />}
        {data && (
          <>
            {data.window && <Text size="xs" c="dimmed">Balances are posted journal items from {data.window.from} to {data.window.to}, debit positive, in {data.currency}.</Text>}
            <DataTable label="Chart of accounts" rows={rows} columns={columns} rowKey={(a) => a.id} exportName={`account-mapping-${data.companyId}`} height={Math.min(360, 44 + rows.length * 30)} />
            <Title order={4} size="h6">Rules</Title>
            <AccountMappingRules companyId={data.companyId} rules={data.rules} />
            <AccountMappingRuleForm companyId={data.companyId} currency={data.currency} prefix={prefix} onPrefixChange={setPrefix} prefixInputRef={prefixInputRef} />
            <Title order={4} size="h6">Inventory accounts</Title>
            <AccountMappingInventoryRoles companyId={data.companyId} roles={data.inventoryRoles} source={data.inventorySource} />
          </>
        )}
      </Stack>
    </Card>
  );
}
