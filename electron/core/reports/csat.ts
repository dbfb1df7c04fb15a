import type { MonthKey } from '../../../shared/period/period';
import { hasTable, type ReadonlyDb } from './context';

/** A response counts as satisfied at 80 % of the scale or more (4 or 5 on a 1–5 survey). */
export const SATISFIED_SHARE = 0.8;

/** Satisfied and total survey responses over a set of months. */
export type CsatLookup = (months: readonly MonthKey[]) => { satisfied: number; total: number };

/**
 * Survey responses by month for a set of companies (one company, or every company of a group)
 * plus the responses about the whole group (no company), each response counted once. Null when
 * nothing was imported for them.
 */
export function loadCsat(db: ReadonlyDb, companyIds: readonly number[]): CsatLookup | null {
  if (!hasTable(db, 'app_csat')) return null;
  const rows = db
    .prepare<[string], { month: MonthKey; total: number; satisfied: number }>(
      `SELECT substr(response_date, 1, 7) AS month, COUNT(*) AS total, SUM(score >= scale_max * ${SATISFIED_SHARE}) AS satisfied
         FROM app_csat WHERE company_id IN (SELECT value FROM json_each(?)) OR company_id IS NULL GROUP BY month`,
    )
    .all(JSON.stringify(companyIds));
  if (rows.length === 0) return null;
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return (months) => {
    let satisfied = 0;
    let total = 0;
    for (const m of months) {
      satisfied += byMonth.get(m)?.satisfied ?? 0;
      total += byMonth.get(m)?.total ?? 0;
    }
    return { satisfied, total };
  };
}
