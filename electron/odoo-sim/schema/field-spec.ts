/** Field metadata of the simulated models, shaped like Odoo's fields_get output. */
export type FieldType =
  | 'boolean' | 'char' | 'text' | 'html' | 'integer' | 'float' | 'monetary' | 'date' | 'datetime'
  | 'selection' | 'many2one' | 'one2many' | 'many2many' | 'binary' | 'json' | 'properties'
  | 'properties_definition' | 'reference' | 'many2one_reference' | 'image';

export interface FieldSpec {
  name: string;
  type: FieldType;
  string: string;
  relation?: string;
  selection?: Array<[string, string]>;
  store: boolean;
  required: boolean;
  readonly: boolean;
  company_dependent: boolean;
  currency_field?: string;
  help?: string;
}

/**
 * Compact row as stored in the generated per-model files:
 * [name, type, label, flags, relation or selection or null, currency_field or null, help]
 * flags: S = stored, R = required, O = readonly, C = company_dependent.
 */
export type FieldRow = [string, FieldType, string, string, (string | Array<[string, string]> | null)?, (string | null)?, string?];

export function fieldFromRow([name, type, label, flags, extra, currencyField, help]: FieldRow): FieldSpec {
  const spec: FieldSpec = {
    name,
    type,
    string: label,
    store: flags.includes('S'),
    required: flags.includes('R'),
    readonly: flags.includes('O'),
    company_dependent: flags.includes('C'),
  };
  if (typeof extra === 'string') spec.relation = extra;
  else if (Array.isArray(extra)) spec.selection = extra;
  if (currencyField) spec.currency_field = currencyField;
  if (help) spec.help = help;
  return spec;
}
