/** A cell's raw value, as columns read it for sort, filter and export. */
export type CellValue = string | number | null;

/** What the table needs of a column to index rows (see Column in DataTable.tsx). */
export interface IndexColumn<Row> {
  value(row: Row): CellValue;
}

/**
 * One lowercase search text per row (its cells joined by a separator no needle crosses), built once
 * per rows array: each keystroke then costs one `includes` per row instead of reading and lowercasing
 * every cell of 100,000 rows again.
 */
export function searchKeys<Row>(rows: readonly Row[], columns: readonly IndexColumn<Row>[]): string[] {
  const keys = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    let key = '';
    for (const column of columns) key += `${String(column.value(row) ?? '').toLowerCase()}\u0000`;
    keys[i] = key;
  }
  return keys;
}

/**
 * The search keys of a rows array, built on first use: opening a 100,000-row table does not pay
 * for them, the first keystroke does once, every later keystroke reuses them.
 */
export function lazySearchKeys<Row>(rows: readonly Row[], columns: readonly IndexColumn<Row>[]): () => string[] {
  let keys: string[] | null = null;
  return () => (keys ??= searchKeys(rows, columns));
}

/** Indexes of the rows whose search key contains the needle (all rows for an empty needle). */
export function filterIndexes(keys: readonly string[], needle: string): number[] {
  const wanted = needle.trim().toLowerCase();
  const result: number[] = [];
  for (let i = 0; i < keys.length; i++) if (wanted === '' || keys[i]!.includes(wanted)) result.push(i);
  return result;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Sorts row indexes by one column: the column is read once per row (not twice per comparison),
 * numbers compare as numbers, text with one shared collator, empty cells last in both directions,
 * ties keep the rows' original order.
 */
export function sortIndexes<Row>(rows: readonly Row[], indexes: readonly number[], column: IndexColumn<Row>, direction: 'ascending' | 'descending'): number[] {
  const values = new Array<CellValue>(rows.length);
  for (const i of indexes) values[i] = column.value(rows[i]!);
  const sign = direction === 'ascending' ? 1 : -1;
  return [...indexes].sort((a, b) => {
    const x = values[a]!;
    const y = values[b]!;
    if (x === y) return a - b;
    if (x === null) return 1;
    if (y === null) return -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return order === 0 ? a - b : sign * order;
  });
}
