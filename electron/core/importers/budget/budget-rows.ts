/**
 * Row rules of a budget file (long format, one amount per row):
 *
 * | column  | accepted headers                                  | value                                   |
 * |---------|---------------------------------------------------|-----------------------------------------|
 * | company | company, company_id, entity                       | Odoo company id or company name         |
 * | kpi     | kpi, kpi_id, metric                               | net_revenue, cogs, opex, ebitda, gross_margin, intercompany_revenue |
 * | account | account, account_code, gl_account                 | account code or code prefix (e.g. 4000) |
 * | line    | account_or_kpi, line, target, item                | either of the two above                 |
 * | month   | month, period, date                               | YYYY-MM (also 03/2025, Mar 2025, a date) |
 * | amount  | amount, budget, value                             | company currency, natural sign          |
 *
 * A row needs a KPI or an account (one of kpi/account/line). Amounts are in the company's currency
 * with the sign of the line's nature: revenue positive, costs positive. Decimal comma and thousands
 * separators are read like the e-commerce exports (semicolon files default to decimal comma).
 *
 * `intercompany_revenue` is the part of a company's net_revenue budget sold to the other companies of
 * the group: not a KPI of its own, it lets the group budget eliminate intercompany sales like the actuals.
 */
import { BUDGET_KPIS, parseBudgetKpi, type BudgetKpi } from '../../../../shared/reports/budget-kpis';
import { INTERCOMPANY_BUDGET_LINE, isIntercompanyBudgetLine } from '../../reports/budget';
import { parseAmount, RowRejection } from '../cell-values';
import type { CsvRecord } from '../csv-rows';
import type { CompanyDirectory } from './company-directory';
import { parseMonthCell } from './month-cell';
import { cell, type ColumnIndex, type ColumnSpec } from './table-file';

/** The columns of a budget file. */
export const BUDGET_COLUMNS = {
  company: { aliases: ['company', 'company_id', 'company id', 'entity'], required: true },
  kpi: { aliases: ['kpi', 'kpi_id', 'kpi id', 'metric'], required: false },
  account: { aliases: ['account', 'account_code', 'account code', 'gl_account', 'gl account', 'code'], required: false },
  line: { aliases: ['account_or_kpi', 'account or kpi', 'line', 'target', 'item'], required: false },
  month: { aliases: ['month', 'period', 'date'], required: true },
  amount: { aliases: ['amount', 'budget', 'value'], required: true },
} as const satisfies Record<string, ColumnSpec>;

export type BudgetColumn = keyof typeof BUDGET_COLUMNS;

/** One valid budget row, ready to store (amount in minor units of the company currency). */
export interface BudgetLine {
  line: number;
  companyId: number;
  targetKind: 'kpi' | 'account';
  target: string;
  month: string;
  amount: number;
}

/** Which budget KPI an account code prefix feeds, per company: resolves prefixes against the chart. */
export type AccountKpiResolver = (companyId: number, codePrefix: string) => BudgetKpi;

function target(row: CsvRecord, columns: ColumnIndex<BudgetColumn>, companyId: number, accountKpi: AccountKpiResolver): Pick<BudgetLine, 'targetKind' | 'target'> {
  const kpiText = cell(row, columns('kpi'));
  const accountText = cell(row, columns('account')).replace(/\.0+$/, '');
  const lineText = cell(row, columns('line')).replace(/\.0+$/, '');
  const given = [kpiText, accountText, lineText].filter((t) => t !== '');
  if (given.length === 0) throw new RowRejection('no KPI or account given');
  if (given.length > 1) throw new RowRejection(`both a KPI and an account are given ("${given.join('", "')}"); a row budgets one of them`);
  if (kpiText !== '') {
    if (isIntercompanyBudgetLine(kpiText)) return { targetKind: 'kpi', target: INTERCOMPANY_BUDGET_LINE };
    const kpi = parseBudgetKpi(kpiText);
    if (!kpi) throw new RowRejection(`KPI "${kpiText}" cannot be budgeted; use one of ${[...BUDGET_KPIS, INTERCOMPANY_BUDGET_LINE].join(', ')}`);
    return { targetKind: 'kpi', target: kpi };
  }
  if (lineText !== '') {
    if (isIntercompanyBudgetLine(lineText)) return { targetKind: 'kpi', target: INTERCOMPANY_BUDGET_LINE };
    const kpi = parseBudgetKpi(lineText);
    if (kpi) return { targetKind: 'kpi', target: kpi };
  }
  const code = accountText || lineText;
  accountKpi(companyId, code);
  return { targetKind: 'account', target: code };
}

/** Parses one data row; throws {@link RowRejection} with the plain reason when it cannot be used. */
export function parseBudgetRow(
  row: CsvRecord,
  columns: ColumnIndex<BudgetColumn>,
  companies: CompanyDirectory,
  accountKpi: AccountKpiResolver,
  decimalComma: boolean,
): BudgetLine {
  if (row.error) throw new RowRejection(row.error);
  const company = companies.resolve(cell(row, columns('company')));
  const { targetKind, target: code } = target(row, columns, company.id, accountKpi);
  const month = parseMonthCell(cell(row, columns('month')), 'month');
  const amount = parseAmount(cell(row, columns('amount')), 'amount', company.currency, decimalComma);
  return { line: row.line, companyId: company.id, targetKind, target: code, month, amount };
}
