import type { TableBlock, TableColumn, TableRow } from '../model';
import { completeTable } from '../table-math';
import type { SectionContext } from './context';

const COLUMNS: TableColumn[] = [{ kind: 'measure', key: 'month', label: 'Month-end' }];

/**
 * Receivables ageing by days past due, tied to the receivables balance. The engine ages each company's open
 * items before consolidation, while the group balance has intercompany receivables eliminated: the difference is
 * shown as its own line so the table ends on the same receivables figure as the balance sheet and the KPIs.
 */
export function agingTable(context: SectionContext): TableBlock | null {
  const aging = context.view.kpis.ar_aging;
  const buckets = aging?.breakdown ?? [];
  if (buckets.length === 0) return null;
  const details: TableRow[] = buckets.map((bucket, index) => ({ key: `r${index + 1}`, label: bucket.label, kind: 'detail', unit: 'amount', values: { month: bucket.month } }));
  const agedSum = buckets.every((bucket) => bucket.month !== null) ? buckets.reduce((sum, bucket) => sum + (bucket.month ?? 0), 0) : null;
  const balance = context.view.kpis.ar_total?.month ?? null;
  const sumOfDetails = details.map((row) => ({ row: row.key, sign: 1 as const }));
  const rows: TableRow[] = [...details];
  if (agedSum === null) return { type: 'table', id: 'aging', title: 'Receivables ageing (days past due)', unitLabel: context.unitLabel, columns: COLUMNS, rows: completeTable(COLUMNS, rows) };
  if (balance === null || balance === agedSum) {
    rows.push({ key: 'total', label: 'Total receivables', kind: 'total', unit: 'amount', values: {}, sumOf: sumOfDetails });
  } else {
    rows.push(
      { key: 'aged', label: 'Aged receivables', kind: 'subtotal', unit: 'amount', values: {}, sumOf: sumOfDetails },
      {
        key: 'adjustment',
        label: context.view.consolidated ? 'Intercompany receivables eliminated' : 'Not aged (unallocated credits)',
        kind: 'detail',
        unit: 'amount',
        indent: 1,
        values: { month: balance - agedSum },
      },
      { key: 'total', label: 'Receivables, balance sheet', kind: 'total', unit: 'amount', values: {}, sumOf: [{ row: 'aged', sign: 1 }, { row: 'adjustment', sign: 1 }] },
    );
  }
  return { type: 'table', id: 'aging', title: 'Receivables ageing (days past due)', unitLabel: context.unitLabel, columns: COLUMNS, rows: completeTable(COLUMNS, rows) };
}
