import { AppError } from '../../../shared/rpc/errors';
import { toMinorUnits } from '../db/amounts';
import { m2oId, m2oName, type OdooRecord } from '../odoo/types';
import { columnNames, type ColumnSpec, type CurrencySource, type ModelSpec } from './column-spec';

/** Cache value types (better-sqlite3 binds these directly). */
export type CellValue = string | number | null;

/** What money conversion needs to know about currencies and companies in one company scope. */
export interface CurrencyLookup {
  /** decimal_places of a currency, or undefined if the cache does not know it. */
  decimalsOf(currencyId: number): number | undefined;
  /** The currency of a company, or undefined. */
  currencyOfCompany(companyId: number): number | undefined;
  /** Currency of the company the sync runs for (last resort for records without a company). */
  scopeCurrencyId: number | undefined;
}

/** A model spec bound to the fields one server actually has. */
export interface BoundModel {
  spec: ModelSpec;
  /** Odoo fields to request (always includes write_date). */
  fields: string[];
  /** Cache columns after (sync_company_id, id), ending with write_date. */
  columns: string[];
  toRow(record: OdooRecord, currencies: CurrencyLookup): CellValue[];
}

function firstPresent(fields: string[], present: ReadonlySet<string>): string | undefined {
  return fields.find((field) => present.has(field));
}

function asText(value: unknown): string | null {
  if (value === false || value === null || value === undefined) return null;
  return typeof value === 'string' ? value : String(value);
}

function asInt(value: unknown): number | null {
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Math.trunc(Number(value));
  return null;
}

function asIds(value: unknown): string {
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return JSON.stringify(value);
  const single = m2oId(value);
  return JSON.stringify(single === null ? [] : [single]);
}

function companyCurrency(record: OdooRecord, currencies: CurrencyLookup): number | undefined {
  const own = m2oId(record.company_currency_id) ?? m2oId(record.company_currency);
  if (own !== null) return own;
  const company = m2oId(record.company_id);
  return (company === null ? undefined : currencies.currencyOfCompany(company)) ?? currencies.scopeCurrencyId;
}

function currencyFor(source: CurrencySource, record: OdooRecord, currencies: CurrencyLookup): number | undefined {
  if (source === 'company') return companyCurrency(record, currencies);
  return m2oId(record[source.field]) ?? companyCurrency(record, currencies);
}

/**
 * Binds a spec to the server's field list: which fields to request, and how to turn a record into
 * a cache row. Fields the server lacks become NULL columns.
 */
export function bindModel(spec: ModelSpec, present: ReadonlySet<string>): BoundModel {
  const requested = new Set<string>();
  const readers: Reader[] = [];

  for (const column of spec.columns) readers.push(readerFor(spec, column, present, requested));
  requested.add('write_date');
  // The currency fields money conversion looks at, when the server has them.
  for (const field of ['company_id', 'company_currency_id', 'company_currency']) {
    if (present.has(field) && spec.columns.some((c) => c.kind === 'money')) requested.add(field);
  }

  const columns = [...spec.columns.flatMap(columnNames), 'write_date'];
  return {
    spec,
    fields: [...requested],
    columns,
    toRow: (record, currencies) => {
      const row: CellValue[] = [];
      for (const read of readers) read(record, currencies, row);
      row.push(asText(record.write_date));
      return row;
    },
  };
}

/** Appends the column value(s) of one spec to `row`; no per-column allocation on the hot path. */
type Reader = (record: OdooRecord, currencies: CurrencyLookup, row: CellValue[]) => void;

function readerFor(spec: ModelSpec, column: ColumnSpec, present: ReadonlySet<string>, requested: Set<string>): Reader {
  if (column.kind === 'derived') {
    const fields = column.fields.filter((f) => present.has(f));
    fields.forEach((f) => requested.add(f));
    const has = new Set(fields);
    if (fields.length === 0) return (_record, _currencies, row) => void row.push(null);
    return (record, _currencies, row) => void row.push(column.derive(record, has));
  }
  const field = firstPresent(column.fields, present);
  if (field === undefined) return column.kind === 'm2o' ? (_record, _currencies, row) => void row.push(null, null) : (_record, _currencies, row) => void row.push(null);
  requested.add(field);
  switch (column.kind) {
    case 'm2o':
      return (record, _currencies, row) => void row.push(m2oId(record[field]), m2oName(record[field]));
    case 'ids':
      return (record, _currencies, row) => void row.push(asIds(record[field]));
    case 'text':
    case 'date':
    case 'datetime':
      return (record, _currencies, row) => void row.push(asText(record[field]));
    case 'int':
      return (record, _currencies, row) => void row.push(asInt(record[field]));
    case 'real':
      return (record, _currencies, row) => {
        const value = record[field];
        row.push(typeof value === 'number' ? value : null);
      };
    case 'bool':
      return (record, _currencies, row) => void row.push(record[field] === true ? 1 : record[field] === false ? 0 : null);
    case 'json':
      return (record, _currencies, row) => void row.push(record[field] === false || record[field] === null || record[field] === undefined ? null : JSON.stringify(record[field]));
    case 'money':
      if (typeof column.currency !== 'string') {
        const currencyField = column.currency.field;
        if (present.has(currencyField)) requested.add(currencyField);
      }
      return (record, currencies, row) => {
        const value = record[field];
        if (typeof value !== 'number') {
          row.push(null);
          return;
        }
        const currencyId = currencyFor(column.currency, record, currencies);
        const decimals = currencyId === undefined ? undefined : currencies.decimalsOf(currencyId);
        if (decimals === undefined) {
          throw new AppError('odoo.invalid', `${spec.model} ${record.id}: ${field} is in currency ${currencyId ?? '(none)'}, which the cache does not know.`, {
            hint: 'Run a full sync (`boardpack sync --full`) so currencies are read before amounts.',
          });
        }
        row.push(toMinorUnits(value, decimals));
      };
  }
}
