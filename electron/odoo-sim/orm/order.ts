/**
 * `order` parsing and record comparison: "field [asc|desc] [nulls first|last], ...". A many2one sorts by
 * the comodel's default order (as Odoo does), empty values follow PostgreSQL (NULLS LAST ascending,
 * FIRST descending), and ties are always broken by id so paging is deterministic.
 */
import type { RawValue, SimRecord } from '../dataset';
import type { FieldSpec } from '../schema/index';
import type { SimEnv } from './env';
import { odooErrors } from './errors';
import { fieldValue, type InverseCache } from './field-values';
import { pyRepr } from './pyrepr';

export interface OrderTerm {
  field: FieldSpec;
  descending: boolean;
  nullsFirst: boolean;
}

const TERM = /^\s*([\w.:]+)\s*(asc|desc)?\s*(nulls\s+(?:first|last))?\s*$/i;

/** Parses an order string for `model`; unknown fields are a ValueError like Odoo's. */
export function parseOrder(env: SimEnv, model: string, order: string, lenient = false): OrderTerm[] {
  const schema = env.schemas.get(model);
  const terms: OrderTerm[] = [];
  for (const part of order.split(',')) {
    if (!part.trim()) continue;
    const match = TERM.exec(part);
    if (!match) throw odooErrors.value(`Invalid order: ${pyRepr(order)}`);
    const name = match[1];
    const field = schema?.fields.get(name);
    if (!field && lenient) continue;
    if (!field) throw odooErrors.value(`Invalid field ${pyRepr(name)} on model ${pyRepr(model)}`);
    const descending = (match[2] ?? 'asc').toLowerCase() === 'desc';
    const nulls = match[3]?.toLowerCase().replace(/\s+/g, ' ');
    terms.push({ field, descending, nullsFirst: nulls ? nulls === 'nulls first' : descending });
  }
  return terms;
}

function scalarCompare(a: RawValue, b: RawValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

const isNull = (value: RawValue) => value === false || value === null || (Array.isArray(value) && value.length === 0);

/** A comparator for `order` on `model` (the model's default order when empty), always ending with id. */
export function compileOrder(env: SimEnv, model: string, order: string | null | undefined, inverses: InverseCache, depth = 0): (a: SimRecord, b: SimRecord) => number {
  const schema = env.schemas.get(model);
  // The default _order is per version (e.g. no placeholder_code in 17): unknown names are dropped there.
  const terms = order ? parseOrder(env, model, order) : parseOrder(env, model, schema?.order ?? 'id', true);
  const comodelCompare = new Map<string, (a: SimRecord, b: SimRecord) => number>();
  const compareTargets = (relation: string, a: number, b: number): number => {
    if (depth > 0) return a - b;
    let comparator = comodelCompare.get(relation);
    if (!comparator) {
      comparator = compileOrder(env, relation, null, inverses, depth + 1);
      comodelCompare.set(relation, comparator);
    }
    const left = env.dataset.get(relation, a);
    const right = env.dataset.get(relation, b);
    return left && right ? comparator(left, right) : a - b;
  };
  return (a, b) => {
    for (const term of terms) {
      const left = fieldValue(env, model, a, term.field, inverses);
      const right = fieldValue(env, model, b, term.field, inverses);
      const booleanField = term.field.type === 'boolean';
      const leftNull = !booleanField && isNull(left);
      const rightNull = !booleanField && isNull(right);
      if (leftNull || rightNull) {
        if (leftNull && rightNull) continue;
        return leftNull === term.nullsFirst ? -1 : 1;
      }
      let result: number;
      if (term.field.type === 'many2one' && term.field.relation && typeof left === 'number' && typeof right === 'number') {
        result = left === right ? 0 : compareTargets(term.field.relation, left, right);
      } else {
        result = scalarCompare(left, right);
      }
      if (result !== 0) return term.descending ? -result : result;
    }
    return a.id - b.id;
  };
}
