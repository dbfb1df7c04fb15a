/**
 * Master data of the small hand-made dataset: two companies (EUR and GBP) shaped like the fixtures'
 * demo database (currency ids 1 USD / 126 EUR / 147 GBP), rates, accounts, journals, partners,
 * products, CRM, and stock locations.
 */
import type { SeedBuilder } from './builder';

export const USD = 1;
export const EUR = 126;
export const GBP = 147;
export const SALES_TEAM = 1;
export const ADMIN_UID = 2;

export interface CompanySeed {
  id: number;
  name: string;
  currency: number;
  taxRate: number;
  accounts: { receivable: number; payable: number; bank: number; outstanding: number; sales: number; expense: number; cogs: number; tax: number; equity: number; stock: number };
  journals: { sale: number; purchase: number; bank: number; misc: number };
  warehouseStock: number;
}

function accountsFor(b: SeedBuilder, company: number, currency: number): CompanySeed['accounts'] {
  const add = (code: string, name: string, type: string, reconcile = false) =>
    b.add('account.account', {
      name, code, [`code@${company}`]: code, account_type: type, reconcile, active: true, deprecated: false,
      company_ids: [company], company_id: company, currency_id: type === 'asset_cash' ? currency : false,
      internal_group: type.split('_')[0], non_trade: false, display_name: `${code} ${name}`,
    });
  return {
    bank: add('101401', 'Bank', 'asset_cash'),
    outstanding: add('101402', 'Outstanding Receipts', 'asset_current', true),
    receivable: add('121000', 'Account Receivable', 'asset_receivable', true),
    stock: add('110100', 'Stock Valuation', 'asset_current'),
    payable: add('211000', 'Account Payable', 'liability_payable', true),
    tax: add('251000', 'Tax Payable', 'liability_current'),
    equity: add('300000', 'Capital', 'equity'),
    sales: add('400000', 'Product Sales', 'income'),
    cogs: add('500000', 'Cost of Goods Sold', 'expense_direct_cost'),
    expense: add('600000', 'Expenses', 'expense'),
  };
}

function journalsFor(b: SeedBuilder, company: number, a: CompanySeed['accounts']): CompanySeed['journals'] {
  const add = (name: string, code: string, type: string, account: number | false, sequence: number) =>
    b.add('account.journal', { name, code, type, company_id: company, currency_id: false, default_account_id: account, suspense_account_id: false, active: true, sequence });
  return {
    sale: add('Customer Invoices', 'INV', 'sale', a.sales, 5),
    purchase: add('Vendor Bills', 'BILL', 'purchase', a.expense, 6),
    bank: add('Bank', 'BNK1', 'bank', a.bank, 10),
    misc: add('Miscellaneous Operations', 'MISC', 'general', false, 9),
  };
}

export function seedMasterData(b: SeedBuilder): CompanySeed[] {
  b.add('res.currency', { name: 'USD', symbol: '$', full_name: 'United States dollar', rounding: 0.01, decimal_places: 2, position: 'before', active: true }, USD);
  b.add('res.currency', { name: 'EUR', symbol: '€', full_name: 'Euro', rounding: 0.01, decimal_places: 2, position: 'after', active: true }, EUR);
  b.add('res.currency', { name: 'GBP', symbol: '£', full_name: 'British pound', rounding: 0.01, decimal_places: 2, position: 'before', active: true }, GBP);
  b.add('res.country', { name: 'Belgium', code: 'BE', currency_id: EUR }, 21);
  b.add('res.country', { name: 'United Kingdom', code: 'GB', currency_id: GBP }, 233);

  const companies: Array<Omit<CompanySeed, 'accounts' | 'journals' | 'warehouseStock'> & { country: number }> = [
    { id: 1, name: 'Boardpack Demo BV', currency: EUR, taxRate: 0.21, country: 21 },
    { id: 2, name: 'Boardpack UK Ltd', currency: GBP, taxRate: 0.2, country: 233 },
  ];
  for (const c of companies) {
    b.add('res.partner', { name: c.name, complete_name: c.name, is_company: true, company_id: false, country_id: c.country, active: true, customer_rank: 0, supplier_rank: 0, type: 'contact', email: false, vat: false, ref: false, parent_id: false, commercial_partner_id: c.id }, c.id);
    b.add('res.company', { name: c.name, currency_id: c.currency, partner_id: c.id, country_id: c.country, active: true, sequence: c.id * 10, parent_id: false, child_ids: [], parent_path: `${c.id}/`, fiscalyear_last_month: '12', fiscalyear_last_day: 31, account_fiscal_country_id: c.country }, c.id);
  }
  // Rates on the first of each month of 2026: units of foreign currency per 1 company currency.
  for (let month = 1; month <= 11; month++) {
    const day = `2026-${String(month).padStart(2, '0')}-01`;
    const drift = (month - 6) * 0.002;
    b.add('res.currency.rate', { name: day, currency_id: USD, company_id: 1, rate: Number((1.09 + drift).toFixed(6)) });
    b.add('res.currency.rate', { name: day, currency_id: GBP, company_id: 1, rate: Number((0.85 + drift / 2).toFixed(6)) });
    b.add('res.currency.rate', { name: day, currency_id: USD, company_id: 2, rate: Number((1.27 + drift).toFixed(6)) });
    b.add('res.currency.rate', { name: day, currency_id: EUR, company_id: 2, rate: Number((1.17 - drift / 2).toFixed(6)) });
  }

  const customers = ['Azure Interior', 'Deco Addict', 'Gemini Furniture', 'Lumber Inc', 'Ready Mat', 'Wood Corner'];
  customers.forEach((name, i) =>
    b.add('res.partner', { name, complete_name: name, is_company: true, company_id: false, country_id: i % 2 ? 233 : 21, active: true, customer_rank: 1, supplier_rank: 0, type: 'contact', email: `${name.split(' ')[0].toLowerCase()}@example.com`, vat: false, ref: false, parent_id: false }, 10 + i),
  );
  b.add('res.partner', { name: 'Office Supplies Co', complete_name: 'Office Supplies Co', is_company: true, company_id: false, country_id: 21, active: true, customer_rank: 0, supplier_rank: 1, type: 'contact', email: false, vat: false, ref: false, parent_id: false }, 20);
  b.add('res.partner', { name: 'Old Customer (archived)', complete_name: 'Old Customer (archived)', is_company: true, company_id: 1, country_id: 21, active: false, customer_rank: 1, supplier_rank: 0, type: 'contact', email: false, vat: false, ref: false, parent_id: false }, 21);
  for (const p of b.dataset.table('res.partner')) p.commercial_partner_id = p.id;

  b.add('uom.uom', { name: 'Units', active: true, relative_factor: 1, relative_uom_id: false, factor: 1, rounding: 0.01, sequence: 1 }, 1);
  b.add('product.category', { name: 'All', complete_name: 'All', parent_id: false, parent_path: '1/' }, 1);
  b.add('product.category', { name: 'Furniture', complete_name: 'All / Furniture', parent_id: 1, parent_path: '1/2/' }, 2);
  const products: Array<[string, string, string, boolean, number, number]> = [
    ['Large Meeting Table', 'FURN_6741', 'consu', true, 4000, 2500],
    ['Four Person Desk', 'FURN_8220', 'consu', true, 2350, 1400],
    ['Office Chair', 'FURN_7777', 'consu', true, 120, 70],
    ['Design Consulting (hour)', 'SERV_0001', 'service', false, 95, 0],
  ];
  products.forEach(([name, code, type, storable, price, cost], i) => {
    const tmpl = b.add('product.template', { name, default_code: code, type, detailed_type: storable ? 'product' : type, is_storable: storable, list_price: price, standard_price: cost, categ_id: storable ? 2 : 1, uom_id: 1, company_id: false, active: true, sale_ok: true, purchase_ok: true, is_favorite: false }, i + 1);
    b.add('product.product', { product_tmpl_id: tmpl, default_code: code, barcode: false, standard_price: cost, 'standard_price@2': Math.round(cost * 0.86), active: true, display_name: `[${code}] ${name}`, name }, i + 1);
    b.link('product.template', tmpl, 'product_variant_ids', i + 1);
  });

  b.add('crm.team', { name: 'Sales', company_id: false, user_id: 2, active: true, use_leads: true, use_opportunities: true, sequence: 10 }, SALES_TEAM);
  [['New', 1, false], ['Qualified', 2, false], ['Proposition', 3, false], ['Won', 70, true]].forEach(([name, sequence, won]) =>
    b.add('crm.stage', { name: String(name), sequence: Number(sequence), is_won: won === true, fold: false, team_ids: [], team_id: false }),
  );

  const shared = {
    partnerLocations: b.add('stock.location', { name: 'Partners', complete_name: 'Partners', usage: 'view', location_id: false, company_id: false, active: true }),
    customers: 0,
    inventory: 0,
  };
  shared.customers = b.add('stock.location', { name: 'Customers', complete_name: 'Partners/Customers', usage: 'customer', location_id: shared.partnerLocations, company_id: false, active: true });
  shared.inventory = b.add('stock.location', { name: 'Inventory adjustment', complete_name: 'Virtual Locations/Inventory adjustment', usage: 'inventory', location_id: false, company_id: false, active: true });

  return companies.map((c) => {
    const accounts = accountsFor(b, c.id, c.currency);
    const journals = journalsFor(b, c.id, accounts);
    const code = c.currency === EUR ? 'BE' : 'UK';
    const view = b.add('stock.location', { name: code, complete_name: code, usage: 'view', location_id: false, company_id: c.id, active: true });
    const stock = b.add('stock.location', { name: 'Stock', complete_name: `${code}/Stock`, usage: 'internal', location_id: view, company_id: c.id, active: true });
    b.add('stock.warehouse', { name: `${c.name} Warehouse`, code, company_id: c.id, view_location_id: view, lot_stock_id: stock, partner_id: c.id, active: true, sequence: c.id });
    return { id: c.id, name: c.name, currency: c.currency, taxRate: c.taxRate, accounts, journals, warehouseStock: stock };
  });
}

/** The customer location shared by both companies' deliveries. */
export const CUSTOMER_LOCATION_NAME = 'Partners/Customers';
