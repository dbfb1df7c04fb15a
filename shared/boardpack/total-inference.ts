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
 * Recovers the formula behind each total of a statement as a signed sum of rows above it (engines report costs
 * and liabilities as positive numbers, so gross margin = revenue - COGS, net assets = assets - liabilities).
 * Candidate term sets are tried from the most natural: the detail lines since the previous total, then the
 * previous total plus those lines, then earlier totals only, then earlier totals plus the lines. A sign pattern
 * is accepted only when it reproduces the engine's total in every column exactly (fewest minus signs first); a
 * total nothing explains gets no formula, so it is written as data rather than as a wrong formula.
 */
export function inferTotals(lines: StatementLine[]): Map<string, SumTerm[]> {
  const byKey = new Map(lines.map((line) => [line.key, line.values]));
  const result = new Map<string, SumTerm[]>();
  const totals: string[] = [];
  let details: string[] = [];
  for (const line of lines) {
    if (!line.isTotal) {
      details.push(line.key);
      continue;
    }
    const previous = totals.at(-1);
    const candidateSets: string[][] = [details, ...(previous ? [[previous, ...details]] : []), [...totals], [...totals, ...details]];
    for (const candidates of candidateSets) {
      if (candidates.length === 0 || candidates.length > MAX_TERMS) continue;
      const found = solveSigns(candidates, line.values, byKey);
      if (found) {
        result.set(line.key, found);
        break;
      }
    }
    totals.push(line.key);
    details = [];
  }
  return result;
}

function solveSigns(candidates: string[], target: Figure[], byKey: Map<string, Figure[]>): SumTerm[] | null {
  // Enumerate sign patterns by number of subtractions, so the first match uses the fewest minus signs.
  const patterns: number[] = [];
  for (let mask = 0; mask < 1 << candidates.length; mask += 1) patterns.push(mask);
  patterns.sort((a, b) => bitCount(a) - bitCount(b) || a - b);
  for (const mask of patterns) {
    const terms = candidates.map((row, index): SumTerm => ({ row, sign: mask & (1 << index) ? -1 : 1 }));
    if (matches(terms, target, byKey)) return terms;
  }
  return null;
}

function bitCount(value: number): number {
  let count = 0;
  for (let rest = value; rest > 0; rest >>= 1) count += rest & 1;
  return count;
}
