/**
 * Static records of the demo group: companies, currencies, chart of accounts, journals,
 * sales teams, CRM stages, users, warehouses and locations. Customers, vendors and products
 * come from catalog.ts.
 */
import type { DemoTimeZone } from './calendar';
import type { KeyBucket } from './answer-key';
import type { SimRecord } from './types';

export const CURRENCY_IDS = { USD: 1, EUR: 126, GBP: 147 } as const;
export type CurrencyCode = keyof typeof CURRENCY_IDS;

export const CURRENCY_RECORDS: SimRecord[] = [
  { id: 1, name: 'USD', full_name: 'United States dollar', symbol: '$', rounding: 0.01, decimal_places: 2, position: 'before', active: true },
  { id: 126, name: 'EUR', full_name: 'Euro', symbol: '€', rounding: 0.01, decimal_places: 2, position: 'after', active: true },
  { id: 147, name: 'GBP', full_name: 'Pound sterling', symbol: '£', rounding: 0.01, decimal_places: 2, position: 'before', active: true },
];

export type AccountKey =
  | 'bank' | 'clearing_shopify' | 'clearing_stripe' | 'clearing_marketplace' | 'receivable' | 'stock'
  | 'vat_in' | 'fixed_assets' | 'acc_depreciation' | 'payable' | 'vat_out' | 'capital'
  | 'unaffected' | 'grni' | 'sales' | 'shipping_income' | 'ic_sales' | 'fx_gain' | 'cogs' | 'salaries'
  | 'rent' | 'marketing' | 'software' | 'fees' | 'freight' | 'depreciation' | 'fx_loss';

interface AccountTemplate {
  key: AccountKey;
  code: string;
  name: string;
  type: string;
  reconcile?: boolean;
  bucket: KeyBucket;
}

const CHART: AccountTemplate[] = [
  { key: 'bank', code: '101401', name: 'Bank', type: 'asset_cash', bucket: 'cash' },
  { key: 'clearing_shopify', code: '101402', name: 'Shopify Payments Clearing', type: 'asset_cash', bucket: 'cash' },
  { key: 'clearing_stripe', code: '101403', name: 'Stripe Clearing', type: 'asset_cash', bucket: 'cash' },
  { key: 'clearing_marketplace', code: '101404', name: 'Marketplace Clearing', type: 'asset_cash', bucket: 'cash' },
  { key: 'receivable', code: '121000', name: 'Account Receivable', type: 'asset_receivable', reconcile: true, bucket: 'receivable' },
  { key: 'stock', code: '110100', name: 'Stock Valuation', type: 'asset_current', bucket: 'inventory' },
  { key: 'vat_in', code: '131000', name: 'Tax Paid', type: 'asset_current', bucket: 'none' },
  { key: 'fixed_assets', code: '151000', name: 'Warehouse Equipment', type: 'asset_fixed', bucket: 'none' },
  { key: 'acc_depreciation', code: '151900', name: 'Accumulated Depreciation', type: 'asset_fixed', bucket: 'none' },
  { key: 'payable', code: '211000', name: 'Account Payable', type: 'liability_payable', reconcile: true, bucket: 'payable' },
  { key: 'vat_out', code: '251000', name: 'Tax Received', type: 'liability_current', bucket: 'none' },
  { key: 'grni', code: '252000', name: 'Stock Interim (Received)', type: 'liability_current', bucket: 'none' },
  { key: 'capital', code: '301000', name: 'Capital', type: 'equity', bucket: 'none' },
  { key: 'unaffected', code: '999999', name: 'Undistributed Profits/Losses', type: 'equity_unaffected', bucket: 'none' },
  { key: 'sales', code: '400000', name: 'Product Sales', type: 'income', bucket: 'income' },
  { key: 'shipping_income', code: '400100', name: 'Shipping Revenue', type: 'income', bucket: 'income' },
  { key: 'ic_sales', code: '400200', name: 'Intercompany Sales', type: 'income', bucket: 'income_ic' },
  { key: 'fx_gain', code: '441000', name: 'Foreign Exchange Gain', type: 'income_other', bucket: 'income_other' },
  { key: 'cogs', code: '500000', name: 'Cost of Goods Sold', type: 'expense_direct_cost', bucket: 'cogs' },
  { key: 'salaries', code: '600000', name: 'Salaries and Wages', type: 'expense', bucket: 'opex' },
  { key: 'rent', code: '610000', name: 'Rent and Warehouse Costs', type: 'expense', bucket: 'opex' },
  { key: 'marketing', code: '620000', name: 'Marketing', type: 'expense', bucket: 'opex' },
  { key: 'software', code: '630000', name: 'Software and IT', type: 'expense', bucket: 'opex' },
  { key: 'fees', code: '640000', name: 'Payment and Marketplace Fees', type: 'expense', bucket: 'opex' },
  { key: 'freight', code: '650000', name: 'Outbound Freight', type: 'expense', bucket: 'opex' },
  { key: 'depreciation', code: '680000', name: 'Depreciation', type: 'expense_depreciation', bucket: 'depreciation' },
  { key: 'fx_loss', code: '641000', name: 'Foreign Exchange Loss', type: 'expense_other', bucket: 'expense_other' },
];

export interface AccountInfo {
  id: number;
  key: AccountKey;
  bucket: KeyBucket;
}

export type JournalKey = 'sale' | 'purchase' | 'misc' | 'bank' | 'shopify' | 'stripe' | 'marketplace' | 'exchange';

export interface JournalInfo {
  id: number;
  code: string;
  /** Move-name pattern: yearly (INV/2026/00001) or monthly (BILL/2026/11/0001). */
  monthly: boolean;
}

export interface CompanyInfo {
  /** 0-based position in the group (answer-key arrays). */
  index: number;
  id: number;
  name: string;
  currency: CurrencyCode;
  currencyId: number;
  tz: DemoTimeZone;
  partnerId: number;
  /** VAT rate in basis points (1900 = 19 %). */
  taxBp: number;
  fiscalLastMonth: number;
  accounts: Record<AccountKey, AccountInfo>;
  journals: Record<JournalKey, JournalInfo>;
  stockLocationIds: number[];
  warehouseIds: number[];
}

interface CompanySeed {
  id: number;
  name: string;
  currency: CurrencyCode;
  tz: DemoTimeZone;
  taxBp: number;
  fiscalLastMonth: number;
  vat: string;
  city: string;
  warehouses: { name: string; code: string }[];
}

const COMPANY_SEEDS: CompanySeed[] = [
  { id: 1, name: 'Brightline Industrial GmbH', currency: 'EUR', tz: 'Europe/Berlin', taxBp: 1900, fiscalLastMonth: 12, vat: 'DE814736251', city: 'Hamburg',
    warehouses: [{ name: 'Hamburg Central', code: 'HAM' }, { name: 'Munich South', code: 'MUC' }] },
  { id: 2, name: 'Brightline Industrial Ltd', currency: 'GBP', tz: 'Europe/London', taxBp: 2000, fiscalLastMonth: 3, vat: 'GB293847561', city: 'Manchester',
    warehouses: [{ name: 'Manchester', code: 'MAN' }] },
  { id: 3, name: 'Brightline Industrial Inc.', currency: 'USD', tz: 'America/New_York', taxBp: 0, fiscalLastMonth: 12, vat: '', city: 'Newark',
    warehouses: [{ name: 'Newark', code: 'EWR' }] },
];

export const TEAM_NAMES = { direct: 'Direct Sales', web: 'Web Shop', marketplace: 'Marketplace' } as const;
export const TEAM_IDS = { direct: 1, web: 2, marketplace: 3 } as const;
export const STAGES = [
  { id: 1, name: 'New', sequence: 1, is_won: false, probability: 10 },
  { id: 2, name: 'Qualified', sequence: 2, is_won: false, probability: 30 },
  { id: 3, name: 'Proposition', sequence: 3, is_won: false, probability: 60 },
  { id: 4, name: 'Won', sequence: 70, is_won: true, probability: 100 },
] as const;
/** Salespeople; ids start at 10 so the simulator's own users (admin = 2, reader = 7) stay free. */
export const SALESPEOPLE = [
  { id: 10, name: 'Mara Lindqvist' }, { id: 11, name: 'Tobias Brenner' }, { id: 12, name: 'Priya Raman' },
  { id: 13, name: 'Oliver Hartley' }, { id: 14, name: 'Dana Whitfield' },
];
/** Shared stock locations (company_id false), with Odoo's usual names. */
export const LOCATIONS = { vendors: 1, customers: 2, inventory: 3, transit: 4 } as const;

export interface MasterData {
  companies: CompanyInfo[];
  records: Map<string, SimRecord[]>;
}

/** Builds the static records. `createdAt` is the Odoo datetime stamped on them. */
export function buildMasterData(includeUsd: boolean, createdAt: string): MasterData {
  const records = new Map<string, SimRecord[]>();
  const add = (model: string, record: SimRecord): void => {
    record.create_date ??= createdAt;
    record.write_date ??= createdAt;
    const list = records.get(model) ?? [];
    list.push(record);
    records.set(model, list);
  };
  for (const currency of CURRENCY_RECORDS) add('res.currency', { ...currency });
  add('uom.uom', { id: 1, name: 'Units', active: true });
  const seeds = includeUsd ? COMPANY_SEEDS : COMPANY_SEEDS.slice(0, 2);

  let accountId = 1;
  let journalId = 1;
  let locationId = 10;
  let warehouseId = 1;
  for (const [name, id, usage, parent] of [
    ['Vendors', LOCATIONS.vendors, 'supplier', false], ['Customers', LOCATIONS.customers, 'customer', false],
    ['Inventory adjustment', LOCATIONS.inventory, 'inventory', false], ['Inter-company transit', LOCATIONS.transit, 'transit', false],
  ] as const) {
    add('stock.location', { id, name, complete_name: name, usage, location_id: parent, company_id: false, warehouse_id: false, parent_path: `${id}/`, active: true });
  }

  const companies: CompanyInfo[] = seeds.map((seed, index) => {
    const partnerId = seed.id;
    add('res.partner', {
      id: partnerId, name: seed.name, display_name: seed.name, is_company: true, parent_id: false, commercial_partner_id: partnerId,
      type: 'contact', email: `accounts@${seed.currency.toLowerCase()}.brightline.example`, vat: seed.vat || false, city: seed.city,
      company_id: false, customer_rank: 0, supplier_rank: 0, active: true,
    });
    add('res.company', {
      id: seed.id, name: seed.name, currency_id: CURRENCY_IDS[seed.currency], parent_id: false, partner_id: partnerId,
      fiscalyear_last_month: String(seed.fiscalLastMonth), fiscalyear_last_day: 31, vat: seed.vat || false, active: true, sequence: index,
    });
    const accounts = {} as Record<AccountKey, AccountInfo>;
    for (const t of CHART) {
      const id = accountId++;
      accounts[t.key] = { id, key: t.key, bucket: t.bucket };
      add('account.account', {
        id, code: t.code, name: t.name, account_type: t.type, company_ids: [seed.id], currency_id: false,
        reconcile: t.reconcile ?? false, non_trade: false, active: true,
      });
    }
    const journals = {} as Record<JournalKey, JournalInfo>;
    const journalSeeds: [JournalKey, string, string, string, AccountKey | null, boolean][] = [
      ['sale', 'Customer Invoices', 'INV', 'sale', 'sales', false], ['purchase', 'Vendor Bills', 'BILL', 'purchase', null, true],
      ['misc', 'Miscellaneous Operations', 'MISC', 'general', null, true], ['bank', 'Bank', 'BNK1', 'bank', 'bank', false],
      ['shopify', 'Shopify Payments', 'SHOP', 'bank', 'clearing_shopify', false], ['stripe', 'Stripe', 'STRP', 'bank', 'clearing_stripe', false],
      ['marketplace', 'Marketplace', 'MKT', 'bank', 'clearing_marketplace', false], ['exchange', 'Exchange Difference', 'EXCH', 'general', null, true],
    ];
    for (const [key, name, code, type, account, monthly] of journalSeeds) {
      const id = journalId++;
      journals[key] = { id, code, monthly };
      add('account.journal', {
        id, name, code, type, company_id: seed.id, currency_id: false, default_account_id: account ? accounts[account].id : false,
        suspense_account_id: false, active: true, sequence: id,
      });
    }
    const stockLocationIds: number[] = [];
    const warehouseIds: number[] = [];
    for (const wh of seed.warehouses) {
      const viewId = locationId++;
      const stockId = locationId++;
      const whId = warehouseId++;
      add('stock.location', { id: viewId, name: wh.code, complete_name: wh.code, usage: 'view', location_id: false, company_id: seed.id, warehouse_id: whId, parent_path: `${viewId}/`, active: true });
      add('stock.location', { id: stockId, name: 'Stock', complete_name: `${wh.code}/Stock`, display_name: `${wh.code}/Stock`, usage: 'internal', location_id: viewId, company_id: seed.id, warehouse_id: whId, parent_path: `${viewId}/${stockId}/`, active: true });
      add('stock.warehouse', { id: whId, name: wh.name, code: wh.code, company_id: seed.id, partner_id: partnerId, view_location_id: viewId, lot_stock_id: stockId, active: true });
      stockLocationIds.push(stockId);
      warehouseIds.push(whId);
    }
    return {
      index, id: seed.id, name: seed.name, currency: seed.currency, currencyId: CURRENCY_IDS[seed.currency], tz: seed.tz,
      partnerId, taxBp: seed.taxBp, fiscalLastMonth: seed.fiscalLastMonth, accounts, journals, stockLocationIds, warehouseIds,
    };
  });

  for (const [key, name] of Object.entries(TEAM_NAMES) as [keyof typeof TEAM_NAMES, string][]) {
    add('crm.team', { id: TEAM_IDS[key], name, company_id: false, user_id: SALESPEOPLE[TEAM_IDS[key] - 1]!.id, active: true, use_leads: key === 'direct', use_opportunities: true, sequence: TEAM_IDS[key] });
  }
  for (const stage of STAGES) add('crm.stage', { id: stage.id, name: stage.name, sequence: stage.sequence, is_won: stage.is_won, fold: false, team_ids: [] });
  for (const person of SALESPEOPLE) {
    add('res.users', { id: person.id, name: person.name, login: `${person.name.split(' ')[0]!.toLowerCase()}@brightline.example`, company_id: 1, company_ids: companies.map((c) => c.id), active: true });
  }
  return { companies, records };
}
