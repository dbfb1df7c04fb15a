import { Alert, Button, Card, FileButton, Group, List, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PlanImportResult } from '../../../shared/rpc/contracts/plan';
import { useApi } from '../../api/ApiContext';
import { fileToBase64 } from '../../api/files';
import { useLocaleFormat } from '../../locale/LocaleContext';
import { ErrorAlert } from '../../ui/ErrorAlert/ErrorAlert';
import { useWorkspace } from '../workspace/queries';
import { usePlanBatches } from './queries';

type PlanKind = 'budget' | 'csat';
type PlanSource = { kind: PlanKind } & ({ upload: File } | { path: string });

const KIND_LABEL: Record<PlanKind, string> = { budget: 'Budget', csat: 'CSAT survey' };
const LISTED_REJECTIONS = 50;
const ACCEPT = '.csv,.tsv,.txt,.xlsx';

function ImportOutcome({ result }: { result: PlanImportResult }) {
  const rejected = result.rejected.length;
  const color = result.imported === 0 ? 'red' : rejected > 0 ? 'yellow' : 'teal';
  return (
    // The title in body text colour: the tinted titles miss AA contrast on the light background.
    <Alert color={color} variant="light" title={<Text span fw={600} size="sm" c="var(--mantine-color-text)">{KIND_LABEL[result.kind]} {result.file}</Text>} role="status" data-testid="plan-import-result">
      <Text size="sm">
        {result.read} row(s) read, {result.imported} imported, {rejected} rejected
        {result.replaced > 0 ? `; ${result.replaced} row(s) of an earlier import replaced` : ''}.
        {result.imported === 0 && result.read > 0 ? ' Nothing was stored: what was imported before is unchanged.' : ''}
        {result.imported > 0 && rejected > 0 ? ' Fix the rejected lines and import the file again: its rows are replaced, not added.' : ''}
      </Text>
      {rejected > 0 && (
        <List size="xs" mt={4} aria-label="Rejected lines">
          {result.rejected.slice(0, LISTED_REJECTIONS).map((r) => <List.Item key={r.line}>Line {r.line}: {r.reason}</List.Item>)}
          {rejected > LISTED_REJECTIONS && <List.Item>… and {rejected - LISTED_REJECTIONS} more</List.Item>}
        </List>
      )}
    </Alert>
  );
}

/**
 * Loads a budget (CSV/TSV/XLSX: company, kpi or account, month, amount) or a customer-satisfaction
 * survey export into the active cache, lists the stored imports and undoes one. The dashboard's
 * "vs budget" lines, pipeline coverage and CSAT come from these. Self-contained: no props.
 */
export function BudgetCsatCard() {
  const api = useApi();
  const queryClient = useQueryClient();
  const format = useLocaleFormat();
  const batches = usePlanBatches();
  const companies = useWorkspace().data?.active?.companies ?? [];
  const [result, setResult] = useState<PlanImportResult | null>(null);
  // Budgets and surveys feed the reports, the pack and the tiles: every cached figure is stale.
  const refreshAll = () => void queryClient.invalidateQueries();

  const importFile = useMutation({
    mutationFn: async (source: PlanSource) => {
      const file = 'upload' in source ? { name: source.upload.name, base64: await fileToBase64(source.upload) } : { path: source.path };
      return source.kind === 'budget' ? api.call('plan.importBudget', { file }) : api.call('plan.importCsat', { file });
    },
    onSuccess: (outcome) => {
      setResult(outcome);
      refreshAll();
    },
  });
  const removeBatch = useMutation({
    mutationFn: (batchId: string) => api.call('plan.removeBatch', { batchId }),
    onSuccess: () => {
      setResult(null);
      refreshAll();
    },
  });

  const list = batches.data?.batches ?? [];
  const demo = batches.data?.demoFiles;
  const companyNames = (ids: number[]) => (ids.length === 0 ? 'whole group' : ids.map((id) => companies.find((c) => c.id === id)?.name ?? `#${id}`).join(', '));
  const busy = importFile.isPending || removeBatch.isPending;
  const picker = (kind: PlanKind, label: string) => (
    <FileButton onChange={(file) => file && importFile.mutate({ kind, upload: file })} accept={ACCEPT}>
      {(props) => <Button {...props} size="xs" variant="light" loading={importFile.isPending && importFile.variables?.kind === kind}>{label}</Button>}
    </FileButton>
  );

  return (
    <Card withBorder data-testid="budget-csat-card">
      <Stack gap="xs">
        <Title order={3} size="h5">Budget & CSAT</Title>
        <Text size="sm" c="dimmed">
          Budgets and customer-satisfaction surveys live outside Odoo. A budget has one amount per row: company (Odoo id or name),
          kpi (net_revenue, cogs, opex, ebitda, gross_margin) or account (code prefix), month (YYYY-MM), amount in company currency.
          A survey has a date and a 1–5 score per response; company, response_id and channel are optional.
        </Text>
        <Group gap="xs">
          {picker('budget', 'Import budget…')}
          {picker('csat', 'Import CSAT survey…')}
          {demo?.budget && <Button size="xs" variant="subtle" disabled={busy} onClick={() => importFile.mutate({ kind: 'budget', path: demo.budget! })}>Load the demo budget</Button>}
          {demo?.csat && <Button size="xs" variant="subtle" disabled={busy} onClick={() => importFile.mutate({ kind: 'csat', path: demo.csat! })}>Load the demo survey</Button>}
        </Group>
        {importFile.error && <ErrorAlert error={importFile.error} />}
        {removeBatch.error && <ErrorAlert error={removeBatch.error} />}
        {batches.error && <ErrorAlert error={batches.error} />}
        {result && <ImportOutcome result={result} />}
        {batches.isSuccess && list.length === 0 && <Text size="sm" c="dimmed">No budget or survey imported yet: the tiles show no "vs budget" and CSAT is n/a.</Text>}
        {list.length > 0 && (
          <Table fz="sm" verticalSpacing={4} aria-label="Imported budgets and surveys">
            <Table.Thead>
              <Table.Tr><Table.Th>Kind</Table.Th><Table.Th>File</Table.Th><Table.Th>Imported</Table.Th><Table.Th ta="right">Rows</Table.Th><Table.Th>Companies</Table.Th><Table.Th>Months</Table.Th><Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((batch) => (
                <Table.Tr key={batch.batchId} data-testid="plan-batch-row">
                  <Table.Td>{KIND_LABEL[batch.kind]}</Table.Td>
                  <Table.Td>{batch.file ?? '—'}</Table.Td>
                  <Table.Td>{format.dateTime(batch.importedAt)}</Table.Td>
                  <Table.Td ta="right">{batch.rows}</Table.Td>
                  <Table.Td>{companyNames(batch.companyIds)}</Table.Td>
                  <Table.Td>{batch.firstMonth === batch.lastMonth ? batch.firstMonth : `${batch.firstMonth} – ${batch.lastMonth}`}</Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" color="red" disabled={busy} onClick={() => removeBatch.mutate(batch.batchId)} aria-label={`Remove the ${KIND_LABEL[batch.kind].toLowerCase()} import ${batch.file ?? batch.batchId}`}>
                      Remove
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
