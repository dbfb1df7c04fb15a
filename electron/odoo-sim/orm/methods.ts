/**
 * The public model methods the simulator serves, with their Python signatures (odoo-api.md §2.4) so the
 * transports can bind named (JSON-2) or positional (JSON-RPC/XML-RPC) arguments exactly like Odoo.
 */
import type { SimVersion } from '../schema/index';
import type { SimEnv } from './env';
import { odooErrors } from './errors';
import { fieldsGet } from './fields-get';
import { InverseCache, displayName } from './field-values';
import { readRecords, resolveFields } from './read';
import { formattedReadGroup, readGroup } from './read-group';
import { browse, searchRecords } from './search';
import { webReadRecords, webSearchRead } from './web-read';
import { createRecords, unlinkRecords, writeRecords } from './write';
import { metadataOf } from './metadata';

export interface ParamSpec {
  name: string;
  required?: boolean;
}

export interface MethodCall {
  env: SimEnv;
  model: string;
  ids: number[];
  args: Record<string, unknown>;
  inverses: InverseCache;
}

export interface MethodSpec {
  /** 'model' = @api.model (no ids), 'records' = runs on the ids given. */
  kind: 'model' | 'records';
  params: ParamSpec[];
  /** Accepts extra keyword arguments (search_read's **read_kwargs). */
  varKw?: boolean;
  versions?: SimVersion[];
  models?: string[];
  readonly?: boolean;
  run(call: MethodCall): unknown;
}

const num = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);
// limit 0 / False means "no limit" in Odoo (Python falsiness); third-party clients send 0 by default.
const optNum = (value: unknown): number | null => (typeof value === 'number' && value !== 0 ? value : null);
const optStr = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

function checkReadKwargs(args: Record<string, unknown>, known: string[]): void {
  for (const key of Object.keys(args)) {
    if (!known.includes(key) && key !== 'load') throw odooErrors.type(`BaseModel._read_format() got an unexpected keyword argument '${key}'`);
  }
}

export const METHODS: Record<string, MethodSpec> = {
  search: {
    kind: 'model',
    readonly: true,
    params: [{ name: 'domain', required: true }, { name: 'offset' }, { name: 'limit' }, { name: 'order' }],
    run: ({ env, model, args, inverses }) =>
      searchRecords(env, model, args.domain, { offset: num(args.offset, 0), limit: optNum(args.limit), order: optStr(args.order) }, inverses).map((r) => r.id),
  },
  search_count: {
    kind: 'model',
    readonly: true,
    params: [{ name: 'domain', required: true }, { name: 'limit' }],
    run: ({ env, model, args, inverses }) => {
      const count = searchRecords(env, model, args.domain, { order: 'id' }, inverses).length;
      const limit = optNum(args.limit);
      return limit === null ? count : Math.min(count, limit);
    },
  },
  search_read: {
    kind: 'model',
    readonly: true,
    varKw: true,
    params: [{ name: 'domain' }, { name: 'fields' }, { name: 'offset' }, { name: 'limit' }, { name: 'order' }],
    run: ({ env, model, args, inverses }) => {
      checkReadKwargs(args, ['domain', 'fields', 'offset', 'limit', 'order']);
      const fields = resolveFields(env, model, args.fields);
      const records = searchRecords(env, model, args.domain ?? [], { offset: num(args.offset, 0), limit: optNum(args.limit), order: optStr(args.order) }, inverses);
      return readRecords(env, model, records, fields, args.load === undefined ? '_classic_read' : args.load, inverses);
    },
  },
  read: {
    kind: 'records',
    readonly: true,
    params: [{ name: 'fields' }, { name: 'load' }],
    run: ({ env, model, ids, args, inverses }) => {
      const fields = resolveFields(env, model, args.fields);
      if (fields.length === 0 && Array.isArray(args.fields) && args.fields.length > 0) {
        // Odoo fetches nothing when only 'id' is asked for, so missing ids are echoed back.
        browse(env, model, [], 'read');
        return ids.map((id) => ({ id }));
      }
      return readRecords(env, model, browse(env, model, ids, 'read'), fields, args.load === undefined ? '_classic_read' : args.load, inverses);
    },
  },
  fields_get: {
    kind: 'model',
    readonly: true,
    params: [{ name: 'allfields' }, { name: 'attributes' }],
    run: ({ env, model, args }) => fieldsGet(env, model, args.allfields, args.attributes),
  },
  name_search: {
    kind: 'model',
    readonly: true,
    params: [{ name: 'name' }, { name: 'domain' }, { name: 'operator' }, { name: 'limit' }],
    run: ({ env, model, args, inverses }) => {
      const name = typeof args.name === 'string' ? args.name : '';
      const operator = typeof args.operator === 'string' ? args.operator : 'ilike';
      const limit = args.limit === undefined ? 100 : optNum(args.limit);
      const records = searchRecords(env, model, args.domain ?? [], {}, inverses);
      const needle = name.toLowerCase();
      const matches = records.filter((r) => {
        const label = displayName(env, model, r);
        if (!name) return true;
        if (operator === '=') return label === name;
        if (operator === 'ilike') return label.toLowerCase().includes(needle);
        if (operator === 'like') return label.includes(name);
        return label.toLowerCase().includes(needle);
      });
      return (limit === null ? matches : matches.slice(0, limit)).map((r) => [r.id, displayName(env, model, r)]);
    },
  },
  web_search_read: {
    kind: 'model',
    readonly: true,
    params: [{ name: 'domain', required: true }, { name: 'specification', required: true }, { name: 'offset' }, { name: 'limit' }, { name: 'order' }, { name: 'count_limit' }],
    run: ({ env, model, args, inverses }) =>
      webSearchRead(env, model, {
        domain: args.domain,
        specification: args.specification,
        offset: num(args.offset, 0),
        limit: optNum(args.limit),
        order: optStr(args.order),
        count_limit: optNum(args.count_limit),
      }, inverses),
  },
  web_read: {
    kind: 'records',
    readonly: true,
    params: [{ name: 'specification', required: true }],
    run: ({ env, model, ids, args, inverses }) => webReadRecords(env, model, browse(env, model, ids, 'read'), args.specification, inverses),
  },
  formatted_read_group: {
    kind: 'model',
    readonly: true,
    versions: [19],
    params: [{ name: 'domain', required: true }, { name: 'groupby' }, { name: 'aggregates' }, { name: 'having' }, { name: 'offset' }, { name: 'limit' }, { name: 'order' }],
    run: ({ env, model, args, inverses }) =>
      formattedReadGroup(env, model, { domain: args.domain, groupby: args.groupby, aggregates: args.aggregates, offset: num(args.offset, 0), limit: optNum(args.limit), order: optStr(args.order) }, inverses),
  },
  read_group: {
    kind: 'model',
    readonly: true,
    params: [{ name: 'domain', required: true }, { name: 'fields', required: true }, { name: 'groupby', required: true }, { name: 'offset' }, { name: 'limit' }, { name: 'orderby' }, { name: 'lazy' }],
    run: ({ env, model, args, inverses }) =>
      readGroup(env, model, { domain: args.domain, fields: args.fields, groupby: args.groupby, offset: num(args.offset, 0), limit: optNum(args.limit), lazy: args.lazy !== false }, inverses),
  },
  get_metadata: {
    kind: 'records',
    readonly: true,
    params: [],
    run: ({ env, model, ids }) => metadataOf(env, model, browse(env, model, ids, 'read')),
  },
  context_get: {
    kind: 'model',
    readonly: true,
    models: ['res.users'],
    params: [],
    run: ({ env }) => ({ lang: env.user.lang, tz: env.user.tz, uid: env.user.id }),
  },
  create: {
    kind: 'model',
    params: [{ name: 'vals_list', required: true }],
    run: ({ env, model, args }) => createRecords(env, model, args.vals_list),
  },
  write: {
    kind: 'records',
    params: [{ name: 'vals', required: true }],
    run: ({ env, model, ids, args }) => writeRecords(env, model, ids, args.vals),
  },
  unlink: {
    kind: 'records',
    params: [],
    run: ({ env, model, ids }) => unlinkRecords(env, model, ids),
  },
};

/** The method spec if `method` is public on `model` for this version; Odoo's errors otherwise. */
export function lookupMethod(version: SimVersion, model: string, method: string): MethodSpec {
  if (method.startsWith('_')) {
    throw odooErrors.access(`Private methods (such as '${model}.${method}') cannot be called remotely.`);
  }
  const spec = Object.hasOwn(METHODS, method) ? METHODS[method] : undefined;
  if (!spec || (spec.versions && !spec.versions.includes(version)) || (spec.models && !spec.models.includes(model))) {
    throw odooErrors.notFound(`The method '${model}.${method}' does not exist`);
  }
  return spec;
}

/** Runs a bound call. */
export function runMethod(spec: MethodSpec, env: SimEnv, model: string, ids: number[], args: Record<string, unknown>): unknown {
  return spec.run({ env, model, ids, args, inverses: new InverseCache() });
}
