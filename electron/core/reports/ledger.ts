import { monthEnd, type MonthKey } from '../../../shared/period/period';
import { BS_CLASSES, PNL_CATEGORIES, type BsClass, type PnlCategory } from './classification';
import type { CompanyInfo, ReadonlyDb } from './context';

/**
 * A company's posted general ledger folded into monthly balances (debit − credit, company currency
 * minor units) per P&L category and balance-sheet class — one grouped scan of the journal items,
 * after which every GL-based KPI, statement row, trend and CTA input is arithmetic in memory.
 */
export interface Ledger {
  /** First month with any posted line (null for an empty ledger). */
  firstMonth: MonthKey | null;
  /** Monthly movement of a P&L category (debit-positive). */
  pnl(category: PnlCategory, month: MonthKey): number;
  /** Monthly movement of a balance-sheet class (debit-positive). */
  bsMovement(cls: BsClass, month: MonthKey): number;
  /** Closing balance of a class at a month-end (debit-positive), i.e. Σ movements ≤ month. */
  bsClosing(cls: BsClass, month: MonthKey): number;
  /** Months that have any P&L or equity movement, ascending (for CTA history). */
  activeMonths(): MonthKey[];
  /** Σ balance of lines on accounts with no classification (unknown account_type) up to the month. */
  unclassified(month: MonthKey): number;
}

type MonthMap = Map<MonthKey, number>;

function add(map: MonthMap, month: MonthKey, amount: number): void {
  map.set(month, (map.get(month) ?? 0) + amount);
}

/** One (account, month) total of a company's posted journal items. */
export interface LedgerRow {
  accountId: number;
  month: MonthKey;
  balance: number;
  /** 1 when some line is an invoice's stock-output line (display_type 'cogs'): inventory detection. */
  stockOutput: number;
}

/**
 * The one grouped scan of a company's posted journal items up to the end of `lastMonth`: every
 * GL-based figure (statements, KPIs, trends, CTA history, inventory-account detection) is derived
 * from these (account × month) totals in memory.
 */
export function scanLedger(db: ReadonlyDb, companyId: number, lastMonth: MonthKey): LedgerRow[] {
  // Grouped by (date, account): the order of the (company, date, account) index, so SQLite streams
  // the groups without sorting the ledger; days fold into months below (a few thousand rows).
  const days = db
    .prepare<[number, number, string], { accountId: number; date: string; balance: number; stockOutput: number }>(
      `SELECT account_id AS accountId, date, SUM(balance) AS balance, MAX(display_type = 'cogs') AS stockOutput
         FROM odoo_move_line
        WHERE sync_company_id = ? AND company_id = ? AND parent_state = 'posted' AND date <= ?
        GROUP BY date, account_id`,
    )
    .all(companyId, companyId, monthEnd(lastMonth));
  const months = new Map<string, LedgerRow>();
  for (const day of days) {
    const month = day.date.slice(0, 7);
    const key = `${day.accountId}|${month}`;
    const row = months.get(key);
    if (row) {
      row.balance += day.balance;
      row.stockOutput = Math.max(row.stockOutput, day.stockOutput);
    } else months.set(key, { accountId: day.accountId, month, balance: day.balance, stockOutput: day.stockOutput });
  }
  return [...months.values()];
}

/** Account ids that carry stock-output lines in the scanned rows (see {@link LedgerRow.stockOutput}). */
export function stockOutputAccounts(rows: readonly LedgerRow[]): Set<number> {
  const ids = new Set<number>();
  for (const row of rows) if (row.stockOutput) ids.add(row.accountId);
  return ids;
}

/** Folds the scanned rows of `company` into its ledger (classification from the company's chart). */
export function foldLedger(company: CompanyInfo, rows: readonly LedgerRow[]): Ledger {
  const pnl = new Map<PnlCategory, MonthMap>(PNL_CATEGORIES.map((c) => [c, new Map()]));
  const bs = new Map<BsClass, MonthMap>(BS_CLASSES.map((c) => [c, new Map()]));
  const unknown: MonthMap = new Map();
  const months = new Set<MonthKey>();
  for (const row of rows) {
    const account = company.accounts.get(row.accountId);
    months.add(row.month);
    if (account?.pnl) add(pnl.get(account.pnl) ?? new Map(), row.month, row.balance);
    else if (account?.bs) add(bs.get(account.bs) ?? new Map(), row.month, row.balance);
    else add(unknown, row.month, row.balance);
  }
  const sortedMonths = [...months].sort();
  const closingCache = new Map<string, number>();
  const upTo = (map: MonthMap, month: MonthKey): number => {
    let total = 0;
    for (const [m, amount] of map) if (m <= month) total += amount;
    return total;
  };

  return {
    firstMonth: sortedMonths[0] ?? null,
    pnl: (category, month) => pnl.get(category)?.get(month) ?? 0,
    bsMovement: (cls, month) => bs.get(cls)?.get(month) ?? 0,
    bsClosing(cls, month) {
      const key = `${cls}|${month}`;
      let cached = closingCache.get(key);
      if (cached === undefined) {
        cached = upTo(bs.get(cls) ?? new Map(), month);
        closingCache.set(key, cached);
      }
      return cached;
    },
    activeMonths: () => sortedMonths,
    unclassified: (month) => upTo(unknown, month),
  };
}

/** Reads the ledger of `company` up to the end of `lastMonth`. */
export function loadLedger(db: ReadonlyDb, company: CompanyInfo, lastMonth: MonthKey): Ledger {
  return foldLedger(company, scanLedger(db, company.id, lastMonth));
}
