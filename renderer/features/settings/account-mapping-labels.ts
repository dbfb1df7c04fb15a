import { BS_CLASS_LABELS, MAPPING_CATEGORIES, MAPPING_CATEGORY_INFO, type MappedAccount, type MappingCategory } from '../../../shared/rpc/contracts/mapping';

/** What the reports make of an account, in words ("Interest", "Trade receivables", "Not classified"). */
export function effectiveLabel(account: Pick<MappedAccount, 'category' | 'bsClass'>): string {
  if (account.category) return MAPPING_CATEGORY_INFO[account.category].label;
  if (account.bsClass) return BS_CLASS_LABELS[account.bsClass];
  return 'Not classified';
}

/** Why the account has that category, short enough for a table cell: "Type expense_other", "Rule 641", "Detected". */
export function sourceLabel(account: Pick<MappedAccount, 'source' | 'sourcePrefix' | 'accountType'>): string {
  switch (account.source) {
    case 'rule':
      return `Rule ${account.sourcePrefix ?? ''}`.trim();
    case 'inventory_role':
      return `Inventory role ${account.sourcePrefix ?? ''}`.trim();
    case 'detected':
      return 'Detected';
    case 'odoo_type':
      return `Type ${account.accountType ?? ''}`.trim();
    case 'none':
      return account.accountType ? `Unknown type ${account.accountType}` : 'No Odoo type';
  }
}

/** The long form of {@link sourceLabel}, for a tooltip. */
export function sourceExplanation(account: Pick<MappedAccount, 'source' | 'sourcePrefix' | 'accountType'>): string {
  switch (account.source) {
    case 'rule':
      return `Your mapping rule for codes starting with ${account.sourcePrefix ?? '?'}`;
    case 'inventory_role':
      return `Your inventory role for codes starting with ${account.sourcePrefix ?? '?'}`;
    case 'detected':
      return 'Detected as stock valuation: it carries the stock-output lines of invoices';
    case 'odoo_type':
      return `Odoo's account type ${account.accountType ?? ''}`;
    case 'none':
      return 'The reports do not know this account type; add a rule';
  }
}

/** A category's label, or a dash for none (balance-sheet side). */
export function categoryLabel(category: MappingCategory | null): string {
  return category ? MAPPING_CATEGORY_INFO[category].label : '—';
}

/** The category picker's options, grouped by whether they count in EBITDA. */
export function categoryOptions(): { group: string; items: { value: MappingCategory; label: string }[] }[] {
  const items = (inEbitda: boolean) =>
    MAPPING_CATEGORIES.filter((id) => MAPPING_CATEGORY_INFO[id].inEbitda === inEbitda).map((id) => ({ value: id, label: MAPPING_CATEGORY_INFO[id].label }));
  return [
    { group: 'In EBITDA', items: items(true) },
    { group: 'Below EBITDA', items: items(false) },
  ];
}
