import type { Figure, TableColumn, TableRow, ValueUnit } from './model';

/**
 * The formula intent of a table, evaluated exactly: subtotals and totals are sums of the rows they name, ratios
 * divide two rows, variances subtract two columns. The Excel renderer writes the same relations as formulas, so
 * the cached values it writes are these numbers and a spreadsheet recalculation must reproduce them.
 */

/** The unit a cell is displayed in: variances of percentages are points, relative variances are percentages. */
export function cellUnit(row: TableRow, column: TableColumn): ValueUnit {
  if (column.kind === 'variance') return row.unit === 'percent' ? 'points' : row.unit;
  if (column.kind === 'variancePct') return 'percent';
  return row.unit;
}

/** Whether a relative variance makes sense for a row: not for percentages (use points) or headings. */
export function hasRelativeVariance(row: TableRow): boolean {
  return row.kind !== 'heading' && row.unit !== 'percent' && row.unit !== 'points';
}

/**
 * Whether a cell is a relative variance that exists in principle (both figures are there) but is not meaningful
 * (zero or negative base, beyond ±999.9 %): renderers print "n/m" there, not a blank that looks like missing data.
 */
export function isNotMeaningful(row: TableRow, column: TableColumn): boolean {
  if (column.kind !== 'variancePct' || !hasRelativeVariance(row) || (row.values[column.key] ?? null) !== null) return false;
  return (row.values[column.a] ?? null) !== null && (row.values[column.b] ?? null) !== null;
}

function signed(value: Figure, sign: 1 | -1): Figure {
  return value === null ? null : value * sign;
}

/** A sum with a missing term is missing: a subtotal over a partly budgeted block would mislead. */
function sumFigures(values: Figure[]): Figure {
  if (values.length === 0 || values.some((value) => value === null)) return null;
  return values.reduce<number>((total, value) => total + (value ?? 0), 0);
}

/**
 * Better/(Worse) difference: a - b, or b - a where lower is better (costs); percentage differences are in
 * points (x100), exactly as the Excel formula computes them.
 */
function difference(a: Figure, b: Figure, row: TableRow): Figure {
  if (a === null || b === null) return null;
  const favourable = row.good === 'lower' ? b - a : a - b;
  // Amounts are integer minor units (exact); ratios and days are floats whose difference carries binary noise
  // (1.3500999999999985 pp) that would otherwise land in the workbook's cached values.
  if (row.unit === 'amount') return favourable;
  return cleanFloat(row.unit === 'percent' ? favourable * 100 : favourable);
}

/** Relative changes beyond ±999.9 % say nothing a reader can use; finance packs print "n/m" instead. */
export const MAX_RELATIVE_VARIANCE = 9.999;

/**
 * Relative Better/(Worse) change against `b`. Not meaningful (null, printed "n/m") when the base is zero or
 * negative (a change from a loss is not a percentage of it) or when it exceeds {@link MAX_RELATIVE_VARIANCE}.
 */
function relativeDifference(a: Figure, b: Figure, row: TableRow): Figure {
  if (a === null || b === null || b <= 0) return null;
  const relative = (row.good === 'lower' ? b - a : a - b) / b;
  return Math.abs(relative) > MAX_RELATIVE_VARIANCE ? null : cleanFloat(relative);
}

/** Rounds away float noise (12 significant decimals are far below any displayed precision). */
function cleanFloat(value: number): number {
  return Math.round(value * 1e12) / 1e12;
}

/**
 * Fills subtotal, total and ratio rows and every variance column from the detail rows' measure values.
 * Throws when a row refers to a row that is not above it: formulas must only look up (auditable, no cycles).
 */
export function completeTable(columns: TableColumn[], rows: TableRow[]): TableRow[] {
  const done = new Map<string, TableRow>();
  const measureKeys = columns.filter((column) => column.kind === 'measure').map((column) => column.key);
  const completed = rows.map((row) => {
    const values: Record<string, Figure> = {};
    const lookup = (key: string): TableRow => {
      const found = done.get(key);
      if (!found) throw new Error(`row "${row.key}" refers to "${key}", which is not a row above it`);
      return found;
    };
    for (const key of measureKeys) {
      if (row.kind === 'subtotal' || row.kind === 'total') {
        values[key] = sumFigures((row.sumOf ?? []).map((term) => signed(lookup(term.row).values[key] ?? null, term.sign)));
      } else if (row.kind === 'ratio' && row.ratioOf) {
        const numerator = lookup(row.ratioOf.numerator).values[key] ?? null;
        const denominator = lookup(row.ratioOf.denominator).values[key] ?? null;
        values[key] = numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator;
      } else {
        values[key] = row.kind === 'heading' ? null : (row.values[key] ?? null);
      }
    }
    for (const column of columns) {
      if (row.kind === 'heading') continue;
      if (column.kind === 'variance') values[column.key] = difference(values[column.a] ?? null, values[column.b] ?? null, row);
      if (column.kind === 'variancePct') {
        values[column.key] = hasRelativeVariance(row) ? relativeDifference(values[column.a] ?? null, values[column.b] ?? null, row) : null;
      }
    }
    const next: TableRow = { ...row, values };
    done.set(row.key, next);
    return next;
  });
  return completed;
}
