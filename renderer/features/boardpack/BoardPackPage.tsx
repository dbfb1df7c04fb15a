import { Button, Card, Checkbox, Group, SegmentedControl, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { SectionId, TemplateId } from '../../../shared/boardpack/model';
import { sectionSpec, TEMPLATE_SECTIONS } from '../../../shared/boardpack/templates';
import type { PackCompanies } from '../../../shared/rpc/contracts/boardpack';
import { useApi } from '../../api/ApiContext';
import { canShowInFolder, saveCoreFile, showInFolder } from '../../api/files';
import { JobProgressLine } from '../../shell/JobProgressLine';
import { useJobProgress } from '../../shell/useJobProgress';
import { useView } from '../../shell/view-state';
import { ErrorAlert } from '../../ui/ErrorAlert/ErrorAlert';
import { useReport } from '../dashboard/queries';
import { useWorkspace, workspaceKeys } from '../workspace/queries';
import { resolveScope } from '../workspace/scope';
import { DataQualitySummary } from './DataQualitySummary';
import { MarkFinalModal } from './MarkFinalModal';
import { PackPreview } from './PackPreview';
import { packKeys, toCall, usePackPreview, type PackRequest } from './queries';
import { SnapshotsCard } from './SnapshotsCard';

/** Template, scope, sections, commentary, preview of the document model, export, mark final, snapshots. */
export function BoardPackPage() {
  const api = useApi();
  const queryClient = useQueryClient();
  const view = useView();
  const workspace = useWorkspace();
  const scope = resolveScope(view, workspace.data?.active ?? null);
  const [template, setTemplate] = useState<TemplateId>('board');
  const [scale, setScale] = useState<'units' | 'k' | 'm'>('k');
  const [sections, setSections] = useState<Partial<Record<SectionId, boolean>>>({});
  const [finalOpen, setFinalOpen] = useState(false);
  const exportAbort = useRef<AbortController | null>(null);
  // The header's companies as the pack takes them: the group, one company, or exactly the chosen subset consolidated.
  const company: PackCompanies = scope.request === 'all' ? 'all' : scope.request.length === 1 ? scope.request[0]! : scope.request;
  const request: PackRequest | null = scope.month ? { month: scope.month, company, currency: scope.currency, template, scale, sections } : null;
  const preview = usePackPreview(request);
  const report = useReport(scope.month ? { month: scope.month, companies: scope.request, currency: scope.currency } : null);

  const exportPack = useMutation({
    mutationFn: async (formats: Array<'xlsx' | 'pdf'>) => {
      exportAbort.current = new AbortController();
      return api.call('boardpack.export', { ...toCall(request!), formats }, { signal: exportAbort.current.signal });
    },
  });
  const exportProgress = useJobProgress('boardpack.export', exportPack.isPending);
  const download = useMutation({ mutationFn: (file: { path: string; fileName: string }) => saveCoreFile(api, file.path, file.fileName) });
  const markFinal = useMutation({
    mutationFn: (input: { by: string; waiver: string }) => api.call('boardpack.markFinal', {
      month: request!.month, company, template, by: input.by, ...(input.waiver.trim() ? { waiver: input.waiver } : {}), ...(scope.currency ? { currency: scope.currency } : {}),
    }),
    onSuccess: () => {
      setFinalOpen(false);
      void queryClient.invalidateQueries({ queryKey: packKeys.all });
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.all });
    },
  });
  // Physical key: Option+E on macOS types a dead key, not 'e'. A second export never starts while one runs.
  useHotkeys([['alt+E', () => request && !exportPack.isPending && exportPack.mutate(['xlsx', 'pdf']), { usePhysicalKeys: true }]]);

  const doc = preview.data;
  // The same findings the final gate checks: those of the companies in scope (errors ask for a waiver).
  const dqFindings = (report.data?.dataQuality ?? []).filter((f) => company === 'all' || f.companyId === null || scope.companyIds.includes(f.companyId));
  const dqErrors = dqFindings.filter((f) => f.severity === 'error').map((f) => f.message);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Board pack {scope.month}</Title>
        <Group>
          <Button onClick={() => exportPack.mutate(['xlsx', 'pdf'])} loading={exportPack.isPending} disabled={!request} title="Alt+E">Export XLSX and PDF</Button>
          <Button variant="default" onClick={() => exportPack.mutate(['xlsx'])} disabled={!request || exportPack.isPending}>XLSX only</Button>
          <Button variant="default" onClick={() => exportPack.mutate(['pdf'])} disabled={!request || exportPack.isPending}>PDF only</Button>
          {exportPack.isPending && <JobProgressLine progress={exportProgress} fallbackLabel="Exporting" testId="export-progress" />}
          {exportPack.isPending && <Button variant="subtle" color="red" onClick={() => exportAbort.current?.abort()}>Cancel export</Button>}
          {report.data && <DataQualitySummary findings={dqFindings} />}
          <Button color="teal.9" onClick={() => setFinalOpen(true)} disabled={!doc || doc.status === 'final'}>Mark final…</Button>
        </Group>
      </Group>
      {exportPack.error && <ErrorAlert error={exportPack.error} />}
      {download.error && <ErrorAlert error={download.error} />}
      {exportPack.data && (
        <Card withBorder data-testid="exported-files">
          <Text size="sm" fw={600}>Exported</Text>
          {exportPack.data.files.map((file) => (
            <Group key={file.path} justify="space-between">
              <Text size="sm" data-testid="exported-file" data-path={file.path}>{file.fileName} · {(file.bytes / 1024).toFixed(0)} KB</Text>
              <Group gap="xs">
                <Button size="compact-sm" variant="light" onClick={() => download.mutate(file)}>{canShowInFolder() ? 'Save as…' : 'Download'}</Button>
                {canShowInFolder() && <Button size="compact-sm" variant="subtle" onClick={() => void showInFolder(file.path)}>Show in folder</Button>}
              </Group>
            </Group>
          ))}
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <Card withBorder>
          <Stack gap="xs">
            <div>
              <Text size="sm" fw={500} id="template-label">Template</Text>
              <SegmentedControl aria-labelledby="template-label" value={template} onChange={(v) => { setTemplate(v === 'sales' ? 'sales' : 'board'); setSections({}); }}
                data={[{ value: 'board', label: 'Board pack' }, { value: 'sales', label: 'Sales managers' }]} />
            </div>
            <div>
              <Text size="sm" fw={500} id="scale-label">Amounts in</Text>
              <SegmentedControl aria-labelledby="scale-label" value={scale} onChange={(v) => setScale(v === 'units' ? 'units' : v === 'm' ? 'm' : 'k')}
                data={[{ value: 'units', label: 'Units' }, { value: 'k', label: 'Thousands' }, { value: 'm', label: 'Millions' }]} />
            </div>
            <Text size="xs" c="dimmed">Companies, currency and month come from the header: {company === 'all' ? 'the consolidated group' : typeof company === 'number' ? 'one company' : `${company.length} companies consolidated`}.</Text>
          </Stack>
        </Card>
        <Card withBorder style={{ gridColumn: 'span 2' }}>
          <Text size="sm" fw={500} mb={4}>Sections</Text>
          <Group gap="md">
            {TEMPLATE_SECTIONS[template].map((id) => (
              <Checkbox key={id} label={sectionSpec(id).title} checked={sections[id] ?? true} onChange={(e) => setSections({ ...sections, [id]: e.currentTarget.checked })} />
            ))}
          </Group>
        </Card>
      </SimpleGrid>
      {preview.error && <ErrorAlert error={preview.error} />}
      {!doc && !preview.error && <Skeleton h={300} />}
      {doc && <PackPreview key={`${doc.period.month}-${company}-${template}`} doc={doc} company={company} onCommentarySaved={() => void queryClient.invalidateQueries({ queryKey: packKeys.all })} />}
      <SnapshotsCard />
      <MarkFinalModal key={finalOpen ? 'open' : 'closed'} opened={finalOpen} errors={dqErrors} busy={markFinal.isPending} error={markFinal.error}
        onClose={() => setFinalOpen(false)} onConfirm={(by, waiver) => markFinal.mutate({ by, waiver })} />
    </Stack>
  );
}
