import { describe, expect, it } from 'vitest';
import { filterIndexes, lazySearchKeys, searchKeys, sortIndexes, type IndexColumn } from './row-index';

interface Row { label: string; partner: string | null; amount: number | null }
const rows: Row[] = [
  { label: 'INV/2026/0010', partner: 'Acme GmbH', amount: 1200 },
  { label: 'INV/2026/0002', partner: null, amount: -50 },
  { label: 'inv/2026/0003', partner: 'Zeta Ltd', amount: null },
  { label: 'BILL/2026/0001', partner: 'acme gmbh', amount: 1200 },
];
const label: IndexColumn<Row> = { value: (r) => r.label };
const partner: IndexColumn<Row> = { value: (r) => r.partner };
const amount: IndexColumn<Row> = { value: (r) => r.amount };

describe('row index of the DataTable', () => {
  it('filters case-insensitively over every column, never across a cell boundary', () => {
    const keys = searchKeys(rows, [label, partner, amount]);
    expect(filterIndexes(keys, '  ACME ')).toEqual([0, 3]);
    expect(filterIndexes(keys, '1200')).toEqual([0, 3]);
    expect(filterIndexes(keys, '')).toEqual([0, 1, 2, 3]);
    // "0010acme" would only match if cells ran together.
    expect(filterIndexes(keys, '0010acme')).toEqual([]);
  });

  it('builds the search keys on first use only, once', () => {
    let reads = 0;
    const counted: IndexColumn<Row> = { value: (r) => { reads += 1; return r.label; } };
    const keys = lazySearchKeys(rows, [counted]);
    expect(reads).toBe(0);
    expect(filterIndexes(keys(), '0002')).toEqual([1]);
    expect(filterIndexes(keys(), 'bill')).toEqual([3]);
    expect(reads).toBe(rows.length);
  });

  it('sorts numbers numerically and text naturally, empty cells last, ties in original order', () => {
    const all = [0, 1, 2, 3];
    expect(sortIndexes(rows, all, amount, 'ascending')).toEqual([1, 0, 3, 2]);
    expect(sortIndexes(rows, all, amount, 'descending')).toEqual([0, 3, 1, 2]);
    expect(sortIndexes(rows, all, label, 'ascending')).toEqual([3, 1, 2, 0]);
    expect(sortIndexes(rows, all, partner, 'descending')).toEqual([2, 0, 3, 1]);
    // Only the given (filtered) indexes come back.
    expect(sortIndexes(rows, [0, 1], amount, 'ascending')).toEqual([1, 0]);
  });

  it('sorts 100,000 rows reading each cell once', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ label: `L${i}`, partner: null, amount: (i * 7919) % 100_003 }));
    let reads = 0;
    const counted: IndexColumn<Row> = { value: (r) => { reads += 1; return r.amount; } };
    const order = sortIndexes(many, many.map((_, i) => i), counted, 'ascending');
    expect(reads).toBe(100_000);
    let outOfOrder = 0;
    for (let i = 1; i < order.length; i++) if (many[order[i - 1]!]!.amount! > many[order[i]!]!.amount!) outOfOrder += 1;
    expect(order).toHaveLength(100_000);
    expect(outOfOrder).toBe(0);
  });
});
