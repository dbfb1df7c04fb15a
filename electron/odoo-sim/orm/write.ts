/**
 * create / write / unlink with x2many commands 0-6 (odoo-api.md §6). Each call is all-or-nothing:
 * values are validated against the schema before anything is stored.
 */
import type { RawValue, SimRecord } from '../dataset';
import { checkModelAccess } from '../security/access';
import type { SimEnv } from './env';
import { odooErrors } from './errors';
import { INVERSES } from './field-values';
import { browse } from './search';

type Values = Record<string, unknown>;

function isValues(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validate(env: SimEnv, model: string, values: Values): void {
  const schema = env.schemas.get(model);
  for (const name of Object.keys(values)) {
    if (!schema?.fields.has(name)) throw odooErrors.value(`Invalid field '${name}' on model '${model}'`);
  }
}

/** Applies x2many commands to a current id list; returns the new list (creating co-records for 0). */
function applyCommands(env: SimEnv, comodel: string, current: number[], commands: unknown): number[] {
  if (!Array.isArray(commands)) return current;
  if (commands.every((c) => typeof c === 'number')) return commands.filter((c): c is number => typeof c === 'number');
  let ids = [...current];
  for (const command of commands) {
    if (!Array.isArray(command)) continue;
    const [code, id, payload] = command as [number, number, unknown];
    switch (code) {
      case 0:
        if (isValues(payload)) ids.push(createOne(env, comodel, payload));
        break;
      case 1:
        if (isValues(payload)) writeRecords(env, comodel, [id], payload);
        break;
      case 2:
        env.dataset.unlink(comodel, [id]);
        ids = ids.filter((x) => x !== id);
        break;
      case 3:
        ids = ids.filter((x) => x !== id);
        break;
      case 4:
        if (!ids.includes(id)) ids.push(id);
        break;
      case 5:
        ids = [];
        break;
      case 6:
        ids = Array.isArray(payload) ? payload.filter((x): x is number => typeof x === 'number') : [];
        break;
      default:
        throw odooErrors.value(`Invalid x2many command ${String(code)}`);
    }
  }
  return ids;
}

function toStored(env: SimEnv, model: string, values: Values, current: SimRecord | undefined): Record<string, RawValue> {
  const schema = env.schemas.get(model);
  const stored: Record<string, RawValue> = {};
  for (const [name, value] of Object.entries(values)) {
    const field = schema?.fields.get(name);
    if (!field) continue;
    if ((field.type === 'one2many' || field.type === 'many2many') && field.relation) {
      const before = current?.[name];
      stored[name] = applyCommands(env, field.relation, Array.isArray(before) ? before : [], value);
    } else if (field.type === 'many2one') {
      stored[name] = Array.isArray(value) ? (value[0] as number) : typeof value === 'number' ? value : false;
    } else if (value === null || value === undefined) {
      stored[name] = false;
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      stored[name] = value;
    }
  }
  return stored;
}

function createOne(env: SimEnv, model: string, values: Values): number {
  validate(env, model, values);
  const schema = env.schemas.get(model);
  const defaults: Record<string, RawValue> = {};
  if (schema?.fields.has('active')) defaults.active = true;
  if (schema?.fields.get('company_id')?.relation === 'res.company') defaults.company_id = env.companyId;
  const stored = { ...defaults, ...toStored(env, model, values, undefined) };
  const id = env.dataset.create(model, stored);
  linkChildren(env, model, id, stored);
  return id;
}

/** Co-records created through one2many commands point back to their parent (e.g. line.move_id). */
function linkChildren(env: SimEnv, model: string, id: number, stored: Record<string, RawValue>): void {
  for (const [name, value] of Object.entries(stored)) {
    const inverse = INVERSES[`${model}.${name}`];
    if (!inverse || !Array.isArray(value)) continue;
    const [comodel, field] = inverse;
    for (const childId of value) {
      const child = env.dataset.get(comodel, childId);
      if (child && child[field] !== id) child[field] = id;
    }
  }
}

/** create(vals_list): returns the new ids (JSON-RPC turns a single dict into a single id). */
export function createRecords(env: SimEnv, model: string, valsList: unknown): number[] {
  const schema = env.schemas.get(model);
  if (!schema) throw odooErrors.user(`Object ${model} doesn't exist`);
  checkModelAccess(env.user, model, schema.description, 'create');
  const list = Array.isArray(valsList) ? valsList : [valsList];
  if (!list.every(isValues)) throw odooErrors.value('create() expects a dict or a list of dicts');
  for (const values of list) validate(env, model, values);
  return list.map((values) => createOne(env, model, values));
}

export function writeRecords(env: SimEnv, model: string, ids: number[], vals: unknown): true {
  if (!isValues(vals)) throw odooErrors.value('write() expects a dict of values');
  validate(env, model, vals);
  const records = browse(env, model, ids, 'write');
  if (records.length !== new Set(ids).size) {
    throw odooErrors.missing(`Record does not exist or has been deleted.\n(Record: ${model}(${ids.join(', ')},), User: ${env.user.id})`);
  }
  for (const record of records) {
    const stored = toStored(env, model, vals, record);
    env.dataset.write(model, [record.id], stored);
    linkChildren(env, model, record.id, stored);
  }
  return true;
}

export function unlinkRecords(env: SimEnv, model: string, ids: number[]): true {
  const records = browse(env, model, ids, 'unlink');
  env.dataset.unlink(model, records.map((r) => r.id));
  return true;
}
