import { z } from 'zod';
import { BS_CLASSES, PNL_CATEGORIES } from '../../reports/account-classes';
import { CurrencyCodeSchema, MonthKeySchema } from '../../reports/types';
import { defineContract } from '../define';

/** P&L categories an account can be mapped to: the reporting engine's own list. */
export const MAPPING_CATEGORIES = PNL_CATEGORIES;

/** Schema of a P&L category id. */
export const MappingCategorySchema = z.enum(MAPPING_CATEGORIES);
/** One of {@link MAPPING_CATEGORIES}. */
export type MappingCategory = z.infer<typeof MappingCategorySchema>;

/** What a finance person reads for each category, and whether it counts in EBITDA. */
export const MAPPING_CATEGORY_INFO: Record<MappingCategory, { label: string; inEbitda: boolean; description: string }> = {
  revenue: { label: 'Revenue', inEbitda: true, description: 'Net revenue (sales, shipping charged).' },
  cogs: { label: 'Cost of goods sold', inEbitda: true, description: 'Direct cost of what was sold.' },
  opex: { label: 'Operating expenses', inEbitda: true, description: 'Salaries, rent, marketing, software…' },
  marketplace_fees: { label: 'Marketplace fees', inEbitda: true, description: 'Fees charged by marketplaces and payment providers; in EBITDA, shown on their own line.' },
  other_income: { label: 'Other income', inEbitda: false, description: 'Non-operating income.' },
  other_expense: { label: 'Other expenses', inEbitda: false, description: 'Non-operating expenses not covered by a more precise category.' },
  depreciation: { label: 'Depreciation and amortisation', inEbitda: false, description: 'The D and A of EBITDA.' },
  interest: { label: 'Interest', inEbitda: false, description: 'Interest paid and received, bank loan costs.' },
  income_tax: { label: 'Income tax', inEbitda: false, description: 'Corporate income tax.' },
  fx: { label: 'FX gains/losses', inEbitda: false, description: 'Realised and unrealised exchange differences.' },
  excluded: { label: 'Excluded from EBITDA', inEbitda: false, description: 'One-off or non-operating items kept out of EBITDA (still in the net result).' },
};

/** Balance-sheet classes: the reporting engine's own list. */
export const BS_CLASS_IDS = BS_CLASSES;

/** Schema of a balance-sheet class id. */
export const BsClassSchema = z.enum(BS_CLASS_IDS);
/** One of {@link BS_CLASS_IDS}. */
export type BsClassId = z.infer<typeof BsClassSchema>;

/** Labels of the balance-sheet classes. */
export const BS_CLASS_LABELS: Record<BsClassId, string> = {
  cash: 'Cash and bank',
  receivables: 'Trade receivables',
  inventory: 'Inventory',
  other_current_assets: 'Other current assets',
  non_current_assets: 'Non-current assets',
  payables: 'Trade payables',
  other_current_liabilities: 'Other current liabilities',
  non_current_liabilities: 'Non-current liabilities',
  equity: 'Equity',
  off_balance: 'Off balance',
};

/** An account code prefix: letters, digits and dots (e.g. `641`, `6.4`), matched against the start of account codes. */
export const CodePrefixSchema = z
  .string()
  .trim()
  .min(1, 'Enter an account code prefix, e.g. 641')
  .max(32, 'A code prefix has at most 32 characters')
  .regex(/^[A-Za-z0-9.]+$/, 'Use letters, digits and dots only, e.g. 641 or 6.4');

const CompanyIdSchema = z.number().int().positive();
const NoteSchema = z.string().trim().max(500, 'A note has at most 500 characters');

/**
 * Where an account's category comes from: its Odoo account type, one of the user's rules (prefix in
 * `sourcePrefix`), the user's inventory role, inventory detection from stock-output lines, or nothing
 * (an account type the reports do not know).
 */
export const MappingSourceSchema = z.enum(['odoo_type', 'rule', 'inventory_role', 'detected', 'none']);

/** One account of the chart as the reports treat it. */
export const MappedAccountSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  /** Odoo's account_type (e.g. `expense_other`); null when the cache has none. */
  accountType: z.string().nullable(),
  /** P&L category (income/expense accounts), null for balance-sheet accounts. */
  category: MappingCategorySchema.nullable(),
  /** Balance-sheet class, null for P&L accounts. */
  bsClass: BsClassSchema.nullable(),
  source: MappingSourceSchema,
  /** The rule's or role's code prefix when `source` is `rule` or `inventory_role`. */
  sourcePrefix: z.string().nullable(),
  /** The account type mixes EBITDA and non-EBITDA items and no rule covers it. */
  needsMapping: z.boolean(),
  /** Posted balance over `window` (debit positive), integer minor units of the company currency. */
  balance: z.number().int(),
});
/** See {@link MappedAccountSchema}. */
export type MappedAccount = z.infer<typeof MappedAccountSchema>;

/** One user rule: code prefix → P&L category (the longest matching prefix wins). */
export const MappingRuleSchema = z.object({
  codePrefix: z.string(),
  category: MappingCategorySchema,
  note: z.string().nullable(),
  updatedAt: z.string(),
  /** P&L accounts this rule decides (a longer rule or a balance-sheet type takes the others). */
  accountCount: z.number().int(),
});
/** See {@link MappingRuleSchema}. */
export type MappingRule = z.infer<typeof MappingRuleSchema>;

/** One inventory role: asset_current accounts under this prefix hold stock (inventory value, days of supply). */
export const InventoryRoleSchema = z.object({
  codePrefix: z.string(),
  note: z.string().nullable(),
  updatedAt: z.string(),
  accountCount: z.number().int(),
});
/** See {@link InventoryRoleSchema}. */
export type InventoryRole = z.infer<typeof InventoryRoleSchema>;

/** A company's chart with what the reports make of it, its rules and roles, and the category list. */
export const MappingListingSchema = z.object({
  companyId: z.number().int(),
  companyName: z.string(),
  currency: CurrencyCodeSchema,
  /** The 12 months the balances cover (ending with the last month that has posted entries, at most the current month); null without entries. */
  window: z.object({ from: MonthKeySchema, to: MonthKeySchema }).nullable(),
  accounts: z.array(MappedAccountSchema),
  rules: z.array(MappingRuleSchema),
  inventoryRoles: z.array(InventoryRoleSchema),
  /** Where the inventory accounts come from: the user's roles, detection, or none found. */
  inventorySource: z.enum(['mapping', 'detected', 'none']),
  categories: z.array(z.object({ id: MappingCategorySchema, label: z.string(), inEbitda: z.boolean(), description: z.string() })),
});
/** See {@link MappingListingSchema}. */
export type MappingListing = z.infer<typeof MappingListingSchema>;

/** One account a rule would move. */
export const MappingChangeSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  from: MappingCategorySchema.nullable(),
  to: MappingCategorySchema.nullable(),
  balance: z.number().int(),
});

/** What saving a rule would do, before it is saved. */
export const MappingPreviewSchema = z.object({
  codePrefix: z.string(),
  category: MappingCategorySchema,
  currency: CurrencyCodeSchema,
  /** Accounts whose category would change. */
  changes: z.array(MappingChangeSchema),
  /** P&L accounts the rule would decide that already have this category. */
  unchanged: z.number().int(),
  /** Accounts under the prefix that a longer rule decides (the longest prefix wins). */
  shadowedByLongerRule: z.number().int(),
  /** Balance-sheet accounts under the prefix: a P&L rule never moves them. */
  balanceSheetIgnored: z.number().int(),
  /** Change of EBITDA over the listing's window (minor units): positive when EBITDA would rise. */
  ebitdaDelta: z.number().int(),
});
/** See {@link MappingPreviewSchema}. */
export type MappingPreview = z.infer<typeof MappingPreviewSchema>;

/** The account-mapping editor: which P&L category or balance-sheet class every account feeds, and the user's rules. */
export const mappingContract = defineContract({
  /** The company's chart as classified now, with 12-month balances, rules, inventory roles and categories. */
  'mapping.listAccounts': {
    input: z.object({ companyId: CompanyIdSchema }).strict(),
    output: MappingListingSchema,
  },
  /** Adds or replaces the rule for a code prefix; returns the refreshed listing. */
  'mapping.saveRule': {
    input: z.object({ companyId: CompanyIdSchema, codePrefix: CodePrefixSchema, category: MappingCategorySchema, note: NoteSchema.optional() }).strict(),
    output: MappingListingSchema,
  },
  /** Removes the rule for a code prefix (not_found when there is none); returns the refreshed listing. */
  'mapping.removeRule': {
    input: z.object({ companyId: CompanyIdSchema, codePrefix: CodePrefixSchema }).strict(),
    output: MappingListingSchema,
  },
  /** Marks asset_current accounts under a prefix as inventory (turns detection off for the company). */
  'mapping.saveInventoryRole': {
    input: z.object({ companyId: CompanyIdSchema, codePrefix: CodePrefixSchema, note: NoteSchema.optional() }).strict(),
    output: MappingListingSchema,
  },
  /** Removes an inventory role (detection comes back when no role is left). */
  'mapping.removeInventoryRole': {
    input: z.object({ companyId: CompanyIdSchema, codePrefix: CodePrefixSchema }).strict(),
    output: MappingListingSchema,
  },
  /** Which accounts a rule would move, and by how much EBITDA would change, without saving. */
  'mapping.preview': {
    input: z.object({ companyId: CompanyIdSchema, codePrefix: CodePrefixSchema, category: MappingCategorySchema }).strict(),
    output: MappingPreviewSchema,
  },
});
