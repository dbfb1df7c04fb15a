import type { Kpi, KpiId } from '../../reports/types';
import type { Block, TableBlock, TableColumn, TableRow } from '../model';
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

/**
 * KPIs whose amounts are too small for the table's thousands: shown in full currency units, the row label saying
 * so ("Average order value (EUR)"), so "7" never stands for EUR 6,746.
 */
const FULL_UNIT_KPIS: ReadonlySet<KpiId> = new Set(['average_order_value']);

function kpiRow(id: KpiId, kpi: Kpi): TableRow {
  const good = KPI_LABELS[id]?.good;
  const fullUnits = FULL_UNIT_KPIS.has(id) && kpi.unit.kind === 'money';
  return {
    key: id,
    label: fullUnits && kpi.unit.kind === 'money' ? `${kpiLabel(id)} (${kpi.unit.currency})` : kpiLabel(id),
    kind: 'detail',
    unit: kpiUnit(kpi),
    good: good === 'lower' ? 'lower' : 'higher',
    values: { m_ac: kpi.month, m_pm: priorMonth(kpi), m_py: kpi.priorYearMonth, ytd_ac: kpi.ytd, ytd_py: kpi.priorYearYtd },
    ...(fullUnits ? { scale: 'units' as const } : {}),
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

/**
 * Why KPIs of a table have no (or only partial) figures, in plain words, as one muted paragraph under the table:
 * an empty row must never look like a zero or a rendering fault.
 */
export function kpiNotes(view: ReportView, ids: KpiId[]): Block[] {
  const notes = ids.flatMap((kpiId) => {
    const kpi = view.kpis[kpiId];
    if (!kpi || kpi.status === 'ok' || !kpi.note) return [];
    return [`${kpiLabel(kpiId)}: ${kpi.note}`];
  });
  return notes.length === 0 ? [] : [{ type: 'paragraph', tone: 'muted', text: `Not available or incomplete. ${notes.join(' ')}` }];
}

/** {@link kpiTable} followed by the reasons for its missing figures. */
export function kpiTableWithNotes(id: string, title: string, unitLabel: string, view: ReportView, ids: KpiId[]): Block[] {
  return [kpiTable(id, title, unitLabel, view, ids), ...kpiNotes(view, ids)];
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
