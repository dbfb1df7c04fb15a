import { addMonths, monthEnd, monthOfDate, monthStart, type DateKey } from '../../../shared/period/period';
import {
  MAPPING_CATEGORIES,
  MAPPING_CATEGORY_INFO,
  type MappedAccount,
  type MappingCategory,
  type MappingListing,
  type MappingPreview,
} from '../../../shared/rpc/contracts/mapping';
import { classifyAccount, loadInventoryPrefixes, type AccountMapping, type ClassifiedAccount } from '../reports/classification';
import type { ReadonlyDb } from '../reports/context';
import { lastPostedDate, postedBalances, readInventoryRoles, readRules, requireCompany, type StoredRule } from './store';

interface ChartRow {
  id: number;
  code: string;
  name: string;
  accountType: string | null;
}

/** Everything the listing and the preview classify from, read once. */
interface MappingInputs {
  company: { id: number; name: string; currency: string };
  chart: ChartRow[];
  rules: StoredRule[];
  inventory: { prefixes: string[]; source: 'mapping' | 'detected' | 'none' };
  window: { from: string; to: string } | null;
  balances: Map<number, number>;
}

function readChart(db: ReadonlyDb, companyId: number): ChartRow[] {
  return db
    .prepare<[number], { id: number; code: string | null; name: string | null; accountType: string | null }>(
      'SELECT id, code, name, account_type AS accountType FROM odoo_account WHERE sync_company_id = ? ORDER BY code, id',
    )
    .all(companyId)
    .map((r) => ({ id: r.id, code: r.code ?? '', name: r.name ?? '', accountType: r.accountType }));
}

/** `withInventory: false` skips the inventory detection (a ledger scan): it decides balance-sheet classes only, never a P&L category. */
function readInputs(db: ReadonlyDb, companyId: number, today: DateKey, withInventory = true): MappingInputs {
  const company = requireCompany(db, companyId);
  const last = lastPostedDate(db, companyId, today);
  // Twelve months ending with the last month that has posted entries: an offline cache still shows what moves.
  const window = last ? { from: addMonths(monthOfDate(last), -11), to: monthOfDate(last) } : null;
  return {
    company,
    chart: readChart(db, companyId),
    rules: readRules(db, companyId),
    inventory: withInventory ? loadInventoryPrefixes(db, companyId) : { prefixes: [], source: 'none' },
    window,
    balances: window ? postedBalances(db, companyId, monthStart(window.from), monthEnd(window.to)) : new Map(),
  };
}

/** The classifier's input: longest prefix first (the first match wins). */
function asMappings(rules: readonly { codePrefix: string; category: MappingCategory }[]): AccountMapping[] {
  return [...rules].sort((a, b) => b.codePrefix.length - a.codePrefix.length).map((r) => ({ codePrefix: r.codePrefix, category: r.category }));
}

function longestPrefix(code: string, prefixes: readonly string[]): string | null {
  let best: string | null = null;
  for (const p of prefixes) if (code.startsWith(p) && (best === null || p.length > best.length)) best = p;
  return best;
}

function describe(account: ClassifiedAccount, inputs: MappingInputs, balance: number): MappedAccount {
  let source: MappedAccount['source'] = 'none';
  let sourcePrefix: string | null = null;
  if (account.pnl !== null) {
    // A P&L category comes from a rule when one matched, else from the account type (classifyAccount's only two paths).
    sourcePrefix = account.mapped ? longestPrefix(account.code, inputs.rules.map((r) => r.codePrefix)) : null;
    source = account.mapped ? 'rule' : 'odoo_type';
  } else if (account.bs === 'inventory') {
    source = inputs.inventory.source === 'mapping' ? 'inventory_role' : 'detected';
    sourcePrefix = inputs.inventory.source === 'mapping' ? longestPrefix(account.code, inputs.inventory.prefixes) : null;
  } else if (account.bs !== null) {
    source = 'odoo_type';
  }
  return {
    id: account.id,
    code: account.code,
    name: account.name,
    accountType: account.accountType,
    category: account.pnl,
    bsClass: account.bs,
    source,
    sourcePrefix,
    needsMapping: account.needsMapping,
    balance,
  };
}

function classifyAll(inputs: MappingInputs, mappings: readonly AccountMapping[]): ClassifiedAccount[] {
  return inputs.chart.map((row) => classifyAccount(row, mappings, inputs.inventory.prefixes));
}

/** The categories with their labels, in the order the editor offers them. */
export function categoryList(): MappingListing['categories'] {
  return MAPPING_CATEGORIES.map((id) => ({ id, ...MAPPING_CATEGORY_INFO[id] }));
}

/** The company's chart as the reports classify it now, with balances, rules and inventory roles. */
export function buildMappingListing(db: ReadonlyDb, companyId: number, today: DateKey): MappingListing {
  const inputs = readInputs(db, companyId, today);
  const accounts = classifyAll(inputs, asMappings(inputs.rules)).map((a) => describe(a, inputs, inputs.balances.get(a.id) ?? 0));
  const count = (source: MappedAccount['source'], prefix: string) => accounts.filter((a) => a.source === source && a.sourcePrefix === prefix).length;
  return {
    companyId: inputs.company.id,
    companyName: inputs.company.name,
    currency: inputs.company.currency,
    window: inputs.window,
    accounts,
    rules: inputs.rules.map((r) => ({ ...r, accountCount: count('rule', r.codePrefix) })),
    inventoryRoles: readInventoryRoles(db, companyId).map((r) => ({ ...r, accountCount: count('inventory_role', r.codePrefix) })),
    inventorySource: inputs.inventory.source,
    categories: categoryList(),
  };
}

const inEbitda = (category: MappingCategory | null): boolean => category !== null && MAPPING_CATEGORY_INFO[category].inEbitda;

/**
 * What saving `codePrefix → category` would change: the accounts whose category moves, and EBITDA's
 * change over the listing's 12-month window (EBITDA = −Σ debit-positive balances of its categories).
 */
export function previewMappingRule(db: ReadonlyDb, companyId: number, rule: { codePrefix: string; category: MappingCategory }, today: DateKey): MappingPreview {
  const inputs = readInputs(db, companyId, today, false);
  const before = classifyAll(inputs, asMappings(inputs.rules));
  const withRule = [...inputs.rules.filter((r) => r.codePrefix !== rule.codePrefix), rule];
  const after = classifyAll(inputs, asMappings(withRule));
  const longer = inputs.rules.filter((r) => r.codePrefix.length > rule.codePrefix.length && r.codePrefix.startsWith(rule.codePrefix)).map((r) => r.codePrefix);

  const changes: MappingPreview['changes'] = [];
  let unchanged = 0;
  let shadowed = 0;
  let balanceSheet = 0;
  let ebitdaDelta = 0;
  after.forEach((next, i) => {
    const prev = before[i];
    if (!prev) return;
    const balance = inputs.balances.get(next.id) ?? 0;
    if (prev.pnl !== next.pnl) {
      changes.push({ id: next.id, code: next.code, name: next.name, from: prev.pnl, to: next.pnl, balance });
      ebitdaDelta += (inEbitda(prev.pnl) ? balance : 0) - (inEbitda(next.pnl) ? balance : 0);
      return;
    }
    if (!next.code.startsWith(rule.codePrefix)) return;
    if (next.pnl === null) balanceSheet += 1;
    else if (longer.some((p) => next.code.startsWith(p))) shadowed += 1;
    else unchanged += 1;
  });
  return {
    codePrefix: rule.codePrefix,
    category: rule.category,
    currency: inputs.company.currency,
    changes,
    unchanged,
    shadowedByLongerRule: shadowed,
    balanceSheetIgnored: balanceSheet,
    ebitdaDelta,
  };
}
