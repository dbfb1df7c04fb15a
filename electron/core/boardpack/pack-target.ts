/**
 * Which companies a pack covers: the whole group, one company in its own currency, or a subset of
 * companies consolidated together (the header's company picker allows any subset). The subset is
 * consolidated by the same engine as the group, over exactly those companies; the group ('all')
 * and a single company keep their own paths so their figures never change.
 */
import type { PackScope } from '../../../shared/boardpack/report-view';
import { AppError } from '../../../shared/rpc/errors';

/** The companies of a pack request: 'all', one Odoo company id, or a list of ids. */
export type PackCompanies = 'all' | number | readonly number[];

/** A resolved pack target: a {@link PackScope}, or a subset of two or more (not all) companies. */
export type PackTarget = PackScope | { kind: 'subset'; companyIds: number[] };

/**
 * Resolves a request against the companies in the cache: a list of one company is that company, a
 * list of every company is the group; an unknown id is refused naming it (never silently dropped).
 */
export function resolvePackTarget(known: readonly number[], companies: PackCompanies): PackTarget {
  if (companies === 'all') return { kind: 'consolidated' };
  const ids = [...new Set(typeof companies === 'number' ? [companies] : companies)].sort((a, b) => a - b);
  const unknown = ids.filter((id) => !known.includes(id));
  if (ids.length === 0) throw new AppError('validation', 'Choose at least one company for the pack.');
  if (unknown.length > 0) {
    throw new AppError('validation', `Company ${unknown.join(', ')} is not in this cache (companies: ${known.join(', ')}).`, { hint: 'Pick the companies again in the header, or sync first.' });
  }
  if (ids.length === 1) return { kind: 'company', companyId: ids[0]! };
  if (ids.length === known.length) return { kind: 'consolidated' };
  return { kind: 'subset', companyIds: ids };
}

/** The document's view of the report: a subset reads the consolidated block of a report built over that subset. */
export function viewScope(target: PackTarget): PackScope {
  return target.kind === 'subset' ? { kind: 'consolidated' } : target;
}

/** The `companies` of the report request behind the pack. */
export function reportCompanies(target: PackTarget): 'all' | number[] {
  if (target.kind === 'consolidated') return 'all';
  return target.kind === 'company' ? [target.companyId] : target.companyIds;
}

/** Whether a data-quality finding of a company (null = not about one) concerns the pack. */
export function targetCovers(target: PackTarget, companyId: number | null): boolean {
  if (target.kind === 'consolidated' || companyId === null) return true;
  return target.kind === 'company' ? companyId === target.companyId : target.companyIds.includes(companyId);
}

/** The company whose Odoo side the reconciliation summary reads; undefined = every company (group and subsets). */
export function reconciliationCompany(target: PackTarget): number | undefined {
  return target.kind === 'company' ? target.companyId : undefined;
}
