import type ExcelJS from 'exceljs';
import type { BoardPackDocument, Figure, ValueUnit } from '../../../../shared/boardpack/model';
import { tilesAsTable } from '../../../../shared/boardpack/kpi-tile-table';
import { neutraliseText } from './safe-text';

/** One aggregated figure of the snapshot on the Data sheet; presentation cells look it up with SUMIFS. */
export interface DataEntry {
  table: string;
  row: string;
  column: string;
  label: string;
  unit: ValueUnit;
  value: number;
}

/** Named ranges over the Data sheet columns, used by every lookup formula. */
export const DATA_NAMES = { table: 'Data_Table', row: 'Data_Row', column: 'Data_Column', value: 'Data_Value' } as const;

/**
 * Criteria keys must match literally in SUMIFS: no wildcards (* ? ~), no comparison prefixes, never numeric.
 * Keys are reduced to letters, digits and _ . - and always start with a letter.
 */
export function criteriaKey(key: string): string {
  const cleaned = key.replace(/[^A-Za-z0-9_.-]/g, '_');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `k${cleaned}`;
}

/** The number a cell holds: amounts in major units (EUR, not cents), everything else as is. */
export function cellNumber(value: number, unit: ValueUnit, currencyDecimals: number): number {
  return unit === 'amount' ? value / 10 ** currencyDecimals : value;
}

/** The lookup of one detail figure, e.g. SUMIFS(Data_Value,Data_Table,"pnl",Data_Row,"revenue",Data_Column,"m_ac"). */
export function lookupFormula(table: string, row: string, column: string): string {
  return `SUMIFS(${DATA_NAMES.value},${DATA_NAMES.table},"${criteriaKey(table)}",${DATA_NAMES.row},"${criteriaKey(row)}",${DATA_NAMES.column},"${criteriaKey(column)}")`;
}

function entry(table: string, row: string, column: string, label: string, unit: ValueUnit, value: Figure, decimals: number): DataEntry[] {
  return value === null ? [] : [{ table: criteriaKey(table), row: criteriaKey(row), column: criteriaKey(column), label, unit, value: cellNumber(value, unit, decimals) }];
}

/** Every figure the presentation sheets look up, in document order (stable). */
export function collectDataEntries(doc: BoardPackDocument): DataEntry[] {
  const entries: DataEntry[] = [];
  for (const section of doc.sections) {
    if (!section.enabled) continue;
    for (const block of section.blocks) {
      const table = block.type === 'kpis' ? tilesAsTable(block.tiles, '') : block.type === 'table' ? block : null;
      if (!table) continue;
      for (const row of table.rows) {
        if (row.kind !== 'detail') continue;
        for (const column of table.columns) {
          if (column.kind !== 'measure') continue;
          entries.push(...entry(table.id, row.key, column.key, row.label, row.unit, row.values[column.key] ?? null, doc.currencyDecimals));
        }
      }
    }
  }
  return entries;
}

/** Writes the Data sheet (filterable, frozen header) and defines the named ranges over its columns. */
export function writeDataSheet(workbook: ExcelJS.Workbook, entries: DataEntry[], sheetName = 'Data'): void {
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = [
    { header: 'Table', key: 'table', width: 16 },
    { header: 'Row', key: 'row', width: 22 },
    { header: 'Column', key: 'column', width: 12 },
    { header: 'Label', key: 'label', width: 40 },
    { header: 'Unit', key: 'unit', width: 10 },
    { header: 'Value', key: 'value', width: 18 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const item of entries) {
    sheet.addRow({ table: item.table, row: item.row, column: item.column, label: neutraliseText(item.label), unit: item.unit, value: item.value });
  }
  const last = Math.max(2, entries.length + 1);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: 6 } };
  workbook.definedNames.add(`${sheetName}!$A$2:$A$${last}`, DATA_NAMES.table);
  workbook.definedNames.add(`${sheetName}!$B$2:$B$${last}`, DATA_NAMES.row);
  workbook.definedNames.add(`${sheetName}!$C$2:$C$${last}`, DATA_NAMES.column);
  workbook.definedNames.add(`${sheetName}!$F$2:$F$${last}`, DATA_NAMES.value);
}
