/** Model ACLs and multi-company resolution, with Odoo's exact error texts. */
import { odooErrors } from '../orm/errors';
import type { SimUser } from './users';

const ACCOUNTING_GROUPS = [
  'Accounting/Administrator',
  'Accounting/Invoicing',
  'Sales/User: Own Documents Only',
  'Role / Portal',
  'Show Accounting Features - Readonly',
];

function groupsFor(model: string): string[] {
  if (model === 'ir.model.data') return ['Access Rights'];
  if (model.startsWith('account.')) return ACCOUNTING_GROUPS;
  return ['Role / User'];
}

export type AccessOperation = 'read' | 'write' | 'create' | 'unlink';

/** Raises the real ACL AccessError when the user has no access to the model. */
export function checkModelAccess(user: SimUser, model: string, description: string, operation: AccessOperation): void {
  if (!user.deniedModels.has(model)) return;
  const verb = operation === 'read' ? 'access' : operation === 'unlink' ? 'delete' : operation;
  const groups = groupsFor(model).map((g) => `\t- ${g}`).join('\n');
  throw odooErrors.access(
    `You are not allowed to ${verb} '${description}' (${model}) records.\n\nThis operation is allowed for the following groups:\n${groups}\n\nContact your administrator to request access if necessary.`,
  );
}

/**
 * Resolves the active company set from context.allowed_company_ids (odoo-api.md §2.8): absent → all the
 * user's companies with the default company current; present → validated, first id current.
 */
export function resolveCompanies(user: SimUser, allowed: unknown): { companyIds: number[]; companyId: number } {
  if (allowed === undefined || allowed === null || allowed === false) {
    return { companyIds: user.companyIds, companyId: user.companyId };
  }
  const ids = Array.isArray(allowed) ? allowed : [allowed];
  if (ids.length === 0) return { companyIds: user.companyIds, companyId: user.companyId };
  if (!ids.every((id): id is number => typeof id === 'number' && user.companyIds.includes(id))) {
    throw odooErrors.access('Access to unauthorized or invalid companies.');
  }
  return { companyIds: ids, companyId: ids[0] };
}
