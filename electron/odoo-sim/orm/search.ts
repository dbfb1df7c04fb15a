/**
 * search: domain + implicit active filter + multi-company record rules + order + offset/limit.
 */
import type { SimRecord } from '../dataset';
import { checkModelAccess } from '../security/access';
import { compileDomain, domainMentions } from './domain';
import { activeTest, type SimEnv } from './env';
import { odooErrors } from './errors';
import type { InverseCache } from './field-values';
import { compileOrder } from './order';

export interface SearchOptions {
  offset?: number;
  limit?: number | null;
  order?: string | null;
}

/**
 * Record rule of multi-company models (odoo-api.md §2.8): company_id false (shared) or in the active
 * set; account.account (18+) matches on company_ids; res.company shows the active companies.
 */
export function companyRule(env: SimEnv, model: string): ((record: SimRecord) => boolean) | undefined {
  const schema = env.schemas.get(model);
  const active = new Set(env.companyIds);
  if (model === 'res.company') return (record) => active.has(record.id);
  if (model === 'res.users') return undefined;
  const companyIds = schema?.fields.get('company_ids');
  if (model === 'account.account' && companyIds?.store) {
    return (record) => {
      const ids = record.company_ids;
      return !Array.isArray(ids) || ids.length === 0 || ids.some((id) => active.has(id));
    };
  }
  const companyId = schema?.fields.get('company_id');
  if (!companyId || !companyId.store || companyId.relation !== 'res.company') return undefined;
  return (record) => {
    const id = record.company_id;
    return typeof id !== 'number' || active.has(id);
  };
}

/**
 * Lower id bound of a pure-AND domain (no '|' / '!'), so keyset paging (id > last) starts its scan at
 * the right place in the id-ordered table instead of at the beginning.
 */
function lowerIdBound(domain: unknown): number {
  if (!Array.isArray(domain) || domain.some((item) => typeof item === 'string')) return Number.NEGATIVE_INFINITY;
  let bound = Number.NEGATIVE_INFINITY;
  for (const leaf of domain) {
    if (!Array.isArray(leaf) || leaf[0] !== 'id' || typeof leaf[2] !== 'number') continue;
    if (leaf[1] === '>') bound = Math.max(bound, leaf[2] + 1);
    else if (leaf[1] === '>=' || leaf[1] === '=') bound = Math.max(bound, leaf[2]);
  }
  return bound;
}

function firstIndexAtLeast(table: SimRecord[], id: number): number {
  let low = 0;
  let high = table.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (table[mid].id < id) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The records `search` would return, in order. */
export function searchRecords(env: SimEnv, model: string, domain: unknown, options: SearchOptions, inverses: InverseCache): SimRecord[] {
  const schema = env.schemas.get(model);
  if (!schema) throw odooErrors.user(`Object ${model} doesn't exist`);
  checkModelAccess(env.user, model, schema.description, 'read');
  const predicate = compileDomain(env, model, domain, inverses);
  const hideArchived = schema.fields.has('active') && activeTest(env) && !domainMentions(domain, 'active');
  const rule = companyRule(env, model);
  const order = options.order ?? null;
  const idOrder = (order === null && schema.order === 'id') || /^\s*id(\s+asc)?\s*$/i.test(order ?? '');
  const offset = options.offset ?? 0;
  const limit = options.limit ?? null;
  // In id order the scan can stop as soon as the page is full.
  const enough = idOrder && limit !== null ? offset + limit : Number.POSITIVE_INFINITY;
  const table = env.dataset.table(model);
  const found: SimRecord[] = [];
  for (let i = firstIndexAtLeast(table, lowerIdBound(domain)); i < table.length && found.length < enough; i++) {
    const record = table[i];
    if (hideArchived && record.active === false) continue;
    if (rule && !rule(record)) continue;
    if (predicate(record)) found.push(record);
  }
  if (!idOrder) found.sort(compileOrder(env, model, order, inverses));
  if (offset === 0 && limit === null) return found;
  return found.slice(offset, limit === null ? undefined : offset + limit);
}

/** Records by id for read-like methods: drops missing ids, raises AccessError for rule-hidden ones. */
export function browse(env: SimEnv, model: string, ids: number[], operation: 'read' | 'write' | 'unlink'): SimRecord[] {
  const schema = env.schemas.get(model);
  if (!schema) throw odooErrors.user(`Object ${model} doesn't exist`);
  checkModelAccess(env.user, model, schema.description, operation);
  const rule = companyRule(env, model);
  const records: SimRecord[] = [];
  const hidden: SimRecord[] = [];
  for (const id of ids) {
    const record = env.dataset.get(model, id);
    if (!record) continue;
    if (rule && !rule(record)) hidden.push(record);
    else records.push(record);
  }
  if (hidden.length > 0) {
    const lines = hidden
      .slice(0, 10)
      .map((r) => `- ${schema.description}, ${String(r.display_name ?? r.name ?? r.id)} (${model}: ${r.id}, company=${String(r.company_id)})`)
      .join('\n');
    throw odooErrors.access(
      `Uh-oh! Looks like you have stumbled upon some top-secret records.\n\nSorry, ${env.user.name} (id=${env.user.id}) doesn't have '${operation}' access to:\n${lines}\n\nIf you really, really need access, perhaps you can win over your friendly administrator with a batch of freshly baked cookies.`,
    );
  }
  return records;
}
