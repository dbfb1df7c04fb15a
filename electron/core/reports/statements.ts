import type { MonthKey, ReportPeriods } from '../../../shared/period/period';
import type { BalanceRow, StatementRow } from '../../../shared/reports/types';
import type { BsClass, PnlCategory } from './classification';
import { sumWindow } from './kpi-builder';

/** P&L line → categories (natural sign: income rows credit-positive, cost rows debit-positive). */
const PNL_LINES: { key: string; label: string; level: number; isTotal: boolean; parts: { cat: PnlCategory; sign: 1 | -1 }[] }[] = [
  { key: 'net_revenue', label: 'Net revenue', level: 1, isTotal: false, parts: [{ cat: 'revenue', sign: -1 }] },
  { key: 'cogs', label: 'Cost of goods sold', level: 1, isTotal: false, parts: [{ cat: 'cogs', sign: 1 }] },
  { key: 'gross_margin', label: 'Gross margin', level: 0, isTotal: true, parts: [{ cat: 'revenue', sign: -1 }, { cat: 'cogs', sign: -1 }] },
  { key: 'opex', label: 'Operating expenses', level: 1, isTotal: false, parts: [{ cat: 'opex', sign: 1 }] },
  { key: 'marketplace_fees', label: 'Marketplace fees', level: 1, isTotal: false, parts: [{ cat: 'marketplace_fees', sign: 1 }] },
  {
    key: 'ebitda',
    label: 'EBITDA',
    level: 0,
    isTotal: true,
    parts: [{ cat: 'revenue', sign: -1 }, { cat: 'cogs', sign: -1 }, { cat: 'opex', sign: -1 }, { cat: 'marketplace_fees', sign: -1 }],
  },
  { key: 'other_income', label: 'Other income', level: 1, isTotal: false, parts: [{ cat: 'other_income', sign: -1 }] },
  { key: 'other_expense', label: 'Other expenses', level: 1, isTotal: false, parts: [{ cat: 'other_expense', sign: 1 }] },
  { key: 'fx', label: 'Foreign exchange (mapped)', level: 1, isTotal: false, parts: [{ cat: 'fx', sign: 1 }] },
  { key: 'depreciation', label: 'Depreciation and amortisation', level: 1, isTotal: false, parts: [{ cat: 'depreciation', sign: 1 }] },
  { key: 'interest', label: 'Interest (mapped)', level: 1, isTotal: false, parts: [{ cat: 'interest', sign: 1 }] },
  { key: 'income_tax', label: 'Income tax (mapped)', level: 1, isTotal: false, parts: [{ cat: 'income_tax', sign: 1 }] },
  {
    key: 'net_result',
    label: 'Net result',
    level: 0,
    isTotal: true,
    parts: (['revenue', 'other_income', 'cogs', 'opex', 'marketplace_fees', 'other_expense', 'fx', 'depreciation', 'interest', 'income_tax', 'excluded'] as const).map(
      (cat) => ({ cat, sign: -1 as const }),
    ),
  },
];

/**
 * P&L statement rows from a per-month category reader returning debit-positive balances
 * (null = missing rate). Totals are sums of the same translated parts, so they always tie.
 */
export function pnlStatement(periods: ReportPeriods, balance: (cat: PnlCategory, month: MonthKey) => number | null): StatementRow[] {
  return PNL_LINES.map((line) => {
    const perMonth = sumWindow((m) => {
      let total = 0;
      for (const part of line.parts) {
        const b = balance(part.cat, m);
        if (b === null) return null;
        total += part.sign * b;
      }
      return total;
    });
    return {
      key: line.key,
      label: line.label,
      level: line.level,
      isTotal: line.isTotal,
      month: perMonth([periods.month]),
      ytd: perMonth(periods.ytd),
      priorYearMonth: perMonth([periods.priorYearMonth]),
      priorYearYtd: perMonth(periods.priorYearYtd),
    };
  });
}

const BS_LINES: { key: string; label: string; level: number; isTotal: boolean; classes: BsClass[]; sign: 1 | -1; extra?: 'cta' | 'earnings' }[] = [
  { key: 'cash', label: 'Cash and bank', level: 1, isTotal: false, classes: ['cash'], sign: 1 },
  { key: 'receivables', label: 'Trade receivables', level: 1, isTotal: false, classes: ['receivables'], sign: 1 },
  { key: 'inventory', label: 'Inventory', level: 1, isTotal: false, classes: ['inventory'], sign: 1 },
  { key: 'other_current_assets', label: 'Other current assets', level: 1, isTotal: false, classes: ['other_current_assets'], sign: 1 },
  { key: 'non_current_assets', label: 'Non-current assets', level: 1, isTotal: false, classes: ['non_current_assets'], sign: 1 },
  {
    key: 'total_assets',
    label: 'Total assets',
    level: 0,
    isTotal: true,
    classes: ['cash', 'receivables', 'inventory', 'other_current_assets', 'non_current_assets'],
    sign: 1,
  },
  { key: 'payables', label: 'Trade payables', level: 1, isTotal: false, classes: ['payables'], sign: -1 },
  { key: 'other_current_liabilities', label: 'Other current liabilities', level: 1, isTotal: false, classes: ['other_current_liabilities'], sign: -1 },
  { key: 'non_current_liabilities', label: 'Non-current liabilities', level: 1, isTotal: false, classes: ['non_current_liabilities'], sign: -1 },
  {
    key: 'total_liabilities',
    label: 'Total liabilities',
    level: 0,
    isTotal: true,
    classes: ['payables', 'other_current_liabilities', 'non_current_liabilities'],
    sign: -1,
  },
  { key: 'net_assets', label: 'Net assets', level: 0, isTotal: true, classes: ['cash', 'receivables', 'inventory', 'other_current_assets', 'non_current_assets', 'payables', 'other_current_liabilities', 'non_current_liabilities'], sign: 1 },
];

/** Balance-sheet summary rows from a class reader returning debit-positive closing balances. */
export function balanceSheet(
  closing: (cls: BsClass, month: MonthKey) => number | null,
  months: { closing: MonthKey; priorMonth: MonthKey; priorFiscalYearEnd: MonthKey },
  equity: (month: MonthKey) => { equity: number | null; earnings: number | null; cta: number | null },
): BalanceRow[] {
  const value = (classes: BsClass[], sign: 1 | -1, month: MonthKey): number | null => {
    let total = 0;
    for (const cls of classes) {
      const b = closing(cls, month);
      if (b === null) return null;
      total += b;
    }
    return sign * total;
  };
  const rows: BalanceRow[] = BS_LINES.map((line) => ({
    key: line.key,
    label: line.label,
    level: line.level,
    isTotal: line.isTotal,
    closing: value(line.classes, line.sign, months.closing),
    priorMonthClosing: value(line.classes, line.sign, months.priorMonth),
    priorFiscalYearClosing: value(line.classes, line.sign, months.priorFiscalYearEnd),
  }));
  const eq = [months.closing, months.priorMonth, months.priorFiscalYearEnd].map(equity);
  const row = (key: string, label: string, pick: (e: ReturnType<typeof equity>) => number | null, level = 1, isTotal = false): BalanceRow => ({
    key,
    label,
    level,
    isTotal,
    closing: pick(eq[0]!),
    priorMonthClosing: pick(eq[1]!),
    priorFiscalYearClosing: pick(eq[2]!),
  });
  rows.push(row('equity', 'Share capital and reserves', (e) => e.equity));
  rows.push(row('retained_earnings', 'Retained earnings incl. current year', (e) => e.earnings));
  rows.push(row('cta', 'Currency translation reserve', (e) => e.cta));
  rows.push(
    row('total_equity', 'Total equity', (e) => (e.equity === null || e.earnings === null || e.cta === null ? null : e.equity + e.earnings + e.cta), 0, true),
  );
  return rows;
}
