import type { BsClass, PnlCategory } from '../../../shared/reports/account-classes';
import type { ReadonlyDb } from './context';
import { hasTable } from './context';

export { BS_CLASSES, PNL_CATEGORIES, type BsClass, type PnlCategory } from '../../../shared/reports/account-classes';

/** An account with what the reports treat it as. */
export interface ClassifiedAccount {
  id: number;
  code: string;
  name: string;
  accountType: string | null;
  /** Set for income/expense accounts. */
  pnl: PnlCategory | null;
  /** Set for balance-sheet accounts. */
  bs: BsClass | null;
  /** True when a user mapping decided the category. */
  mapped: boolean;
  /** True when the account type does not separate EBITDA components and no mapping covers it. */
  needsMapping: boolean;
}

/** One user mapping row (code prefix → category); the longest matching prefix wins. */
export interface AccountMapping {
  codePrefix: string;
  category: PnlCategory;
}

const PNL_BY_TYPE: Record<string, PnlCategory> = {
  income: 'revenue',
  income_other: 'other_income',
  expense_direct_cost: 'cogs',
  expense: 'opex',
  expense_other: 'other_expense',
  expense_depreciation: 'depreciation',
};

const BS_BY_TYPE: Record<string, BsClass> = {
  asset_cash: 'cash',
  asset_receivable: 'receivables',
  asset_current: 'other_current_assets',
  asset_prepayments: 'other_current_assets',
  asset_non_current: 'non_current_assets',
  asset_fixed: 'non_current_assets',
  liability_payable: 'payables',
  liability_credit_card: 'other_current_liabilities',
  liability_current: 'other_current_liabilities',
  liability_non_current: 'non_current_liabilities',
  equity: 'equity',
  equity_unaffected: 'equity',
  off_balance: 'off_balance',
};

/** Types whose accounts mix EBITDA and non-EBITDA items (FX, interest…) unless mapped. */
const AMBIGUOUS_TYPES = new Set(['income_other', 'expense_other']);

/** Reads the user's account mapping of a company (empty when the table does not exist yet). */
export function loadAccountMappings(db: ReadonlyDb, companyId: number): AccountMapping[] {
  if (!hasTable(db, 'app_account_mapping')) return [];
  const rows = db
    .prepare<[number], AccountMapping>('SELECT code_prefix AS codePrefix, category FROM app_account_mapping WHERE company_id = ?')
    .all(companyId);
  return rows.sort((a, b) => b.codePrefix.length - a.codePrefix.length);
}

/**
 * Code prefixes of the inventory (stock valuation) accounts of a company: the user's roles from
 * app_account_role when any exist; otherwise detected as the current-asset accounts that carry
 * Odoo's stock-output lines of invoices (display_type 'cogs'), the Anglo-Saxon valuation pattern.
 * `stockOutputAccountIds` are those accounts when the caller already scanned the ledger
 * (see ledger.ts); without it the journal items are searched here.
 */
export function loadInventoryPrefixes(
  db: ReadonlyDb,
  companyId: number,
  stockOutputAccountIds?: ReadonlySet<number>,
): { prefixes: string[]; source: 'mapping' | 'detected' | 'none' } {
  if (hasTable(db, 'app_account_role')) {
    const rows = db
      .prepare<[number], { p: string }>("SELECT code_prefix AS p FROM app_account_role WHERE company_id = ? AND role = 'inventory'")
      .all(companyId);
    if (rows.length > 0) return { prefixes: rows.map((r) => r.p), source: 'mapping' };
  }
  let detected: string[];
  if (stockOutputAccountIds) {
    detected = db
      .prepare<[number], { id: number; code: string | null }>("SELECT id, code FROM odoo_account WHERE sync_company_id = ? AND account_type = 'asset_current'")
      .all(companyId)
      .filter((a) => a.code !== null && stockOutputAccountIds.has(a.id))
      .map((a) => a.code ?? '');
  } else {
    detected = db
      .prepare<[number], { p: string }>(
        `SELECT DISTINCT a.code AS p FROM odoo_move_line l
           JOIN odoo_account a ON a.sync_company_id = l.sync_company_id AND a.id = l.account_id
          WHERE l.sync_company_id = ? AND l.display_type = 'cogs' AND a.account_type = 'asset_current' AND a.code IS NOT NULL`,
      )
      .all(companyId)
      .map((r) => r.p);
  }
  return detected.length > 0 ? { prefixes: detected, source: 'detected' } : { prefixes: [], source: 'none' };
}

/** Classifies one account (pure; exported for tests). */
export function classifyAccount(
  account: { id: number; code: string; name: string; accountType: string | null },
  mappings: readonly AccountMapping[],
  inventoryPrefixes: readonly string[] = [],
): ClassifiedAccount {
  const type = account.accountType ?? '';
  const mapping = mappings.find((m) => account.code.startsWith(m.codePrefix));
  const isInventory = type === 'asset_current' && inventoryPrefixes.some((p) => account.code.startsWith(p));
  const bs = isInventory ? 'inventory' : (BS_BY_TYPE[type] ?? null);
  const typePnl = PNL_BY_TYPE[type] ?? null;
  const isPnl = typePnl !== null || (bs === null && mapping !== undefined);
  const pnl = isPnl ? (mapping?.category ?? typePnl) : null;
  return {
    ...account,
    pnl,
    bs: isPnl ? null : bs,
    mapped: mapping !== undefined && isPnl,
    needsMapping: mapping === undefined && (AMBIGUOUS_TYPES.has(type) || (bs === null && typePnl === null)),
  };
}

/** Loads and classifies a company's chart of accounts. */
export function classifyAccounts(
  db: ReadonlyDb,
  companyId: number,
  mappings: readonly AccountMapping[],
  inventoryPrefixes: readonly string[],
): Map<number, ClassifiedAccount> {
  const rows = db
    .prepare<[number], { id: number; code: string | null; name: string | null; accountType: string | null }>(
      'SELECT id, code, name, account_type AS accountType FROM odoo_account WHERE sync_company_id = ?',
    )
    .all(companyId);
  const result = new Map<number, ClassifiedAccount>();
  for (const row of rows) {
    result.set(row.id, classifyAccount({ id: row.id, code: row.code ?? '', name: row.name ?? '', accountType: row.accountType }, mappings, inventoryPrefixes));
  }
  return result;
}
