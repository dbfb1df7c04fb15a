import { describe, expect, it } from 'vitest';
import type { TableColumn, TableRow } from './model';
import { completeTable, isNotMeaningful } from './table-math';

const COLUMNS: TableColumn[] = [
  { kind: 'measure', key: 'ac', label: 'Actual' },
  { kind: 'measure', key: 'py', label: 'Prior year' },
  { kind: 'variance', key: 'd', label: '\u0394 PY', a: 'ac', b: 'py' },
  { kind: 'variancePct', key: 'dp', label: '\u0394 PY %', a: 'ac', b: 'py' },
];

function row(key: string, ac: number | null, py: number | null, extra: Partial<TableRow> = {}): TableRow {
  return { key, label: key, kind: 'detail', unit: 'amount', values: { ac, py }, ...extra };
}

describe('completeTable variances', () => {
  it('computes Better/(Worse) differences and relative changes against a positive base', () => {
    const [revenue, costs] = completeTable(COLUMNS, [row('revenue', 12_000, 10_000), row('costs', 6_000, 5_000, { good: 'lower' })]);
    expect(revenue?.values).toMatchObject({ d: 2_000, dp: 0.2 });
    expect(costs?.values).toMatchObject({ d: -1_000, dp: -0.2 });
  });

  it('leaves a relative change empty and marks it n/m from a zero or negative base or beyond 999.9 %', () => {
    const rows = completeTable(COLUMNS, [row('from_loss', 1_600, -100), row('from_zero', 500, 0), row('tenfold', 110_000, 10_000), row('no_py', 500, null)]);
    const dp = COLUMNS[3];
    if (!dp) throw new Error('column');
    for (const key of ['from_loss', 'from_zero', 'tenfold']) {
      const completed = rows.find((candidate) => candidate.key === key);
      if (!completed) throw new Error(key);
      expect(completed.values.dp, key).toBeNull();
      expect(isNotMeaningful(completed, dp), key).toBe(true);
      // The absolute variance stays: only the percentage is meaningless.
      expect(completed.values.d, key).not.toBeNull();
    }
    const noPriorYear = rows.find((candidate) => candidate.key === 'no_py');
    // A missing comparison is blank, not "n/m".
    expect(noPriorYear && isNotMeaningful(noPriorYear, dp)).toBe(false);
  });

  it('keeps percentage-point variances free of float noise', () => {
    const [margin] = completeTable(COLUMNS, [row('gm', 0.415931, 0.40243, { unit: 'percent' })]);
    expect(margin?.values.d).toBe(1.3501);
    const [dso] = completeTable(COLUMNS, [row('dso', 30.39, 19.31, { unit: 'days', good: 'lower' })]);
    expect(dso?.values.d).toBe(-11.08);
  });
});
