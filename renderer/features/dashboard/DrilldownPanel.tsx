import { Alert, Group, Loader, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { revenueByChannelOption, revenueTrendOption } from '../../../shared/charts';
import { chartAmount } from '../../../shared/boardpack/display-values';
import { channelTotals } from '../../../shared/reports/drilldown-columns';
import { currencyDecimals } from '../../../shared/boardpack/build';
import { shortMonthLabel } from '../../../shared/boardpack/period-labels';
import type { ReportView } from '../../../shared/boardpack/report-view';
import type { DrilldownRow, KpiId, ReportResult } from '../../../shared/reports/types';
import { Amount, Figure } from '../../ui/Amount/Amount';
import { ChartPanel } from '../../ui/ChartPanel/ChartPanel';
import { DataTable, type Column } from '../../ui/DataTable/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert/ErrorAlert';
import { DRILL_TARGET } from './kpi-catalog';
import { ChannelBreakdownTable } from './ChannelBreakdownTable';
import { useDrilldown } from './queries';
import { kpiLabel, kpiUnit } from './tile-model';

/** Trend, breakdown by company and channel, and the records behind one KPI (exportable, virtualised). */
export function DrilldownPanel({ kpiId, report, view, month }: { kpiId: KpiId; report: ReportResult; view: ReportView; month: string }) {
  const kpi = view.kpis[kpiId];
  const target = DRILL_TARGET[kpiId] ?? null;
  const [companyId, setCompanyId] = useState<number>(view.companyIds[0] ?? report.companies[0]!.companyId);
  const [column, setColumn] = useState<'month' | 'ytd'>('month');
  const [channel, setChannel] = useState<string | null>(null);
  const drill = useDrilldown(target ? { month, companyId, kpi: target, column } : null);
  const byChannel = useMemo(() => (drill.data?.hasChannel ? channelTotals(drill.data.rows) : []), [drill.data]);
  // A channel picked for another company or period may not exist there: then all records show.
  const activeChannel = byChannel.some((c) => c.channel === channel) ? channel : null;
  const shownRows = useMemo(
    () => (drill.data && activeChannel !== null ? drill.data.rows.filter((r) => r.channel === activeChannel) : drill.data?.rows ?? []),
    [drill.data, activeChannel],
  );
  const unit = kpiUnit(kpi);
  const decimals = currencyDecimals(view.currency);
  const company = report.companies.find((c) => c.companyId === companyId);
  const trendValues = kpi.trend.map((p) => (unit === 'amount' ? chartAmount(p.value, decimals, 'k') : p.value));
  const channels = view.kpis.revenue_by_channel.breakdown ?? [];
  const contributions = report.consolidated?.contributions.filter((c) => c.kpi === kpiId) ?? [];

  const columns: Column<DrilldownRow>[] = [
    { key: 'date', label: 'Date', kind: 'date', value: (r) => r.date },
    { key: 'label', label: 'Record', value: (r) => r.label },
    { key: 'partner', label: 'Partner', value: (r) => r.partner },
    ...(drill.data?.hasChannel ? [{ key: 'channel', label: 'Channel', value: (r: DrilldownRow) => r.channel }] : []),
    { key: 'model', label: 'Model', value: (r) => r.model },
    { key: 'id', label: 'Odoo id', kind: 'number', value: (r) => r.id },
    drill.data?.unit.kind === 'money'
      ? { key: 'amount', label: `Amount (${drill.data.unit.currency})`, kind: 'amount', currency: drill.data.unit.currency, value: (r) => r.amount }
      : { key: 'amount', label: 'Count', kind: 'number', value: (r) => r.amount },
  ];

  return (
    <Stack gap="md" data-testid="drilldown">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3} size="h4">{kpiLabel(kpiId)}</Title>
          <Text size="sm" c="dimmed">{view.entityLabel} · {month}: <Figure value={kpi.month} unit={unit} currency={view.currency} /> {kpi.status !== 'ok' && `(${kpi.note ?? kpi.status})`}</Text>
        </div>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <div>
          <Text size="sm" fw={600}>Last 13 months</Text>
          <ChartPanel label={`${kpiLabel(kpiId)} trend`} height={220}
            option={revenueTrendOption({ labels: kpi.trend.map((p) => shortMonthLabel(p.month)), actual: trendValues, unitLabel: unit === 'amount' ? `${view.currency} k` : '' })} />
        </div>
        <div>
          {contributions.length > 0 ? (
            <>
              <Text size="sm" fw={600}>By company ({view.currency}, before eliminations)</Text>
              <Table fz="sm" verticalSpacing={4} aria-label="Breakdown by company">
                <Table.Thead><Table.Tr><Table.Th>Company</Table.Th><Table.Th ta="right">Month</Table.Th><Table.Th ta="right">YTD</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {contributions.map((c) => (
                    <Table.Tr key={c.companyId}>
                      <Table.Td>{report.companies.find((co) => co.companyId === c.companyId)?.name ?? c.companyId}</Table.Td>
                      <Table.Td ta="right"><Amount minor={c.month} currency={view.currency} /></Table.Td>
                      <Table.Td ta="right"><Amount minor={c.ytd} currency={view.currency} /></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          ) : null}
          {kpiId === 'net_revenue' && channels.length > 0 && (
            <>
              <Text size="sm" fw={600} mt="sm">By channel</Text>
              <ChartPanel label="Net revenue by channel" height={180}
                option={revenueByChannelOption(channels.map((r) => ({ channel: r.label, actual: chartAmount(r.month, decimals, 'k') ?? 0 })), `${view.currency} k`)} />
            </>
          )}
          {drill.data && company && byChannel.length > 0 && (
            <ChannelBreakdownTable totals={byChannel} unit={drill.data.unit} selected={activeChannel} onSelect={setChannel}
              caption={`Records by channel (${company.name}, ${column === 'ytd' ? 'year to date' : month})`} />
          )}
        </div>
      </SimpleGrid>
      {target === null ? (
        <Alert color="gray" title="No record list for this figure">{kpiLabel(kpiId)} is computed from figures that have their own drill-down; open Net revenue, Receivables or Inventory.</Alert>
      ) : (
        <Stack gap="xs">
          <Group gap="sm" align="flex-end">
            <Title order={4} size="h5">Records behind {kpiLabel(target)}{target !== kpiId ? ` (the base of ${kpiLabel(kpiId)})` : ''}</Title>
            {report.companies.length > 1 && (
              <Select size="xs" w={240} label="Company" value={String(companyId)} allowDeselect={false}
                data={report.companies.filter((c) => view.companyIds.includes(c.companyId)).map((c) => ({ value: String(c.companyId), label: `${c.name} (${c.currency})` }))}
                onChange={(value) => value && setCompanyId(Number(value))} />
            )}
            <SegmentedControl size="xs" aria-label="Period" value={column} onChange={(v) => setColumn(v === 'ytd' ? 'ytd' : 'month')}
              data={[{ value: 'month', label: 'Month' }, { value: 'ytd', label: 'Year to date' }]} />
            {byChannel.length > 0 && (
              <Select size="xs" w={200} label="Channel" placeholder="All channels" clearable value={activeChannel}
                data={byChannel.map((c) => c.channel)} onChange={setChannel} />
            )}
          </Group>
          {drill.isLoading && <Loader size="sm" aria-label="Loading records" />}
          {drill.error && <ErrorAlert error={drill.error} />}
          {drill.data && company && (
            <>
              <Text size="sm" data-testid="drilldown-figure" data-minor={drill.data.total}>
                {company.name}: {drill.data.rows.length} records totalling {drill.data.unit.kind === 'money' ? <Amount minor={drill.data.total} currency={drill.data.unit.currency} withCurrency /> : drill.data.total}
              </Text>
              <DataTable label="Source records" rows={shownRows} columns={columns} rowKey={(r) => `${r.model}:${r.id}`}
                exportName={`${target}-${company.name}-${month}`} showTotals height={360} />
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}
