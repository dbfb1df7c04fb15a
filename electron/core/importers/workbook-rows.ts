/**
 * Reading the first worksheet of an .xlsx export as rows of text, so workbooks go through the
 * same format detection and row checks as CSV files. Formula cells contribute their cached result,
 * never the formula.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/rpc/errors';
import type { CsvRecord } from './csv-rows';

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ');
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result ?? null);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/** Calls `onRecord` for every non-empty row of the first sheet (line = spreadsheet row number). */
export async function readWorkbookRows(path: string, onRecord: (record: CsvRecord) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new AppError('import.invalid_file', `cannot read the workbook ${path}: ${error instanceof Error ? error.message : String(error)}`, {
      hint: 'Save the export as .xlsx or CSV and try again.',
    });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('import.invalid_file', `the workbook ${path} has no worksheet`);
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const fields: string[] = [];
    for (let col = 1; col <= width; col += 1) fields.push(cellText(row.getCell(col).value));
    while (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
    onRecord({ fields, line: rowNumber });
  });
}
