/** What every user-table import (budget, CSAT survey) reports: each row read is imported or rejected. */
export interface ImportOutcome {
  /** The file name; it identifies the import (re-importing a file of that name replaces its rows). */
  file: string;
  kind: 'budget' | 'csat';
  /** Data rows read (header and blank lines excluded). */
  read: number;
  imported: number;
  /** Rows not imported, with the file line (spreadsheet row for .xlsx) and a plain reason. */
  rejected: { line: number; reason: string }[];
  /** Rows stored by an earlier import that this one replaced (same file, or the same key from another file). */
  replaced: number;
}

/** Throws when the counts do not add up: a programming error, never a user error. */
export function assertAccounted(outcome: ImportOutcome): void {
  if (outcome.read !== outcome.imported + outcome.rejected.length) {
    throw new Error(`import of ${outcome.file}: ${outcome.read} rows read but ${outcome.imported} imported + ${outcome.rejected.length} rejected`);
  }
}
