/**
 * Evaluator for Odoo's prefix-notation domains: '&', '|', '!' (implicit '&' between terms), the
 * comparison, set, pattern and hierarchy operators, and dotted paths through relational fields.
 * Errors use Odoo's texts (an unknown field is a ValueError naming the condition).
 */
import type { RawValue, SimRecord } from '../dataset';
import type { FieldSpec } from '../schema/index';
import type { SimEnv } from './env';
import { odooErrors } from './errors';
import { displayName, fieldValue, type InverseCache } from './field-values';
import { pyRepr } from './pyrepr';

export type Predicate = (record: SimRecord) => boolean;

const OPERATORS = new Set([
  '=', '!=', '<>', '<', '<=', '>', '>=', 'in', 'not in', 'like', 'not like', 'ilike', 'not ilike',
  '=like', '=ilike', 'child_of', 'parent_of', 'any', 'not any',
]);

type Term = [string, string, unknown];

function isTerm(item: unknown): item is Term {
  return Array.isArray(item) && item.length === 3 && typeof item[0] === 'string' && typeof item[1] === 'string';
}

/** True if a domain has a leaf on `field` (a leaf on `active` switches off the implicit active filter). */
export function domainMentions(domain: unknown, field: string): boolean {
  return Array.isArray(domain) && domain.some((item) => isTerm(item) && item[0].split('.')[0] === field);
}

/** Compiles a domain for `model` into a record predicate. */
export function compileDomain(env: SimEnv, model: string, domain: unknown, inverses: InverseCache): Predicate {
  if (domain === null || domain === undefined || domain === false) return () => true;
  if (!Array.isArray(domain)) throw odooErrors.value(`Invalid domain: ${pyRepr(domain)}`);
  let position = 0;
  const parse = (): Predicate => {
    if (position >= domain.length) throw odooErrors.value(`Invalid domain: ${pyRepr(domain)}`);
    const item: unknown = domain[position++];
    if (item === '!') {
      const inner = parse();
      return (record) => !inner(record);
    }
    if (item === '&' || item === '|') {
      const left = parse();
      const right = parse();
      return item === '&' ? (record) => left(record) && right(record) : (record) => left(record) || right(record);
    }
    if (isTerm(item)) return compileTerm(env, model, item, inverses);
    if (Array.isArray(item) && item.length === 3 && (item[0] === 1 || item[0] === 0)) {
      // Odoo's TRUE_LEAF (1, '=', 1) / FALSE_LEAF (0, '=', 1).
      const truth = item[0] === 1;
      return () => truth;
    }
    throw odooErrors.value(`Invalid leaf ${pyRepr(item)}`);
  };
  const parts: Predicate[] = [];
  while (position < domain.length) parts.push(parse());
  if (parts.length === 0) return () => true;
  if (parts.length === 1) return parts[0];
  return (record) => parts.every((part) => part(record));
}

function isEmpty(value: RawValue | undefined): boolean {
  return value === false || value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

function likeToRegExp(pattern: string, caseInsensitive: boolean, wrap: boolean): RegExp {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(wrap ? escaped : `^${escaped}$`, caseInsensitive ? 'is' : 's');
}

function compare(a: RawValue, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Ids of `model` records that are `ids` or below them in the hierarchy (child_of). */
export function descendants(env: SimEnv, model: string, ids: number[]): Set<number> {
  const parentField = env.schemas.get(model)?.parentField;
  const found = new Set(ids);
  if (!parentField) return found;
  let grew = true;
  while (grew) {
    grew = false;
    for (const record of env.dataset.table(model)) {
      const parent = record[parentField];
      if (typeof parent === 'number' && found.has(parent) && !found.has(record.id)) {
        found.add(record.id);
        grew = true;
      }
    }
  }
  return found;
}

function ancestors(env: SimEnv, model: string, ids: number[]): Set<number> {
  const parentField = env.schemas.get(model)?.parentField;
  const found = new Set<number>();
  for (const start of ids) {
    let current: number | undefined = start;
    while (current !== undefined && !found.has(current)) {
      found.add(current);
      const parent: RawValue | undefined = parentField ? env.dataset.get(model, current)?.[parentField] : undefined;
      current = typeof parent === 'number' ? parent : undefined;
    }
  }
  return found;
}

function idList(value: unknown): number[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is number => typeof v === 'number');
}

function compileTerm(env: SimEnv, model: string, term: Term, inverses: InverseCache): Predicate {
  const [path, rawOperator, value] = term;
  const operator = rawOperator.toLowerCase() === '<>' ? '!=' : rawOperator.toLowerCase();
  const schema = env.schemas.get(model);
  const [head, ...rest] = path.split('.');
  const field = schema?.fields.get(head);
  if (!field) {
    throw odooErrors.value(`Invalid field ${model}.${head} in condition ${pyRepr(term, true)}`);
  }
  if (!OPERATORS.has(operator)) throw odooErrors.value(`Invalid operator ${pyRepr(rawOperator)} in condition ${pyRepr(term, true)}`);
  const relational = field.type === 'many2one' || field.type === 'one2many' || field.type === 'many2many';
  if (rest.length > 0) {
    if (!relational || !field.relation) throw odooErrors.value(`Invalid field ${model}.${path} in condition ${pyRepr(term, true)}`);
    const comodel = field.relation;
    const sub = compileTerm(env, comodel, [rest.join('.'), rawOperator, value], inverses);
    return (record) => targets(env, model, record, field, inverses).some((id) => {
      const target = env.dataset.get(comodel, id);
      return target !== undefined && sub(target);
    });
  }
  if ((operator === 'any' || operator === 'not any') && relational && field.relation) {
    const sub = compileDomain(env, field.relation, value, inverses);
    const comodel = field.relation;
    const test: Predicate = (record) => targets(env, model, record, field, inverses).some((id) => {
      const target = env.dataset.get(comodel, id);
      return target !== undefined && sub(target);
    });
    return operator === 'any' ? test : (record) => !test(record);
  }
  if (operator === 'child_of' || operator === 'parent_of') {
    const comodel = head === 'id' ? model : field.relation ?? model;
    const ids = operator === 'child_of' ? descendants(env, comodel, idList(value)) : ancestors(env, comodel, idList(value));
    return (record) => (head === 'id' ? [record.id] : targets(env, model, record, field, inverses)).some((id) => ids.has(id));
  }
  if (relational && field.relation && typeof value === 'string' && ['=', '!=', 'like', 'ilike', 'not like', 'not ilike', '=like', '=ilike'].includes(operator)) {
    // A name given for a relational field is matched against the target's display name (name_search).
    const comodel = field.relation;
    const byName = compileLeafTest(operator, value, false);
    const positive = !operator.startsWith('not') && operator !== '!=';
    const test: Predicate = (record) => targets(env, model, record, field, inverses).some((id) => {
      const target = env.dataset.get(comodel, id);
      return target !== undefined && byName(displayName(env, comodel, target)) === positive;
    });
    return positive ? test : (record) => !test(record);
  }
  const leafTest = compileLeafTest(operator, value, field.type === 'boolean');
  if (field.type === 'one2many' || field.type === 'many2many') {
    if (value === false && (operator === '=' || operator === '!=')) {
      return (record) => isEmpty(fieldValue(env, model, record, field, inverses)) === (operator === '=');
    }
    const negative = operator === '!=' || operator === 'not in';
    const positiveTest = negative ? compileLeafTest(operator === '!=' ? '=' : 'in', value, false) : leafTest;
    const test: Predicate = (record) => targets(env, model, record, field, inverses).some((id) => positiveTest(id));
    return negative ? (record) => !test(record) : test;
  }
  if (head === 'id') return (record) => leafTest(record.id);
  return (record) => leafTest(fieldValue(env, model, record, field, inverses));
}

function targets(env: SimEnv, model: string, record: SimRecord, field: FieldSpec, inverses: InverseCache): number[] {
  const value = fieldValue(env, model, record, field, inverses);
  if (typeof value === 'number') return [value];
  return Array.isArray(value) ? value : [];
}

/** A test of one stored scalar against the leaf's operator and value. */
function compileLeafTest(operator: string, value: unknown, booleanField: boolean): (stored: RawValue) => boolean {
  const nullish = (v: RawValue) => (booleanField ? false : isEmpty(v));
  const normalize = (v: RawValue): RawValue => (booleanField ? v === true : v);
  switch (operator) {
    case '=':
      if (value === false || value === null) return booleanField ? (v) => v !== true : (v) => nullish(v);
      return (v) => !nullish(v) && compare(normalize(v), value) === 0;
    case '!=':
      if (value === false || value === null) return booleanField ? (v) => v === true : (v) => !nullish(v);
      return (v) => nullish(v) || compare(normalize(v), value) !== 0;
    case '<': return (v) => !nullish(v) && compare(v, value) < 0;
    case '<=': return (v) => !nullish(v) && compare(v, value) <= 0;
    case '>': return (v) => !nullish(v) && compare(v, value) > 0;
    case '>=': return (v) => !nullish(v) && compare(v, value) >= 0;
    case 'in':
    case 'not in': {
      const list = Array.isArray(value) ? value : [value];
      const matchesNull = list.includes(false) || list.includes(null);
      const set = new Set(list.filter((item) => item !== false && item !== null).map((item) => (booleanField ? item === true : item)));
      const test = (v: RawValue) => (nullish(v) ? matchesNull : set.has(normalize(v) as string | number | boolean));
      return operator === 'in' ? test : (v) => !test(v);
    }
    case 'like':
    case 'ilike':
    case 'not like':
    case 'not ilike':
    case '=like':
    case '=ilike': {
      const exact = operator.startsWith('=');
      const regexp = likeToRegExp(String(value ?? ''), operator.includes('ilike'), !exact);
      const test = (v: RawValue) => !nullish(v) && regexp.test(String(v));
      return operator.startsWith('not') ? (v) => !test(v) : test;
    }
    default:
      return () => false;
  }
}
