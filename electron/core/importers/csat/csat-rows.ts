/**
 * Row rules of a customer-satisfaction survey export (one response per row):
 *
 * | column      | accepted headers                                               | value                                          |
 * |-------------|----------------------------------------------------------------|------------------------------------------------|
 * | date        | date, response_date, submitted_at, created_at, timestamp, month | a date, a date-time, or a month (YYYY-MM)     |
 * | score       | score, rating, csat, csat_score, satisfaction                  | number from 0 to the scale maximum             |
 * | company     | company, company_id, entity (optional)                         | Odoo company id or name; absent = whole group  |
 * | scale       | scale, scale_max, max_score, out_of (optional)                 | the scale maximum (default 5, or --scale)      |
 * | response_id | response_id, response, submission_id, id (optional)            | unique per response: duplicates are rejected  |
 * | respondent  | respondent, respondent_id, customer, email (optional)          | who answered (stored when there is no id)      |
 * | channel     | channel, source, team (optional)                               | read and checked, not yet used by the KPI      |
 *
 * A month-only date counts on the first of the month. A date-time with an explicit UTC marker is
 * cut in the company timezone; any other date-time keeps the calendar date written.
 */
import { parseInstant, RowRejection } from '../cell-values';
import type { CsvRecord } from '../csv-rows';
import type { CompanyDirectory } from '../budget/company-directory';
import { cell, type ColumnIndex, type ColumnSpec } from '../budget/table-file';

/** The columns of a survey export. */
export const CSAT_COLUMNS = {
  date: { aliases: ['date', 'response_date', 'response date', 'submitted_at', 'submitted at', 'submitted', 'created_at', 'created', 'timestamp', 'responded_at', 'month'], required: true },
  score: { aliases: ['score', 'rating', 'csat', 'csat_score', 'csat score', 'satisfaction'], required: true },
  company: { aliases: ['company', 'company_id', 'company id', 'entity'], required: false },
  scale: { aliases: ['scale', 'scale_max', 'scale max', 'max_score', 'max score', 'out_of', 'out of'], required: false },
  responseId: { aliases: ['response_id', 'response id', 'response', 'submission_id', 'submission id', 'id'], required: false },
  respondent: { aliases: ['respondent', 'respondent_id', 'respondent id', 'customer', 'email', 'customer_email'], required: false },
  channel: { aliases: ['channel', 'source', 'team'], required: false },
} as const satisfies Record<string, ColumnSpec>;

export type CsatColumn = keyof typeof CSAT_COLUMNS;

/** One valid survey response, ready to store. */
export interface CsatResponse {
  line: number;
  companyId: number | null;
  date: string;
  score: number;
  scaleMax: number;
  responseId: string | null;
  respondent: string | null;
  channel: string | null;
}

/** Parses a plain number written with a decimal point or comma (`4`, `4.5`, `4,5`). */
function parseNumber(text: string, column: string): number {
  const value = text.trim().replace(',', '.');
  if (value === '') throw new RowRejection(`${column} is empty`);
  if (!/^-?\d+(\.\d+)?$/.test(value)) throw new RowRejection(`${column} "${text.trim()}" is not a number`);
  return Number(value);
}

function parseResponseDate(text: string, timeZone: string): string {
  const value = text.trim();
  if (value === '') throw new RowRejection('date is empty');
  const isoMonth = /^(\d{4})-(\d{2})$/.exec(value);
  const slashMonth = /^(\d{2})\/(\d{4})$/.exec(value);
  const [year, month] = isoMonth ? [isoMonth[1], isoMonth[2]] : slashMonth ? [slashMonth[2], slashMonth[1]] : [undefined, undefined];
  if (year !== undefined && month !== undefined) {
    if (Number(month) < 1 || Number(month) > 12) throw new RowRejection(`date "${value}" is not a valid month`);
    return `${year}-${month}-01`;
  }
  return parseInstant(value, 'date', timeZone, timeZone).localDate;
}

/** Parses one data row; throws {@link RowRejection} with the plain reason when it cannot be used. */
export function parseCsatRow(
  row: CsvRecord,
  columns: ColumnIndex<CsatColumn>,
  companies: CompanyDirectory,
  defaults: { scaleMax: number; timeZone: string },
): CsatResponse {
  if (row.error) throw new RowRejection(row.error);
  let companyId: number | null = null;
  if (columns('company') !== undefined) {
    const text = cell(row, columns('company'));
    if (text === '') throw new RowRejection('company is empty; leave the company column out for responses about the whole group');
    companyId = companies.resolve(text).id;
  }
  const date = parseResponseDate(cell(row, columns('date')), defaults.timeZone);
  const scaleText = cell(row, columns('scale'));
  const scaleMax = scaleText === '' ? defaults.scaleMax : parseNumber(scaleText, 'scale');
  if (scaleMax <= 0) throw new RowRejection(`scale "${scaleText}" must be a positive number`);
  const score = parseNumber(cell(row, columns('score')), 'score');
  if (score < 0 || score > scaleMax) {
    throw new RowRejection(`score ${score} is outside the scale 0–${scaleMax}${columns('scale') === undefined ? ' (add a scale column or pass --scale)' : ''}`);
  }
  const optional = (index: number | undefined): string | null => {
    const text = cell(row, index);
    return text === '' ? null : text;
  };
  return {
    line: row.line,
    companyId,
    date,
    score,
    scaleMax,
    responseId: optional(columns('responseId')),
    respondent: optional(columns('respondent')),
    channel: optional(columns('channel')),
  };
}
