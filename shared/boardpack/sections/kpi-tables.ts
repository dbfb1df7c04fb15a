import type { Kpi, KpiId } from '../../reports/types';
import type { TableBlock, TableColumn, TableRow } from '../model';
import { completeTable } from '../table-math';
import { kpiLabel, kpiUnit, KPI_LABELS, priorMonth, type ReportView } from '../report-view';

/** Month / prior month / prior year / YTD comparison columns used by KPI tables. */
export const KPI_COLUMNS: TableColumn[] = [
  { kind: 'measure', key: 'm_ac', label: 'Actual', group: 'Month' },
  { kind: 'measure', key: 'm_pm', label: 'Prior month', group: 'Month' },
  { kind: 'variance', key: 'm_dpm', label: '\u0394 PM', group: 'Month', a: 'm_ac', b: 'm_pm' },
  { kind: 'measure', key: 'm_py', label: 'Prior year', group: 'Month' },
  { kind: 'variance', key: 'm_dpy', label: '\u0394 PY', group: 'Month', a: 'm_ac', b: 'm_py' },
  { kind: 'measure', key: 'ytd_ac', label: 'Actual', group: 'Year to date' },
  { kind: 'measure', key: 'ytd_py', label: 'Prior year', group: 'Year to date' },
  { kind: 'variance', key: 'ytd_dpy', label: '\u0394 PY', group: 'Year to date', a: 'ytd_ac', b: 'ytd_py' },
];

function kpiRow(id: KpiId, kpi: Kpi): TableRow {
  const good = KPI_LABELS[id]?.good;
  return {
    key: id,
    label: kpiLabel(id),
    kind: 'detail',
    unit: kpiUnit(kpi),
    good: good === 'lower' ? 'lower' : 'higher',
    values: { m_ac: kpi.month, m_pm: priorMonth(kpi), m_py: kpi.priorYearMonth, ytd_ac: kpi.ytd, ytd_py: kpi.priorYearYtd },
  };
}

/** A table of KPIs with their comparison columns; KPIs the report lacks are skipped. */
export function kpiTable(id: string, title: string, unitLabel: string, view: ReportView, ids: KpiId[]): TableBlock {
  const rows = ids.flatMap((kpiId) => {
    const kpi = view.kpis[kpiId];
    return kpi ? [kpiRow(kpiId, kpi)] : [];
  });
  return { type: 'table', id, title, unitLabel, columns: KPI_COLUMNS, rows: completeTable(KPI_COLUMNS, rows) };
}

const BREAKDOWN_COLUMNS: TableColumn[] = [
  { kind: 'measure', key: 'month', label: 'Month' },
  { kind: 'measure', key: 'ytd', label: 'Year to date' },
];

/**
 * A KPI's breakdown (channels, ageing buckets, customers) as detail rows with a total row whose formula is their
 * sum. The total is only added when the breakdown covers the whole KPI (money breakdowns sum exactly to it).
 */
export function breakdownTable(id: string, title: string, unitLabel: string, kpi: Kpi | undefined, totalLabel: string, monthOnly = false): TableBlock | null {
  if (!kpi?.breakdown || kpi.breakdown.length === 0) return null;
  const unit = kpiUnit(kpi);
  const columns = monthOnly ? BREAKDOWN_COLUMNS.slice(0, 1) : BREAKDOWN_COLUMNS;
  const details: TableRow[] = kpi.breakdown.map((entry, index) => ({
    key: `r${index + 1}`,
    label: entry.label,
    kind: 'detail',
    unit,
    values: { month: entry.month, ytd: entry.ytd },
  }));
  const monthSum = kpi.breakdown.reduce((sum, entry) => sum + (entry.month ?? 0), 0);
  const rows = [...details];
  if (unit === 'amount' && kpi.month !== null && monthSum === kpi.month) {
    rows.push({ key: 'total', label: totalLabel, kind: 'total', unit, values: {}, sumOf: details.map((row) => ({ row: row.key, sign: 1 })) });
  }
  return { type: 'table', id, title, unitLabel, columns, rows: completeTable(columns, rows) };
}
