/**
 * read / search_read value encoding (odoo-api.md §1): false for empty, many2one [id, display_name]
 * (plain id with load=null), x2many id lists, floats boxed so they serialize as Python floats.
 */
import type { SimRecord } from '../dataset';
import type { FieldSpec } from '../schema/index';
import type { SimEnv } from './env';
import { odooErrors } from './errors';
import { displayName, fieldValue, type InverseCache } from './field-values';
import { PyFloat } from './py-json';

export type WireRecord = Record<string, unknown>;

/** Resolves the requested field list (all readable fields when empty); unknown names are a ValueError. */
export function resolveFields(env: SimEnv, model: string, fields: unknown): FieldSpec[] {
  const schema = env.schemas.get(model);
  if (!schema) throw odooErrors.user(`Object ${model} doesn't exist`);
  if (fields === null || fields === undefined || fields === false || (Array.isArray(fields) && fields.length === 0)) {
    return [...schema.fields.values()].filter((f) => f.name !== 'id');
  }
  const names = Array.isArray(fields) ? fields : [fields];
  const specs: FieldSpec[] = [];
  for (const name of names) {
    const spec = typeof name === 'string' ? schema.fields.get(name) : undefined;
    if (!spec) throw odooErrors.value(`Invalid field ${JSON.stringify(String(name)).replace(/^"|"$/g, "'")} on '${model}'`);
    if (spec.name !== 'id') specs.push(spec);
  }
  return specs;
}

/** Encodes one field value for the wire. */
export function encodeValue(env: SimEnv, model: string, record: SimRecord, field: FieldSpec, load: unknown, inverses: InverseCache): unknown {
  const value = fieldValue(env, model, record, field, inverses);
  switch (field.type) {
    case 'many2one': {
      if (typeof value !== 'number') return false;
      if (load === null || load === false) return value;
      const target = field.relation ? env.dataset.get(field.relation, value) : undefined;
      return [value, target && field.relation ? displayName(env, field.relation, target) : `${field.relation},${value}`];
    }
    case 'float':
    case 'monetary':
      return new PyFloat(typeof value === 'number' ? value : 0);
    case 'integer':
      return typeof value === 'number' ? value : 0;
    case 'boolean':
      return value === true;
    case 'one2many':
    case 'many2many':
      return Array.isArray(value) ? value : [];
    default:
      return value === null || value === undefined ? false : value;
  }
}

/** Formats records like read(): 'id' first, then the requested fields in request order. */
export function readRecords(env: SimEnv, model: string, records: SimRecord[], fields: FieldSpec[], load: unknown, inverses: InverseCache): WireRecord[] {
  return records.map((record) => {
    const row: WireRecord = { id: record.id };
    for (const field of fields) row[field.name] = encodeValue(env, model, record, field, load, inverses);
    return row;
  });
}
