import type ExcelJS from 'exceljs';
import { excelNumberFormat, type AmountDisplay } from '../../../../shared/boardpack/format';
import type { TableBlock, TableColumn, TableRow } from '../../../../shared/boardpack/model';
import { cellUnit, isNotMeaningful } from '../../../../shared/boardpack/table-math';
import { cellNumber, lookupFormula } from './data-sheet';
import { neutraliseText } from './safe-text';

/** Where a table landed on its sheet: the header row (for frozen panes/print titles) and the next free row. */
export interface TablePlacement {
  labelRow: number;
  nextRow: number;
  /** Sheet address of each figure cell, by row key then column key (for named ranges). */
  addresses: Map<string, Map<string, string>>;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } };
const DARK = 'FF1F3A5F';

function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The formula of one figure cell, following the row's formula intent; null when the figure is missing. */
function cellFormula(table: TableBlock, row: TableRow, column: TableColumn, address: (rowKey: string, columnKey: string) => string): string | null {
  if ((row.values[column.key] ?? null) === null) return null;
  if (column.kind === 'variance') {
    const [a, b] = [address(row.key, column.a), address(row.key, column.b)];
    const diff = row.good === 'lower' ? `${b}-${a}` : `${a}-${b}`;
    return row.unit === 'percent' ? `(${diff})*100` : diff;
  }
  if (column.kind === 'variancePct') {
    const [a, b] = [address(row.key, column.a), address(row.key, column.b)];
    return row.good === 'lower' ? `(${b}-${a})/ABS(${b})` : `(${a}-${b})/ABS(${b})`;
  }
  if (column.kind !== 'measure') return null;
  if ((row.kind === 'subtotal' || row.kind === 'total') && row.sumOf) {
    const terms = row.sumOf.map((term, index) => `${term.sign === -1 ? '-' : index === 0 ? '' : '+'}${address(term.row, column.key)}`);
    return terms.join('');
  }
  if (row.kind === 'ratio' && row.ratioOf) return `${address(row.ratioOf.numerator, column.key)}/${address(row.ratioOf.denominator, column.key)}`;
  return lookupFormula(table.id, row.key, column.key);
}

/**
 * Writes a table at `startRow`: title, group header (centred across selection, never merged), column labels,
 * then one row per table row. Every figure is a formula (lookup, sum, ratio or variance) with its cached result.
 */
export function writeTable(sheet: ExcelJS.Worksheet, table: TableBlock, startRow: number, docDisplay: AmountDisplay): TablePlacement {
  const display: AmountDisplay = { ...docDisplay, scale: table.scale ?? docDisplay.scale };
  const columnIndex = new Map(table.columns.map((column, index) => [column.key, index + 2]));
  const rowIndex = new Map<string, number>();
  const firstDataRow = startRow + 3;
  table.rows.forEach((row, index) => rowIndex.set(row.key, firstDataRow + index));
  const address = (rowKey: string, columnKey: string): string => {
    const r = rowIndex.get(rowKey);
    const c = columnIndex.get(columnKey);
    if (r === undefined || c === undefined) throw new Error(`table ${table.id}: no cell for row "${rowKey}", column "${columnKey}"`);
    return `${columnLetter(c)}${r}`;
  };

  const titleCell = sheet.getCell(startRow, 1);
  titleCell.value = `${table.title} (${table.unitLabel})`;
  titleCell.font = { bold: true, size: 11, color: { argb: DARK } };

  const groupRow = sheet.getRow(startRow + 1);
  let previousGroup: string | undefined;
  table.columns.forEach((column, index) => {
    if (!column.group) return;
    const cell = groupRow.getCell(index + 2);
    if (column.group !== previousGroup) cell.value = column.group;
    cell.alignment = { horizontal: 'centerContinuous' };
    cell.font = { bold: true, color: { argb: DARK } };
    cell.border = { bottom: { style: 'thin', color: { argb: DARK } } };
    previousGroup = column.group;
  });

  const labelRow = sheet.getRow(startRow + 2);
  labelRow.getCell(1).value = table.labelHeader ?? table.unitLabel;
  table.columns.forEach((column, index) => {
    const cell = labelRow.getCell(index + 2);
    cell.value = column.label;
    cell.alignment = { horizontal: column.kind === 'text' ? (column.align ?? 'left') : 'right', wrapText: true };
  });
  for (let c = 1; c <= table.columns.length + 1; c += 1) {
    const cell = labelRow.getCell(c);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
  }

  const addresses = new Map<string, Map<string, string>>();
  table.rows.forEach((row) => {
    const r = rowIndex.get(row.key) ?? firstDataRow;
    const sheetRow = sheet.getRow(r);
    const label = sheetRow.getCell(1);
    label.value = neutraliseText(row.label);
    label.alignment = { indent: row.indent ?? 0 };
    const bold = row.kind === 'subtotal' || row.kind === 'total' || row.kind === 'heading';
    const rowAddresses = new Map<string, string>();
    table.columns.forEach((column, index) => {
      const cell = sheetRow.getCell(index + 2);
      if (column.kind === 'text') {
        cell.value = neutraliseText(row.texts?.[column.key] ?? '');
        if (column.align) cell.alignment = { horizontal: column.align };
        return;
      }
      const formula = cellFormula(table, row, column, address);
      const value = row.values[column.key] ?? null;
      const unit = cellUnit(row, column);
      if (formula !== null && value !== null) {
        cell.value = { formula, result: cellNumber(value, unit, display.currencyDecimals) };
        cell.numFmt = excelNumberFormat(unit, { ...display, scale: row.scale ?? display.scale });
        rowAddresses.set(column.key, `$${columnLetter(index + 2)}$${r}`);
      } else if (isNotMeaningful(row, column)) {
        // Text, never a number: the same "n/m" the PDF prints, and no formula a recalculation could disagree with.
        cell.value = 'n/m';
      }
      cell.alignment = { horizontal: 'right' };
    });
    addresses.set(row.key, rowAddresses);
    for (let c = 1; c <= table.columns.length + 1; c += 1) {
      const cell = sheetRow.getCell(c);
      if (bold) cell.font = { bold: true };
      if (row.kind === 'subtotal') cell.border = { top: { style: 'thin' } };
      if (row.kind === 'total') cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } };
    }
  });
  return { labelRow: startRow + 2, nextRow: firstDataRow + table.rows.length + 1, addresses };
}
