import type { BalanceRow, StatementRow } from '../../reports/types';
import type { TableBlock, TableColumn, TableRow } from '../model';
import { completeTable } from '../table-math';
import { inferTotals } from '../total-inference';
import type { KpiBudget } from '../report-view';

const PNL_COLUMNS: TableColumn[] = [
  { kind: 'measure', key: 'm_ac', label: 'Actual', group: 'Month' },
  { kind: 'measure', key: 'm_py', label: 'Prior year', group: 'Month' },
  { kind: 'variance', key: 'm_dpy', label: '\u0394 PY', group: 'Month', a: 'm_ac', b: 'm_py' },
  { kind: 'variancePct', key: 'm_dpy_pct', label: '\u0394 PY %', group: 'Month', a: 'm_ac', b: 'm_py' },
  { kind: 'measure', key: 'ytd_ac', label: 'Actual', group: 'Year to date' },
  { kind: 'measure', key: 'ytd_py', label: 'Prior year', group: 'Year to date' },
  { kind: 'variance', key: 'ytd_dpy', label: '\u0394 PY', group: 'Year to date', a: 'ytd_ac', b: 'ytd_py' },
  { kind: 'variancePct', key: 'ytd_dpy_pct', label: '\u0394 PY %', group: 'Year to date', a: 'ytd_ac', b: 'ytd_py' },
];

/**
 * The P&L as a table. Totals become signed sums of the lines above (recovered from the engine's figures, see
 * inferTotals); lines subtracted in a total are costs, so their variances are shown Better/(Worse).
 */
const PNL_BUDGET_COLUMNS: TableColumn[] = [
  { kind: 'measure', key: 'm_ac', label: 'Actual', group: 'Month' },
  { kind: 'measure', key: 'm_bu', label: 'Budget', group: 'Month' },
  { kind: 'variance', key: 'm_dbu', label: '\u0394 BU', group: 'Month', a: 'm_ac', b: 'm_bu' },
  { kind: 'measure', key: 'm_py', label: 'Prior year', group: 'Month' },
  { kind: 'variance', key: 'm_dpy', label: '\u0394 PY', group: 'Month', a: 'm_ac', b: 'm_py' },
  { kind: 'measure', key: 'ytd_ac', label: 'Actual', group: 'Year to date' },
  { kind: 'measure', key: 'ytd_bu', label: 'Budget', group: 'Year to date' },
  { kind: 'variance', key: 'ytd_dbu', label: '\u0394 BU', group: 'Year to date', a: 'ytd_ac', b: 'ytd_bu' },
  { kind: 'measure', key: 'ytd_py', label: 'Prior year', group: 'Year to date' },
  { kind: 'variance', key: 'ytd_dpy', label: '\u0394 PY', group: 'Year to date', a: 'ytd_ac', b: 'ytd_py' },
];

export function pnlTable(rows: StatementRow[], unitLabel: string, budgets: Partial<Record<string, KpiBudget>> = {}): TableBlock {
  const hasBudget = Object.keys(budgets).length > 0;
  const columns = hasBudget ? PNL_BUDGET_COLUMNS : PNL_COLUMNS;
  const totals = inferTotals(rows.map((row) => ({ key: row.key, isTotal: row.isTotal, values: [row.month, row.ytd, row.priorYearMonth, row.priorYearYtd] })));
  const costs = new Set<string>();
  for (const terms of totals.values()) for (const term of terms) if (term.sign === -1) costs.add(term.row);
  const tableRows: TableRow[] = rows.map((row) => {
    const sumOf = totals.get(row.key);
    return {
      key: row.key,
      label: row.label,
      kind: sumOf ? (row.level === 0 ? 'total' : 'subtotal') : 'detail',
      unit: 'amount',
      indent: row.isTotal ? 0 : Math.max(1, row.level),
      good: costs.has(row.key) ? 'lower' : 'higher',
      values: {
        m_ac: row.month,
        m_py: row.priorYearMonth,
        ytd_ac: row.ytd,
        ytd_py: row.priorYearYtd,
        m_bu: budgets[row.key]?.month ?? null,
        ytd_bu: budgets[row.key]?.ytd ?? null,
      },
      ...(sumOf ? { sumOf } : {}),
    };
  });
  return { type: 'table', id: 'pnl', title: 'Profit and loss', unitLabel, columns, rows: completeTable(columns, tableRows), footnoteRefs: ['v', 'r'] };
}

const BS_COLUMNS: TableColumn[] = [
  { kind: 'measure', key: 'close', label: 'Month-end' },
  { kind: 'measure', key: 'prev', label: 'Prior month-end' },
  { kind: 'variance', key: 'mov_m', label: 'Movement', a: 'close', b: 'prev' },
  { kind: 'measure', key: 'fy', label: 'Prior FY-end' },
  { kind: 'variance', key: 'mov_fy', label: 'Movement FY', a: 'close', b: 'fy' },
];

/** The balance-sheet summary; movements are plain differences (no Better/(Worse) on balances). */
export function balanceSheetTable(rows: BalanceRow[], unitLabel: string): TableBlock {
  const totals = inferTotals(rows.map((row) => ({ key: row.key, isTotal: row.isTotal, values: [row.closing, row.priorMonthClosing, row.priorFiscalYearClosing] })));
  const tableRows: TableRow[] = rows.map((row) => {
    const sumOf = totals.get(row.key);
    return {
      key: row.key,
      label: row.label,
      kind: sumOf ? (row.level === 0 ? 'total' : 'subtotal') : 'detail',
      unit: 'amount',
      indent: row.isTotal ? 0 : Math.max(1, row.level),
      values: { close: row.closing, prev: row.priorMonthClosing, fy: row.priorFiscalYearClosing },
      ...(sumOf ? { sumOf } : {}),
    };
  });
  return { type: 'table', id: 'bs', title: 'Balance sheet summary', unitLabel, columns: BS_COLUMNS, rows: completeTable(BS_COLUMNS, tableRows), footnoteRefs: ['r'] };
}
