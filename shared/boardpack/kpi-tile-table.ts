import type { KpiTile, TableBlock, TableColumn, TableRow } from './model';
import { completeTable } from './table-math';

const TILE_COLUMNS: TableColumn[] = [
  { kind: 'measure', key: 'value', label: 'Month' },
  { kind: 'measure', key: 'prior', label: 'Prior month' },
  { kind: 'variance', key: 'd_prior', label: '\u0394 PM', a: 'value', b: 'prior' },
  { kind: 'measure', key: 'budget', label: 'Budget' },
  { kind: 'variance', key: 'd_budget', label: '\u0394 BU', a: 'value', b: 'budget' },
  { kind: 'text', key: 'note', label: 'Note' },
];

/**
 * The KPI tiles as a table (month, prior month, budget, Better/(Worse) changes, the reason for a missing figure): how the tiles appear in Excel,
 * where each value is a lookup with a named range and each change a formula.
 */
export function tilesAsTable(tiles: KpiTile[], unitLabel: string): TableBlock {
  const rows: TableRow[] = tiles.map((tile) => ({
    key: tile.id,
    label: tile.label,
    kind: 'detail',
    unit: tile.unit,
    good: tile.good === 'lower' ? 'lower' : 'higher',
    values: { value: tile.value, prior: tile.prior, budget: tile.budget },
    // Why a figure is missing or partial, beside the row, so an empty cell is never mistaken for zero.
    texts: { note: tile.note ?? '' },
  }));
  return { type: 'table', id: 'tiles', title: 'Headline KPIs', unitLabel, labelHeader: 'KPI', columns: TILE_COLUMNS, rows: completeTable(TILE_COLUMNS, rows) };
}
