import { RowRejection } from '../cell-values';

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function key(year: number, month: number, text: string, column: string): string {
  if (month < 1 || month > 12 || year < 1900 || year > 2999) throw new RowRejection(`${column} "${text}" is not a valid month`);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * Parses a month cell into `YYYY-MM`. Accepts `2025-03`, `2025/03`, `03/2025`, `03.2025`, a date
 * (`2025-03-01`, also a workbook date cell), and English names (`Mar 2025`, `March-2025`).
 */
export function parseMonthCell(text: string, column: string): string {
  const value = text.trim();
  if (value === '') throw new RowRejection(`${column} is empty`);
  let m = /^(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2}(?:[ T][\d:.]+Z?)?)?$/.exec(value);
  if (m) return key(Number(m[1]), Number(m[2]), value, column);
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(value);
  if (m) return key(Number(m[2]), Number(m[1]), value, column);
  m = /^([a-z]{3})[a-z]*\.?[\s\-/]+(\d{4})$/i.exec(value);
  const named = m ? MONTH_NAMES.indexOf((m[1] ?? '').toLowerCase()) : -1;
  if (m && named >= 0) return key(Number(m[2]), named + 1, value, column);
  throw new RowRejection(`${column} "${value}" is not a month (expected YYYY-MM, e.g. 2025-03)`);
}
