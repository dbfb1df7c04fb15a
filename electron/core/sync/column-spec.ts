import type { OdooRecord } from '../odoo/types';

/** Which currency's decimals a monetary column uses. */
export type CurrencySource =
  /** The currency in this many2one field of the record (e.g. currency_id), else the company currency. */
  | { field: string }
  /** The company currency: the record's company_currency_id / company_currency if read, else its company's currency. */
  | 'company';

/**
 * How one cache column (or column pair) is fed from an Odoo record. `fields` lists candidate Odoo
 * field names in preference order (renames across 17/18/19); the first one the server has is read.
 */
export type ColumnSpec =
  | { kind: 'text' | 'int' | 'real' | 'bool' | 'date' | 'datetime' | 'json'; column: string; fields: string[] }
  /** many2one -> `<base>_id` + `<base>_name`. */
  | { kind: 'm2o'; base: string; fields: string[] }
  /** x2many (or a single many2one on older versions) -> JSON array of ids. */
  | { kind: 'ids'; column: string; fields: string[] }
  /** monetary -> INTEGER minor units of the currency named by `currency`. */
  | { kind: 'money'; column: string; fields: string[]; currency: CurrencySource }
  /** A value computed from the raw record when no single field carries it on every version. */
  | { kind: 'derived'; column: string; fields: string[]; derive: (record: OdooRecord, present: ReadonlySet<string>) => string | number | null };

/** One synced Odoo model and its cache table. */
export interface ModelSpec {
  model: string;
  table: string;
  columns: ColumnSpec[];
}

/** Shorthands keep the model list readable. */
export const text = (column: string, ...aliases: string[]): ColumnSpec => ({ kind: 'text', column, fields: [column, ...aliases] });
export const int = (column: string): ColumnSpec => ({ kind: 'int', column, fields: [column] });
export const real = (column: string): ColumnSpec => ({ kind: 'real', column, fields: [column] });
export const bool = (column: string): ColumnSpec => ({ kind: 'bool', column, fields: [column] });
export const date = (column: string): ColumnSpec => ({ kind: 'date', column, fields: [column] });
export const datetime = (column: string): ColumnSpec => ({ kind: 'datetime', column, fields: [column] });
export const json = (column: string): ColumnSpec => ({ kind: 'json', column, fields: [column] });
export const m2o = (base: string, ...fields: string[]): ColumnSpec => ({ kind: 'm2o', base, fields: fields.length > 0 ? fields : [`${base}_id`] });
export const ids = (column: string, ...fields: string[]): ColumnSpec => ({ kind: 'ids', column, fields: fields.length > 0 ? fields : [column] });
export const money = (column: string, currency: CurrencySource): ColumnSpec => ({ kind: 'money', column, fields: [column], currency });

/** The cache columns a spec writes, in table order. */
export function columnNames(spec: ColumnSpec): string[] {
  return spec.kind === 'm2o' ? [`${spec.base}_id`, `${spec.base}_name`] : [spec.column];
}
