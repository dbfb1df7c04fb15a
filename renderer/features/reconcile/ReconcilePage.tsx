import { Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import type { ReconcileView } from '../../../shared/rpc/contracts/reconcile';
import { AppError } from '../../../shared/rpc/errors';
import { useApi } from '../../api/ApiContext';
import { fileToBase64, saveCoreFile } from '../../api/files';
import { JobProgressLine } from '../../shell/JobProgressLine';
import { useJobProgress } from '../../shell/useJobProgress';
import { useView } from '../../shell/view-state';
import { Amount } from '../../ui/Amount/Amount';
import { DataTable, type Column } from '../../ui/DataTable/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert/ErrorAlert';
import { useWorkspace } from '../workspace/queries';
import { resolveScope } from '../workspace/scope';
import { ChannelSummary } from './ChannelSummary';
import { DecisionModal } from './DecisionModal';
import { exceptionRows, type ExceptionRow } from './exception-rows';
import { FileDrop } from './FileDrop';
import { ImportResults } from './ImportResults';
import { reconcileKeys, useReconciliation } from './queries';

const STATUS_COLOR = { open: 'red.9', resolved: 'teal.9', ignored: 'gray.7' } as const;

/** Import exports, see what was detected and rejected, the channel bridge, and work the exceptions. */
export function ReconcilePage() {
  const api = useApi();
  const queryClient = useQueryClient();
  const view = useView();
  const workspace = useWorkspace();
  const scope = resolveScope(view, workspace.data?.active ?? null);
  const month = scope.month;
  const results = useReconciliation(month);
  const [status, setStatus] = useState<string | null>('open');
  const [category, setCategory] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<{ row: ExceptionRow; action: 'resolved' | 'ignored' } | null>(null);

  const importAbort = useRef<AbortController | null>(null);
  const [importStage, setImportStage] = useState('');
  const upload = useMutation({
    mutationFn: async (files: File[]) => {
      const controller = new AbortController();
      importAbort.current = controller;
      const names = files.map((f) => f.name).join(', ');
      setImportStage(`Reading ${names}`);
      const encoded = await Promise.all(files.map(async (f) => ({ name: f.name, base64: await fileToBase64(f) })));
      if (controller.signal.aborted) throw new AppError('cancelled', 'Import cancelled before it reached the core: nothing was imported.');
      setImportStage(`Matching ${names} against Odoo`);
      return api.call('reconcile.import', { month: month!, files: encoded }, { signal: controller.signal });
    },
    onSuccess: (data: ReconcileView) => queryClient.setQueryData(reconcileKeys.month(data.month), data),
  });
  // The core may report steps under this job id; until it does, the bar is indeterminate with the file names.
  const importProgress = useJobProgress('reconcile.import', upload.isPending);
  const decide = useMutation({
    mutationFn: (input: { row: ExceptionRow; action: 'resolved' | 'ignored' | 'open'; note: string }) =>
      api.call('reconcile.resolve', { recordKey: input.row.recordKey, category: input.row.category, status: input.action, note: input.note }),
    onSuccess: () => {
      setDeciding(null);
      void queryClient.invalidateQueries({ queryKey: reconcileKeys.all });
    },
  });
  const exportFile = useMutation({
    mutationFn: async (format: 'csv' | 'xlsx') => {
      const file = await api.call('reconcile.export', { month: month!, format });
      return saveCoreFile(api, file.path, file.fileName);
    },
  });

  const data = results.data;
  const rows = useMemo(() => (data ? exceptionRows(data) : []), [data]);
  const filtered = rows.filter((r) => (status === null || r.status === status) && (category === null || r.category === category));
  const categories = [...new Set(rows.map((r) => r.category))].sort();

  const columns: Column<ExceptionRow>[] = [
    { key: 'channel', label: 'Channel', value: (r) => r.channel },
    { key: 'sourceRef', label: 'Order', value: (r) => r.sourceRef },
    { key: 'saleOrders', label: 'Odoo order', value: (r) => r.saleOrders },
    { key: 'category', label: 'Category', value: (r) => r.category },
    { key: 'shopAmount', label: 'Shop', kind: 'amount', value: (r) => r.shopAmount, render: (r) => <Amount minor={r.shopAmount} currency={r.currency} /> },
    { key: 'odooAmount', label: 'Odoo', kind: 'amount', value: (r) => r.odooAmount, render: (r) => <Amount minor={r.odooAmount} currency={r.currency} /> },
    { key: 'difference', label: 'Difference', kind: 'amount', value: (r) => r.difference, render: (r) => <Amount minor={r.difference} currency={r.currency} /> },
    { key: 'explanation', label: 'Explanation', value: (r) => r.explanation },
    { key: 'status', label: 'Status', value: (r) => r.status, render: (r) => <Badge size="sm" color={STATUS_COLOR[r.status]} title={r.note ?? undefined}>{r.status}</Badge> },
    {
      key: 'actions', label: 'Action', value: (r) => r.note, render: (r) => r.status === 'open' ? (
        <Group gap={4} wrap="nowrap">
          <Button size="compact-xs" variant="light" onClick={() => setDeciding({ row: r, action: 'resolved' })} aria-label={`Resolve ${r.sourceRef} ${r.category}`}>Resolve</Button>
          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setDeciding({ row: r, action: 'ignored' })} aria-label={`Ignore ${r.sourceRef} ${r.category}`}>Ignore</Button>
        </Group>
      ) : (
        <Button size="compact-xs" variant="subtle" onClick={() => decide.mutate({ row: r, action: 'open', note: '' })} aria-label={`Re-open ${r.sourceRef} ${r.category}`}>Re-open</Button>
      ),
    },
  ];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Reconcile {month}</Title>
        <Group>
          <Button variant="default" onClick={() => exportFile.mutate('csv')} loading={exportFile.isPending} disabled={!month}>Export exceptions CSV</Button>
          <Button variant="default" onClick={() => exportFile.mutate('xlsx')} loading={exportFile.isPending} disabled={!month}>Export XLSX</Button>
        </Group>
      </Group>
      <FileDrop onFiles={(files) => upload.mutate(files)} busy={upload.isPending}
        progress={upload.isPending ? <JobProgressLine progress={importProgress} fallbackLabel={importStage} testId="import-progress" /> : null}
        onCancel={() => importAbort.current?.abort()} />
      {upload.error && <ErrorAlert error={upload.error} />}
      {exportFile.error && <ErrorAlert error={exportFile.error} />}
      {results.error && <ErrorAlert error={results.error} />}
      {upload.data && upload.data.month === month && <ImportResults imports={upload.data.imports} />}
      {data && (
        <>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">Channels: shop revenue to Odoo revenue</Title>
            <ChannelSummary summary={data.summary} />
          </Card>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">Exceptions</Title>
            <DataTable label="Exceptions" rows={filtered} columns={columns} rowKey={(r) => r.key} exportName={`exceptions-${month}`} height={380}
              toolbar={(
                <>
                  <Select size="xs" w={130} aria-label="Status" placeholder="Any status" value={status} onChange={setStatus} clearable
                    data={[{ value: 'open', label: 'Open' }, { value: 'resolved', label: 'Resolved' }, { value: 'ignored', label: 'Ignored' }]} />
                  <Select size="xs" w={220} aria-label="Category" placeholder="Any category" value={category} onChange={setCategory} clearable data={categories} />
                </>
              )} />
            {data.dataCleaning.duplicateCustomers.length > 0 && (
              <Text size="xs" c="dimmed" mt="xs">{data.dataCleaning.duplicateCustomers.length} customers look duplicated; {data.dataCleaning.unmappedSkus} shop SKUs have no Odoo product.</Text>
            )}
          </Card>
        </>
      )}
      {decide.error && <ErrorAlert error={decide.error} />}
      <DecisionModal key={deciding?.row.key ?? 'none'} row={deciding?.row ?? null} action={deciding?.action ?? 'resolved'} busy={decide.isPending}
        onClose={() => setDeciding(null)} onConfirm={(note) => deciding && decide.mutate({ row: deciding.row, action: deciding.action, note })} />
    </Stack>
  );
}
