/** fields_get: the schema as Odoo describes it, filtered by `allfields` and `attributes`. */
import type { FieldSpec } from '../schema/index';
import type { SimEnv } from './env';
import { odooErrors } from './errors';

function describe(field: FieldSpec): Record<string, unknown> {
  const numeric = field.type === 'integer' || field.type === 'float' || field.type === 'monetary';
  const textual = field.type === 'char' || field.type === 'text' || field.type === 'html';
  const relational = field.type === 'many2one' || field.type === 'one2many' || field.type === 'many2many';
  const description: Record<string, unknown> = {
    change_default: false,
    company_dependent: field.company_dependent,
    default_export_compatible: false,
    depends: [],
    exportable: true,
    groupable: field.store && field.type !== 'one2many' && field.type !== 'text',
    manual: false,
    name: field.name,
    readonly: field.readonly,
    required: field.required,
    searchable: true,
    sortable: field.store,
    store: field.store,
    string: field.string,
    type: field.type,
  };
  if (numeric && field.name !== 'id') description.aggregator = 'sum';
  if (textual) {
    description.translate = false;
    description.trim = true;
  }
  if (relational) {
    description.relation = field.relation;
    description.context = {};
    description.domain = [];
  }
  if (field.selection) description.selection = field.selection;
  if (field.currency_field) description.currency_field = field.currency_field;
  if (field.help) description.help = field.help;
  return description;
}

export function fieldsGet(env: SimEnv, model: string, allfields: unknown, attributes: unknown): Record<string, Record<string, unknown>> {
  const schema = env.schemas.get(model);
  if (!schema) throw odooErrors.user(`Object ${model} doesn't exist`);
  const wanted = Array.isArray(allfields) && allfields.length ? new Set(allfields.map(String)) : undefined;
  const attrs = Array.isArray(attributes) && attributes.length ? attributes.map(String) : undefined;
  const result: Record<string, Record<string, unknown>> = {};
  for (const field of schema.fields.values()) {
    if (wanted && !wanted.has(field.name)) continue;
    const full = describe(field);
    result[field.name] = attrs ? Object.fromEntries(attrs.filter((a) => a in full).map((a) => [a, full[a]])) : full;
  }
  return result;
}
