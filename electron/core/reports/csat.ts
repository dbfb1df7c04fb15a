import type { MonthKey } from '../../../shared/period/period';
import { hasTable, type ReadonlyDb } from './context';

/** A response counts as satisfied at 80 % of the scale or more (4 or 5 on a 1–5 survey). */
export const SATISFIED_SHARE = 0.8;

/** Satisfied/total survey responses by month for a company (plus responses not tied to a company). */
export function loadCsat(db: ReadonlyDb, companyId: number): ((months: readonly MonthKey[]) => { satisfied: number; total: number } | null) | null {
  if (!hasTable(db, 'app_csat')) return null;
  const rows = db
    .prepare(
      `SELECT substr(response_date, 1, 7) AS month, COUNT(*) AS total, SUM(score >= scale_max * ${SATISFIED_SHARE}) AS satisfied
         FROM app_csat WHERE company_id = ? OR company_id IS NULL GROUP BY month`,
    )
    .all(companyId) as { month: MonthKey; total: number; satisfied: number }[];
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
