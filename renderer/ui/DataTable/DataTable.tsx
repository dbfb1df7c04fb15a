import { Button, Group, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState, type ReactNode } from 'react';
import { useApi } from '../../api/ApiContext';
import { downloadBlob, saveCoreFile } from '../../api/files';
import { useLocaleFormat } from '../../locale/LocaleContext';
import { Amount } from '../Amount/Amount';
import { ErrorAlert } from '../ErrorAlert/ErrorAlert';
import { toCsv } from './csv';
import { filterIndexes, lazySearchKeys, sortIndexes } from './row-index';
import classes from './DataTable.module.css';

/** One column: how to read a cell's raw value (for sort, filter, export) and, optionally, how to draw it. */
export interface Column<Row> {
  key: string;
  label: string;
  kind?: 'text' | 'amount' | 'number' | 'date';
  /** Amount columns: the currency of the minor units. */
  currency?: string;
  value(row: Row): string | number | null;
  render?(row: Row): ReactNode;
}

interface DataTableProps<Row> {
  label: string;
  rows: Row[];
  columns: Column<Row>[];
  rowKey(row: Row): string | number;
  /** File name stem of CSV/XLSX exports. */
  exportName: string;
  height?: number;
  toolbar?: ReactNode;
  /** Shows totals of amount columns under the table (over the filtered rows). */
  showTotals?: boolean;
}

type Sort = { key: string; direction: 'ascending' | 'descending' } | null;
const ROW_HEIGHT = 30;

/**
 * The dense table of the app: virtualised (only visible rows exist in the DOM, so 100,000 rows scroll
 * smoothly), sortable by any column, filtered by a search box, exportable to CSV and XLSX.
 */
export function DataTable<Row>({ label, rows, columns, rowKey, exportName, height = 420, toolbar, showTotals = false }: DataTableProps<Row>) {
  const api = useApi();
  const format = useLocaleFormat();
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter);
  const [sort, setSort] = useState<Sort>(null);
  const deferredSort = useDeferredValue(sort);
  const scrollRef = useRef<HTMLDivElement>(null);

  // Callers build `columns` inline (a new array every render, even while scrolling); the keys say
  // what the columns read, so search keys, order and totals are recomputed only for new rows, columns,
  // filter or sort.
  const columnsKey = columns.map((c) => `${c.key}:${c.kind ?? 'text'}:${c.currency ?? ''}`).join('|');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- columnsKey stands for the columns (see above)
  const keys = useMemo(() => lazySearchKeys(rows, columns), [rows, columnsKey]);

  const visible = useMemo(() => {
    const column = deferredSort ? columns.find((c) => c.key === deferredSort.key) : undefined;
    if (deferredFilter.trim() === '' && !column) return rows;
    const indexes = deferredFilter.trim() === '' ? rows.map((_, i) => i) : filterIndexes(keys(), deferredFilter);
    const ordered = deferredSort && column ? sortIndexes(rows, indexes, column, deferredSort.direction) : indexes;
    return ordered.map((i) => rows[i]!);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- columnsKey stands for the columns (see above)
  }, [rows, keys, deferredFilter, deferredSort, columnsKey]);

  const totals = useMemo(() => {
    if (!showTotals) return new Map<string, number>();
    const sums = new Map<string, number>();
    for (const column of columns.filter((c) => c.kind === 'amount')) {
      let sum = 0;
      for (const row of visible) sum += Number(column.value(row) ?? 0);
      sums.set(column.key, sum);
    }
    return sums;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- columnsKey stands for the columns (see above)
  }, [visible, columnsKey, showTotals]);

  // A filter or sort of 100,000 rows renders in the background (deferred); the table says so meanwhile.
  const pending = filter !== deferredFilter || sort !== deferredSort;

  // The app does not run the React Compiler; the virtualizer's fresh functions on each render are expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: visible.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const padTop = items.length > 0 ? items[0].start : 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;

  const exportRows = () => visible.map((row) => columns.map((column) => column.value(row)));
  const xlsx = useMutation({
    mutationFn: async () => {
      const { path, fileName } = await api.call('files.exportTable', {
        name: exportName,
        columns: columns.map((c) => ({ label: c.label, kind: c.kind ?? 'text', currency: c.currency })),
        rows: exportRows(),
      });
      return saveCoreFile(api, path, fileName);
    },
  });
  const exportCsv = () => {
    const csv = toCsv(columns.map((c) => c.label), exportRows());
    downloadBlob(`${exportName}.csv`, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  };

  const toggleSort = (key: string) =>
    setSort((current) => (current?.key !== key ? { key, direction: 'ascending' } : current.direction === 'ascending' ? { key, direction: 'descending' } : null));

  return (
    <div>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="xs">
          <TextInput size="xs" aria-label={`Filter ${label}`} placeholder="Filter rows…" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} w={240} />
          {toolbar}
        </Group>
        <Group gap="xs">
          <Text size="xs" c="dimmed" data-testid="datatable-count">{visible.length === rows.length ? `${rows.length} rows` : `${visible.length} of ${rows.length} rows`}{pending ? ' · updating…' : ''}</Text>
          <Button size="xs" variant="default" onClick={exportCsv}>Export CSV</Button>
          <Button size="xs" variant="default" onClick={() => xlsx.mutate()} loading={xlsx.isPending}>Export XLSX</Button>
        </Group>
      </Group>
      {xlsx.error && <ErrorAlert error={xlsx.error} />}
      <div ref={scrollRef} className={classes.scroll} style={{ height }} tabIndex={0} role="region" aria-label={`${label} (scrollable)`}>
        <table className={classes.table} aria-label={label} aria-rowcount={visible.length + 1} aria-busy={pending}>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} scope="col" className={column.kind === 'amount' || column.kind === 'number' ? classes.numeric : undefined}
                  aria-sort={sort?.key === column.key ? sort.direction : 'none'}>
                  <button type="button" className={classes.sortButton} onClick={() => toggleSort(column.key)} style={{ textAlign: column.kind === 'amount' || column.kind === 'number' ? 'right' : 'left' }}>
                    {column.label}{sort?.key === column.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && <tr aria-hidden="true"><td colSpan={columns.length} style={{ height: padTop, padding: 0, border: 0 }} /></tr>}
            {items.map((item) => {
              const row = visible[item.index];
              return (
                <tr key={rowKey(row)} className={classes.row} style={{ height: ROW_HEIGHT }} aria-rowindex={item.index + 2} data-testid="datatable-row">
                  {columns.map((column) => (
                    <td key={column.key} className={column.kind === 'amount' || column.kind === 'number' ? classes.numeric : undefined}>
                      {column.render ? column.render(row) : column.kind === 'amount' && column.currency ? <Amount minor={Number(column.value(row) ?? 0)} currency={column.currency} /> : column.kind === 'date' && column.value(row) !== null ? format.date(String(column.value(row))) : column.value(row)}
                    </td>
                  ))}
                </tr>
              );
            })}
            {padBottom > 0 && <tr aria-hidden="true"><td colSpan={columns.length} style={{ height: padBottom, padding: 0, border: 0 }} /></tr>}
          </tbody>
        </table>
      </div>
      {showTotals && totals.size > 0 && (
        <Group justify="flex-end" gap="lg" mt={4}>
          {[...totals].map(([key, sum]) => {
            const column = columns.find((c) => c.key === key);
            return (
              <Text key={key} size="sm" fw={600} data-testid={`datatable-total-${key}`} data-minor={sum}>
                Total {column?.label}: {column?.currency ? <Amount minor={sum} currency={column.currency} withCurrency /> : format.number(sum, 0)}
              </Text>
            );
          })}
        </Group>
      )}
    </div>
  );
}
