import type { Figure, SumTerm } from './model';

/** A statement row as the reporting engine gives it: values per column, and whether it is a total. */
export interface StatementLine {
  key: string;
  isTotal: boolean;
  values: Figure[];
}

const MAX_TERMS = 12;

function matches(terms: SumTerm[], target: Figure[], byKey: Map<string, Figure[]>): boolean {
  return target.every((expected, column) => {
    let sum = 0;
    for (const term of terms) sum += (byKey.get(term.row)?.[column] ?? 0) * term.sign;
    return (expected ?? 0) === sum;
  });
}

/**
 * Recovers the formula behind each total of a statement: the previous total plus the detail lines since it,
 * each added or subtracted (engines report costs as positive numbers, so gross margin = revenue - COGS).
 * The sign pattern is chosen by checking it reproduces the engine's total in every column exactly, preferring
 * additions; a total no pattern explains gets no formula (it is then written as data, not silently wrong).
 */
export function inferTotals(lines: StatementLine[]): Map<string, SumTerm[]> {
  const byKey = new Map(lines.map((line) => [line.key, line.values]));
  const result = new Map<string, SumTerm[]>();
  let previousTotal: string | null = null;
  let details: string[] = [];
  for (const line of lines) {
    if (!line.isTotal) {
      details.push(line.key);
      continue;
    }
    const candidates = details.slice(0, MAX_TERMS);
    const found = solveSigns(previousTotal, candidates, line.values, byKey);
    if (found) result.set(line.key, found);
    previousTotal = line.key;
    details = [];
  }
  return result;
}

function solveSigns(previousTotal: string | null, details: string[], target: Figure[], byKey: Map<string, Figure[]>): SumTerm[] | null {
  const base: SumTerm[] = previousTotal ? [{ row: previousTotal, sign: 1 }] : [];
  // Enumerate sign patterns by number of subtractions, so the first match uses the fewest minus signs.
  const patterns: number[] = [];
  for (let mask = 0; mask < 1 << details.length; mask += 1) patterns.push(mask);
  patterns.sort((a, b) => bitCount(a) - bitCount(b) || a - b);
  for (const mask of patterns) {
    const terms: SumTerm[] = [
      ...base,
      ...details.map((row, index): SumTerm => ({ row, sign: mask & (1 << index) ? -1 : 1 })),
    ];
    if (terms.length > 0 && matches(terms, target, byKey)) return terms;
  }
  return null;
}

function bitCount(value: number): number {
  let count = 0;
  for (let rest = value; rest > 0; rest >>= 1) count += rest & 1;
  return count;
}
