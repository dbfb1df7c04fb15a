/**
 * web_read / web_search_read: the web client's "specification" reads (odoo-api.md §1): {} on a many2one
 * gives the plain id, {"fields": {...}} an object; x2many gives ids or a list of objects (limit/order).
 */
import type { SimRecord } from '../dataset';
import type { SimEnv } from './env';
import { odooErrors } from './errors';
import type { InverseCache } from './field-values';
import { compileOrder } from './order';
import { encodeValue } from './read';
import { searchRecords } from './search';

type Spec = Record<string, { fields?: Spec; limit?: number; order?: string; context?: unknown } | undefined>;

function isSpec(value: unknown): value is Spec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function webReadRecords(env: SimEnv, model: string, records: SimRecord[], specification: unknown, inverses: InverseCache): Record<string, unknown>[] {
  if (!isSpec(specification)) throw odooErrors.value('specification must be a dict');
  const schema = env.schemas.get(model);
  return records.map((record) => {
    const row: Record<string, unknown> = { id: record.id };
    for (const [name, sub] of Object.entries(specification)) {
      const field = schema?.fields.get(name);
      if (!field) throw odooErrors.value(`Invalid field '${name}' on '${model}'`);
      const nested = sub?.fields;
      if (field.type === 'many2one' && field.relation) {
        const id = encodeValue(env, model, record, field, null, inverses);
        if (!nested || typeof id !== 'number') {
          row[name] = id;
          continue;
        }
        const target = env.dataset.get(field.relation, id);
        row[name] = target ? webReadRecords(env, field.relation, [target], nested, inverses)[0] : { id };
      } else if ((field.type === 'one2many' || field.type === 'many2many') && field.relation) {
        const ids = encodeValue(env, model, record, field, null, inverses) as number[];
        if (!nested) {
          row[name] = ids;
          continue;
        }
        const comodel = field.relation;
        let targets = ids.map((id) => env.dataset.get(comodel, id)).filter((t): t is SimRecord => t !== undefined);
        targets.sort(compileOrder(env, comodel, sub?.order ?? null, inverses));
        if (typeof sub?.limit === 'number') targets = targets.slice(0, sub.limit);
        row[name] = webReadRecords(env, comodel, targets, nested, inverses);
      } else {
        row[name] = encodeValue(env, model, record, field, null, inverses);
      }
    }
    return row;
  });
}

export interface WebSearchReadArgs {
  domain: unknown;
  specification: unknown;
  offset?: number;
  limit?: number | null;
  order?: string | null;
  count_limit?: number | null;
}

export function webSearchRead(env: SimEnv, model: string, args: WebSearchReadArgs, inverses: InverseCache): { length: number; records: Record<string, unknown>[] } {
  const offset = args.offset ?? 0;
  const all = searchRecords(env, model, args.domain, { order: args.order }, inverses);
  const page = all.slice(offset, args.limit == null ? undefined : offset + args.limit);
  const full = args.limit != null && page.length === args.limit;
  const length = full || env.context.force_search_count
    ? args.count_limit != null ? Math.min(all.length, args.count_limit) : all.length
    : offset + page.length;
  return { length, records: webReadRecords(env, model, page, args.specification, inverses) };
}
