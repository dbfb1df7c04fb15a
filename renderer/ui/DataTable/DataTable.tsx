import { Button, Group, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState, type ReactNode } from 'react';
import { useApi } from '../../api/ApiContext';
import { downloadBlob, saveCoreFile } from '../../api/files';
import { Amount } from '../Amount/Amount';
import { ErrorAlert } from '../ErrorAlert/ErrorAlert';
import { toCsv } from './csv';
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

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

/**
 * The dense table of the app: virtualised (only visible rows exist in the DOM, so 100,000 rows scroll
 * smoothly), sortable by any column, filtered by a search box, exportable to CSV and XLSX.
 */
export function DataTable<Row>({ label, rows, columns, rowKey, exportName, height = 420, toolbar, showTotals = false }: DataTableProps<Row>) {
  const api = useApi();
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter);
  const [sort, setSort] = useState<Sort>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const visible = useMemo(() => {
    const needle = deferredFilter.trim().toLowerCase();
    const filtered = needle
      ? rows.filter((row) => columns.some((column) => String(column.value(row) ?? '').toLowerCase().includes(needle)))
      : rows;
    if (!sort) return filtered;
    const column = columns.find((c) => c.key === sort.key);
    if (!column) return filtered;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...filtered].sort((a, b) => sign * compare(column.value(a), column.value(b)));
  }, [rows, columns, deferredFilter, sort]);

  const totals = useMemo(() => {
    if (!showTotals) return new Map<string, number>();
    const sums = new Map<string, number>();
    for (const column of columns.filter((c) => c.kind === 'amount')) {
      sums.set(column.key, visible.reduce((sum, row) => sum + Number(column.value(row) ?? 0), 0));
    }
    return sums;
  }, [visible, columns, showTotals]);

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
          <Text size="xs" c="dimmed" data-testid="datatable-count">{visible.length === rows.length ? `${rows.length} rows` : `${visible.length} of ${rows.length} rows`}</Text>
          <Button size="xs" variant="default" onClick={exportCsv}>Export CSV</Button>
          <Button size="xs" variant="default" onClick={() => xlsx.mutate()} loading={xlsx.isPending}>Export XLSX</Button>
        </Group>
      </Group>
      {xlsx.error && <ErrorAlert error={xlsx.error} />}
      <div ref={scrollRef} className={classes.scroll} style={{ height }} tabIndex={0} role="region" aria-label={`${label} (scrollable)`}>
        <table className={classes.table} aria-label={label} aria-rowcount={visible.length + 1}>
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
                      {column.render ? column.render(row) : column.kind === 'amount' && column.currency ? <Amount minor={Number(column.value(row) ?? 0)} currency={column.currency} /> : column.value(row)}
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
                Total {column?.label}: {column?.currency ? <Amount minor={sum} currency={column.currency} withCurrency /> : sum}
              </Text>
            );
          })}
        </Group>
      )}
    </div>
  );
}
