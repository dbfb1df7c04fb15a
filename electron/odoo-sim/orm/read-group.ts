/**
 * Grouped reads: formatted_read_group (18.2+/19) and the legacy read_group (17/18, still callable in 19),
 * with the output shapes of odoo-api.md §2.5 (__extra_domain vs __domain, date groups, counts).
 */
import type { SimRecord } from '../dataset';
import type { FieldSpec } from '../schema/index';
import type { SimEnv } from './env';
import { odooErrors } from './errors';
import { displayName, fieldValue, type InverseCache } from './field-values';
import { PyFloat } from './py-json';
import { localDate, localMidnightUtc, periodOf, type Granularity } from './periods';
import { pyRepr } from './pyrepr';
import { searchRecords } from './search';

const GRANULARITIES = new Set<string>(['day', 'week', 'month', 'quarter', 'year']);

interface GroupBy {
  spec: string;
  field: FieldSpec;
  granularity?: Granularity;
}

interface GroupKey {
  /** Raw grouping value: id, key, or the period start date. */
  raw: string | number | boolean;
  range?: { from: string; to: string };
}

function parseGroupBy(env: SimEnv, model: string, spec: string): GroupBy {
  const [name, granularity] = spec.split(':');
  const field = env.schemas.get(model)?.fields.get(name);
  if (!field) throw odooErrors.value(`Invalid field ${pyRepr(name)} on model ${pyRepr(model)}`);
  if (granularity !== undefined && !GRANULARITIES.has(granularity)) throw odooErrors.value(`Invalid groupby ${pyRepr(spec)}`);
  const isDate = field.type === 'date' || field.type === 'datetime';
  return { spec, field, granularity: isDate ? ((granularity as Granularity | undefined) ?? 'month') : undefined };
}

function keyOf(env: SimEnv, model: string, record: SimRecord, group: GroupBy, inverses: InverseCache): GroupKey {
  const value = fieldValue(env, model, record, group.field, inverses);
  if (group.granularity && typeof value === 'string') {
    // Datetimes are bucketed in the user's time zone (context tz), dates as they are.
    const day = group.field.type === 'datetime' ? localDate(value, env.context.tz) : value;
    const period = periodOf(day, group.granularity);
    const range = group.field.type === 'datetime'
      ? { from: localMidnightUtc(period.from, env.context.tz), to: localMidnightUtc(period.to, env.context.tz) }
      : { from: period.from, to: period.to };
    return { raw: period.from, range };
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { raw: value };
  return { raw: false };
}

/** The group's value as rendered: [id, name] for many2one, [start, label] for date periods. */
function renderKey(env: SimEnv, group: GroupBy, key: GroupKey, legacy: boolean): unknown {
  if (key.raw === false) return false;
  if (group.granularity && typeof key.raw === 'string') {
    const label = periodOf(key.raw, group.granularity).label;
    return legacy ? label : [key.raw, label];
  }
  if (group.field.type === 'many2one' && typeof key.raw === 'number' && group.field.relation) {
    const target = env.dataset.get(group.field.relation, key.raw);
    return [key.raw, target ? displayName(env, group.field.relation, target) : `${group.field.relation},${key.raw}`];
  }
  return key.raw;
}

function conditionsOf(group: GroupBy, key: GroupKey): unknown[][] {
  const name = group.field.name;
  if (key.range) return [[name, '>=', key.range.from], [name, '<', key.range.to]];
  return [[name, '=', key.raw]];
}

/** Joins leaves with prefix '&' operators (n leaves → n-1 '&'). */
function andLeaves(leaves: unknown[]): unknown[] {
  return leaves.length <= 1 ? leaves : [...Array<string>(leaves.length - 1).fill('&'), ...leaves];
}

/** A domain with its implicit '&' made explicit (so it can be AND-ed with others). */
function normalizeDomain(domain: unknown): unknown[] {
  if (!Array.isArray(domain) || domain.length === 0) return [];
  let expected = 1;
  const out: unknown[] = [];
  for (const item of domain) {
    if (expected === 0) {
      out.unshift('&');
      expected = 1;
    }
    out.push(item);
    if (item === '&' || item === '|') expected += 1;
    else if (item !== '!') expected -= 1;
  }
  return out;
}

interface Aggregate {
  key: string;
  field?: FieldSpec;
  fn: string;
}

function parseAggregate(env: SimEnv, model: string, spec: string, legacy: boolean): Aggregate {
  if (spec === '__count') return { key: '__count', fn: 'count' };
  const match = /^(\w+)(?::(\w+)(?:\((\w+)\))?)?$/.exec(spec);
  if (!match) throw odooErrors.value(`Invalid aggregate ${pyRepr(spec)}`);
  const [, alias, fn, source] = match;
  const fieldName = source ?? alias;
  const field = env.schemas.get(model)?.fields.get(fieldName);
  if (!field) throw odooErrors.value(`Invalid field ${pyRepr(fieldName)} on model ${pyRepr(model)}`);
  const numeric = field.type === 'integer' || field.type === 'float' || field.type === 'monetary';
  const defaultFn = numeric ? 'sum' : '';
  return { key: legacy ? alias : spec, field, fn: fn ?? defaultFn };
}

function aggregate(env: SimEnv, model: string, records: SimRecord[], agg: Aggregate, inverses: InverseCache): unknown {
  if (agg.fn === 'count' && !agg.field) return records.length;
  const field = agg.field;
  if (!field) return false;
  const values = records.map((r) => fieldValue(env, model, r, field, inverses));
  const numbers = values.filter((v): v is number => typeof v === 'number');
  const asFloat = field.type === 'float' || field.type === 'monetary';
  const num = (n: number) => (asFloat ? new PyFloat(Math.round(n * 1e6) / 1e6) : n);
  switch (agg.fn) {
    case 'sum':
    case 'sum_currency':
      return num(numbers.reduce((a, b) => a + b, 0));
    case 'avg':
      return numbers.length ? num(numbers.reduce((a, b) => a + b, 0) / numbers.length) : false;
    case 'min':
      return numbers.length ? num(Math.min(...numbers)) : values.filter((v) => v !== false).sort()[0] ?? false;
    case 'max':
      return numbers.length ? num(Math.max(...numbers)) : values.filter((v) => v !== false).sort().at(-1) ?? false;
    case 'count':
      return values.filter((v) => v !== false).length;
    case 'count_distinct':
      return new Set(values.filter((v) => v !== false).map(String)).size;
    case 'array_agg':
      return values;
    case 'recordset':
      return records.map((r) => r.id);
    case 'bool_and':
      return values.every(Boolean);
    case 'bool_or':
      return values.some(Boolean);
    default:
      return false;
  }
}

interface Bucket {
  keys: GroupKey[];
  records: SimRecord[];
}

function bucketize(env: SimEnv, model: string, records: SimRecord[], groups: GroupBy[], inverses: InverseCache): Bucket[] {
  const buckets = new Map<string, Bucket>();
  for (const record of records) {
    const keys = groups.map((g) => keyOf(env, model, record, g, inverses));
    const id = JSON.stringify(keys.map((k) => k.raw));
    const bucket = buckets.get(id);
    if (bucket) bucket.records.push(record);
    else buckets.set(id, { keys, records: [record] });
  }
  const result = [...buckets.values()];
  // Groups come in groupby order; a many2one group sorts by the comodel's order, like Odoo.
  result.sort((a, b) => {
    for (let i = 0; i < groups.length; i++) {
      const left = a.keys[i].raw;
      const right = b.keys[i].raw;
      if (left === right) continue;
      if (left === false) return 1;
      if (right === false) return -1;
      const rel = groups[i].field.relation;
      if (groups[i].field.type === 'many2one' && rel && typeof left === 'number' && typeof right === 'number') {
        const l = env.dataset.get(rel, left);
        const r = env.dataset.get(rel, right);
        const seq = (rec: SimRecord | undefined) => (typeof rec?.sequence === 'number' ? rec.sequence : 0);
        const code = (rec: SimRecord | undefined) => String(rec?.code ?? '');
        if (seq(l) !== seq(r)) return seq(l) - seq(r);
        if (code(l) !== code(r)) return code(l) < code(r) ? -1 : 1;
        const ln = l ? displayName(env, rel, l) : '';
        const rn = r ? displayName(env, rel, r) : '';
        if (ln !== rn) return ln < rn ? -1 : 1;
        return left - right;
      }
      return String(left) < String(right) ? -1 : 1;
    }
    return 0;
  });
  return result;
}

function listOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export interface FormattedReadGroupArgs {
  domain: unknown;
  groupby?: unknown;
  aggregates?: unknown;
  offset?: number;
  limit?: number | null;
  order?: string | null;
}

/** Sorts formatted groups by "<groupby or aggregate spec> [asc|desc], ..." (groupby order otherwise). */
function sortRows(rows: Array<Record<string, unknown>>, order: string | null | undefined, known: string[]): void {
  if (!order) return;
  const terms = order.split(',').map((part) => part.trim().split(/\s+/)).filter((t) => t[0]);
  for (const [key] of terms) if (!known.includes(key)) throw odooErrors.value(`Invalid order ${pyRepr(order)}`);
  const value = (v: unknown): string | number => {
    if (v instanceof PyFloat) return v.value;
    if (Array.isArray(v)) return typeof v[0] === 'string' ? v[0] : String(v[1]);
    return typeof v === 'number' ? v : String(v);
  };
  rows.sort((a, b) => {
    for (const [key, direction] of terms) {
      const left = value(a[key]);
      const right = value(b[key]);
      if (left === right) continue;
      const result = left < right ? -1 : 1;
      return direction?.toLowerCase() === 'desc' ? -result : result;
    }
    return 0;
  });
}

export function formattedReadGroup(env: SimEnv, model: string, args: FormattedReadGroupArgs, inverses: InverseCache): unknown[] {
  const groups = listOf(args.groupby).map((spec) => parseGroupBy(env, model, spec));
  const aggregates = listOf(args.aggregates).map((spec) => parseAggregate(env, model, spec, false));
  const records = searchRecords(env, model, args.domain, {}, inverses);
  const buckets = bucketize(env, model, records, groups, inverses);
  const rows = buckets.map((bucket) => {
    const row: Record<string, unknown> = {};
    groups.forEach((g, i) => (row[g.spec] = renderKey(env, g, bucket.keys[i], false)));
    row.__extra_domain = andLeaves(groups.flatMap((g, i) => conditionsOf(g, bucket.keys[i])));
    for (const agg of aggregates) row[agg.key] = aggregate(env, model, bucket.records, agg, inverses);
    return row;
  });
  // An order naming exactly the groupbys keeps the natural group order (many2one by comodel order).
  const natural = (args.order ?? '').split(',').map((t) => t.trim()).filter(Boolean).join(',') === groups.map((g) => g.spec).join(',');
  if (!natural) sortRows(rows, args.order, [...groups.map((g) => g.spec), ...aggregates.map((a) => a.key)]);
  const offset = args.offset ?? 0;
  return rows.slice(offset, args.limit == null ? undefined : offset + args.limit);
}

export interface ReadGroupArgs {
  domain: unknown;
  fields: unknown;
  groupby: unknown;
  offset?: number;
  limit?: number | null;
  lazy?: boolean;
}

export function readGroup(env: SimEnv, model: string, args: ReadGroupArgs, inverses: InverseCache): unknown[] {
  const allGroups = listOf(args.groupby);
  const lazy = args.lazy !== false;
  const groups = (lazy ? allGroups.slice(0, 1) : allGroups).map((spec) => parseGroupBy(env, model, spec));
  const groupNames = new Set(groups.map((g) => g.field.name));
  const aggregates = listOf(args.fields)
    .filter((spec) => spec !== '__count' && !groupNames.has(spec.split(':')[0]))
    .map((spec) => parseAggregate(env, model, spec, true))
    .filter((agg) => agg.fn !== '');
  const records = searchRecords(env, model, args.domain, {}, inverses);
  const buckets = bucketize(env, model, records, groups, inverses);
  const offset = args.offset ?? 0;
  const page = buckets.slice(offset, args.limit == null ? undefined : offset + args.limit);
  const requestDomain = normalizeDomain(args.domain);
  return page.map((bucket) => {
    const row: Record<string, unknown> = {};
    groups.forEach((g, i) => (row[g.spec] = renderKey(env, g, bucket.keys[i], true)));
    if (lazy && groups[0]) row[`${groups[0].field.name}_count`] = bucket.records.length;
    else row.__count = bucket.records.length;
    for (const agg of aggregates) row[agg.key] = aggregate(env, model, bucket.records, agg, inverses);
    const groupLeaves = groups.flatMap((g, i) => conditionsOf(g, bucket.keys[i]));
    row.__domain = requestDomain.length ? ['&', ...requestDomain, ...andLeaves(groupLeaves)] : andLeaves(groupLeaves);
    const ranges = groups.filter((g, i) => bucket.keys[i].range).map((g) => [g.spec, bucket.keys[groups.indexOf(g)].range]);
    if (ranges.length) row.__range = Object.fromEntries(ranges);
    if (lazy && allGroups.length > 1) row.__context = { group_by: allGroups.slice(1) };
    return row;
  });
}
