import { Alert, Card, Drawer, Group, List, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { currencyDecimals } from '../../../shared/boardpack/build';
import { chartAmount } from '../../../shared/boardpack/display-values';
import { selectionView } from '../../../shared/boardpack/report-view';
import { agingOption, revenueByChannelOption } from '../../../shared/charts';
import { findingsForKpi } from '../../../shared/reports/finding-kpis';
import type { KpiId } from '../../../shared/reports/types';
import { useLocaleFormat } from '../../locale/LocaleContext';
import { useView } from '../../shell/view-state';
import { Figure } from '../../ui/Amount/Amount';
import { ChartPanel } from '../../ui/ChartPanel/ChartPanel';
import { ErrorAlert } from '../../ui/ErrorAlert/ErrorAlert';
import { KpiTile } from '../../ui/KpiTile/KpiTile';
import { useWorkspace } from '../workspace/queries';
import { resolveScope } from '../workspace/scope';
import { DrilldownFindings } from './DrilldownFindings';
import { DrilldownPanel } from './DrilldownPanel';
import { EXECUTIVE_KPIS } from './kpi-catalog';
import { useReport } from './queries';
import { budgetFor, kpiLabel, kpiUnit, tileChanges } from './tile-model';

/** The executive view: six KPI tiles with drill-down, revenue by channel, receivables aging, data quality. */
export function DashboardPage() {
  const viewState = useView();
  const workspace = useWorkspace();
  const active = workspace.data?.active ?? null;
  const scope = resolveScope(viewState, active);
  const report = useReport(scope.month ? { month: scope.month, companies: scope.request, currency: scope.currency } : null);
  const [open, setOpen] = useState<KpiId | null>(null);
  const format = useLocaleFormat();

  if (report.error) return <ErrorAlert error={report.error} />;
  if (!report.data || !scope.month) return <Stack><Title order={2}>Dashboard</Title><SimpleGrid cols={3}>{EXECUTIVE_KPIS.map((id) => <Skeleton key={id} h={150} />)}</SimpleGrid></Stack>;

  const data = report.data;
  const view = selectionView(data, { consolidated: scope.consolidated, companyId: scope.companyIds[0] ?? data.companies[0]!.companyId });
  const decimals = currencyDecimals(view.currency);
  const channels = view.kpis.revenue_by_channel.breakdown ?? [];
  const aging = view.kpis.ar_aging.breakdown ?? [];
  const findings = data.dataQuality.filter((f) => f.companyId === null || view.companyIds.includes(f.companyId));
  const errorCount = findings.filter((f) => f.severity === 'error').length;

  return (
    <Stack data-testid="dashboard" data-entity={view.entityLabel} data-currency={view.currency}>
      <Group justify="space-between">
        <Title order={2}>Dashboard</Title>
        <Text size="sm" c="dimmed">{view.entityLabel} · {view.currency} · {scope.month}{report.isFetching ? ' · updating…' : ''}</Text>
      </Group>
      {errorCount > 0 && (
        <Alert color="red" title="Data-quality issues affect these figures" role="status">
          <Text size="sm">{errorCount} data-quality error{errorCount === 1 ? '' : 's'}: the marked tiles show which figures they touch; open a tile for the details and records.</Text>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {EXECUTIVE_KPIS.map((id) => {
          const kpi = view.kpis[id];
          return (
            <KpiTile key={id} id={id} label={kpiLabel(id)} rawValue={kpi.month}
              value={<Figure value={kpi.month} unit={kpiUnit(kpi)} currency={view.currency} />}
              changes={tileChanges(id, kpi, budgetFor(id, view.kpis.budget_variance), format.separators)}
              sparkline={kpi.trend.map((p) => p.value)}
              note={kpi.status === 'ok' ? undefined : kpi.note ?? kpi.status}
              findings={findingsForKpi(findings, id, data.availability)}
              onOpen={() => setOpen(id)} />
          );
        })}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Text fw={600} size="sm">Revenue by channel ({view.currency} k)</Text>
          {channels.length > 0
            ? <ChartPanel label="Revenue by channel" option={revenueByChannelOption(channels.map((r) => ({ channel: r.label, actual: chartAmount(r.month, decimals, 'k') ?? 0 })), `${view.currency} k`)} />
            : <Text size="sm" c="dimmed">{view.kpis.revenue_by_channel.note ?? 'No channel revenue this month.'}</Text>}
        </Card>
        <Card withBorder>
          <Text fw={600} size="sm">Receivables aging at month-end ({view.currency} k)</Text>
          {aging.length > 0
            ? <ChartPanel label="Receivables aging" option={agingOption(aging.map((b) => ({ label: b.label, amount: chartAmount(b.month, decimals, 'k') ?? 0 })), `${view.currency} k`)} />
            : <Text size="sm" c="dimmed">{view.kpis.ar_aging.note ?? 'No open receivables.'}</Text>}
        </Card>
      </SimpleGrid>
      {findings.length > 0 && (
        <Card withBorder data-testid="dashboard-findings">
          <Text fw={600} size="sm">Data quality ({findings.length})</Text>
          <List size="sm">{findings.map((f) => <List.Item key={`${f.code}-${f.companyId}-${f.message}`}><Text span fw={600} size="sm">{f.severity === 'error' ? 'Error' : 'Warning'}:</Text> {f.message}</List.Item>)}</List>
        </Card>
      )}
      {data.availability.length > 0 && (
        <Text size="xs" c="dimmed">Not synced: {data.availability.map((a) => `${a.model} (${a.reason})`).join('; ')}</Text>
      )}
      {/* Compound parts without Drawer.Header: its <header> would be a second banner landmark. */}
      <Drawer.Root opened={open !== null} onClose={() => setOpen(null)} position="right" size="75%">
        <Drawer.Overlay />
        <Drawer.Content aria-label={open ? `Drill-down: ${kpiLabel(open)}` : 'Drill-down'}>
          <Group justify="space-between" p="md" pb={0}>
            <Text fw={600}>{open ? `Drill-down: ${kpiLabel(open)}` : ''}</Text>
            <Drawer.CloseButton aria-label="Close the drill-down" />
          </Group>
          <Drawer.Body>
            {open && (
              <Stack gap="md">
                <DrilldownFindings findings={findings} kpiId={open} availability={data.availability} />
                <DrilldownPanel kpiId={open} report={data} view={view} month={scope.month} />
              </Stack>
            )}
          </Drawer.Body>
        </Drawer.Content>
      </Drawer.Root>
    </Stack>
  );
}
