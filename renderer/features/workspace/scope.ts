import type { WorkspaceState } from '../../../shared/rpc/contracts/workspace';
import type { ViewState } from '../../shell/view-state';

type Active = NonNullable<WorkspaceState['active']>;

/** Months from `first` to `last` inclusive, newest first. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [year, month] = last.split('-').map(Number);
  const stop = first;
  for (let guard = 0; guard < 600; guard++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    out.push(key);
    if (key <= stop) break;
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return out;
}

/** The scope the screens use, with defaults filled from the cache (last month with data, all companies). */
export function resolveScope(view: ViewState, active: Active | null) {
  const companies = active?.companies ?? [];
  const known = view.companies.filter((id) => companies.some((c) => c.id === id));
  const months = active?.months ? monthsBetween(active.months.first, active.months.last) : [];
  const month = view.month && months.includes(view.month) ? view.month : (months[0] ?? null);
  const consolidated = known.length !== 1;
  const currency = view.currency && active?.currencies.includes(view.currency) ? view.currency : null;
  return {
    /** For reports.get: 'all' or the chosen ids. */
    request: known.length === 0 ? ('all' as const) : known,
    companyIds: known.length === 0 ? companies.map((c) => c.id) : known,
    consolidated: consolidated && (known.length === 0 ? companies.length > 1 : true),
    month,
    months,
    currency,
    closed: month !== null && (active?.closedMonths ?? []).includes(month),
  };
}

export type Scope = ReturnType<typeof resolveScope>;
