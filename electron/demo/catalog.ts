/**
 * Products, categories, customers and vendors of the demo group, drawn from the seeded PRNG.
 */
import type { Rng } from './prng';
import type { SimRecord } from './types';
import type { CompanyInfo } from './master-data';
import { unitCost } from './stock';

const CATEGORIES = [
  { code: 'FAS', name: 'Fasteners', items: ['Hex Bolt M8 Box', 'Wing Nut M6 Pack', 'Anchor Bolt Set', 'Threaded Rod M10', 'Rivet Assortment'] },
  { code: 'TLS', name: 'Hand Tools', items: ['Torque Wrench 1/2"', 'Socket Set 94pc', 'Pipe Wrench 18"', 'Hex Key Set', 'Ratchet Spanner Set'] },
  { code: 'SAF', name: 'Safety Equipment', items: ['Safety Helmet EN397', 'Cut Resistant Gloves', 'Ear Defenders 32dB', 'Hi-Vis Vest', 'Safety Goggles'] },
  { code: 'HYD', name: 'Hydraulics', items: ['Hydraulic Hose 1m', 'Quick Coupler 3/8"', 'Gear Pump 8cc', 'Pressure Gauge 250bar', 'Directional Valve'] },
  { code: 'ELE', name: 'Electrical', items: ['Cable Reel 25m', 'Industrial Plug 32A', 'LED Work Light', 'Contactor 24V', 'Cable Ties 500pk'] },
  { code: 'PNE', name: 'Pneumatics', items: ['Air Hose 10m', 'Filter Regulator', 'Pneumatic Cylinder 50mm', 'Push-in Fitting Kit', 'Solenoid Valve 5/2'] },
];

export interface Product {
  id: number;
  sku: string;
  name: string;
  /** Cost in EUR cents (the parent's standard cost). */
  costEur: number;
  /** List price in EUR cents, excluding VAT. */
  priceEur: number;
  /** Popularity weight for order lines. */
  weight: number;
}

export interface Customer {
  id: number;
  name: string;
  email: string;
  companyIndex: number;
  /** Probability the customer pays late, and how late (days). */
  lateProbability: number;
  lateDays: number;
  paymentTermDays: number;
  /** Document currency for direct invoices, when not the company currency. */
  foreignCurrency: 'EUR' | 'GBP' | 'USD' | null;
}

export interface Catalog {
  products: Product[];
  /** Cumulative popularity weights, for Rng.cumulativeIndex. */
  productWeights: Float64Array;
  shippingProductId: number;
  customers: Customer[][];
  shopCustomers: Customer[];
  vendors: { id: number; name: string }[];
  marketplacePartnerId: number;
  records: Map<string, SimRecord[]>;
  duplicates: { partner_ids: number[]; reason: string }[];
}

const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Elif', 'Finn', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Lars', 'Maya', 'Nils', 'Olga', 'Paul', 'Rosa', 'Sven', 'Tara', 'Umar'];
const LAST = ['Becker', 'Clarke', 'Dunn', 'Engel', 'Fischer', 'Grant', 'Hofmann', 'Iqbal', 'Jansen', 'Keller', 'Lowe', 'Meyer', 'Novak', 'Owens', 'Price', 'Richter', 'Shaw', 'Vogel', 'Walsh', 'Young'];
const TRADE = ['Machining', 'Fabrication', 'Engineering', 'Plant Services', 'Automation', 'Maintenance', 'Tooling', 'Hydraulics', 'Construction', 'Facilities'];
const PLACE = ['Nord', 'Rhein', 'Elbe', 'Alpen', 'Pennine', 'Thames', 'Severn', 'Hudson', 'Main', 'Weser', 'Tyne', 'Danube', 'Clyde', 'Isar', 'Trent'];
const SUFFIX: Record<string, string[]> = { EUR: ['GmbH', 'AG', 'KG', 'B.V.'], GBP: ['Ltd', 'plc', 'Ltd'], USD: ['Inc.', 'LLC', 'Corp.'] };

export function buildCatalog(rng: Rng, companies: CompanyInfo[], productCount: number, customersPerCompany: number, shopCustomerCount: number, vendorCount: number, createdAt: string): Catalog {
  const records = new Map<string, SimRecord[]>();
  const add = (model: string, record: SimRecord): void => {
    record.create_date ??= createdAt;
    record.write_date ??= createdAt;
    const list = records.get(model) ?? [];
    list.push(record);
    records.set(model, list);
  };
  add('product.category', { id: 1, name: 'All', complete_name: 'All', parent_id: false });
  CATEGORIES.forEach((c, i) => add('product.category', { id: i + 2, name: c.name, complete_name: `All / ${c.name}`, display_name: `All / ${c.name}`, parent_id: 1 }));
  add('product.category', { id: 20, name: 'Services', complete_name: 'All / Services', display_name: 'All / Services', parent_id: 1 });

  const products: Product[] = [];
  for (let i = 0; i < productCount; i++) {
    const categoryIndex = i % CATEGORIES.length;
    const category = CATEGORIES[categoryIndex]!;
    const base = category.items[Math.floor(i / CATEGORIES.length) % category.items.length]!;
    const series = Math.floor(i / (CATEGORIES.length * category.items.length));
    const id = i + 1;
    const sku = `BL-${category.code}-${String(1000 + i)}`;
    const name = series === 0 ? base : `${base} Gen ${series + 1}`;
    const costEur = rng.int(4, 380) * 100 + rng.int(0, 99);
    const priceEur = Math.round(costEur * (1.45 + rng.next() * 0.6) / 10) * 10;
    const product: Product = { id, sku, name, costEur, priceEur, weight: 1 + rng.next() * 4 };
    products.push(product);
    // standard_price is company-dependent in Odoo: the simulator reads `standard_price@<company id>`.
    const perCompany = Object.fromEntries(companies.map((c) => [`standard_price@${c.id}`, unitCost(c, product) / 100]));
    const common = { default_code: sku, name, type: 'consu', is_storable: true, categ_id: categoryIndex + 2, uom_id: 1, list_price: priceEur / 100, standard_price: costEur / 100, company_id: false, active: true, sale_ok: true, purchase_ok: true };
    add('product.template', { id, ...common, product_variant_ids: [id] });
    add('product.product', { id, ...common, ...perCompany, product_tmpl_id: id, display_name: `[${sku}] ${name}`, barcode: false });
  }
  const shippingProductId = productCount + 1;
  const shipping = { default_code: 'SHIP', name: 'Shipping', type: 'service', is_storable: false, categ_id: 20, uom_id: 1, list_price: 0, standard_price: 0, company_id: false, active: true, sale_ok: true, purchase_ok: false };
  add('product.template', { id: shippingProductId, ...shipping, product_variant_ids: [shippingProductId] });
  add('product.product', { id: shippingProductId, ...shipping, product_tmpl_id: shippingProductId, display_name: '[SHIP] Shipping', barcode: false });

  let partnerId = 10;
  const addPartner = (name: string, email: string, companyId: number | false, customer: boolean, supplier: boolean, vat: string | false): number => {
    const id = partnerId++;
    add('res.partner', { id, name, display_name: name, is_company: true, parent_id: false, commercial_partner_id: id, type: 'contact', email, vat, company_id: companyId, customer_rank: customer ? 1 : 0, supplier_rank: supplier ? 1 : 0, active: true });
    const contactId = partnerId++;
    const contact = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    add('res.partner', { id: contactId, name: contact, display_name: `${name}, ${contact}`, is_company: false, parent_id: id, commercial_partner_id: id, type: 'contact', email: `${contact.split(' ')[0]!.toLowerCase()}@${email.split('@')[1]}`, vat: false, company_id: companyId, customer_rank: 0, supplier_rank: 0, active: true });
    return id;
  };
  const companyName = (currency: string, n: number): string => `${PLACE[n % PLACE.length]} ${TRADE[Math.floor(n / PLACE.length) % TRADE.length]}${n >= PLACE.length * TRADE.length ? ` ${Math.floor(n / (PLACE.length * TRADE.length)) + 1}` : ''} ${SUFFIX[currency]![n % SUFFIX[currency]!.length]}`;
  const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

  const customers: Customer[][] = companies.map((company) => {
    const list: Customer[] = [];
    for (let n = 0; n < customersPerCompany; n++) {
      const foreign = n % 9 === 4;
      const currency = foreign ? (company.currency === 'EUR' ? 'GBP' : 'EUR') : company.currency;
      const name = companyName(currency, n + company.index * 7);
      const email = `ap@${slug(name)}.example`;
      const id = addPartner(name, email, false, true, false, `${currency === 'GBP' ? 'GB' : currency === 'USD' ? 'US' : 'DE'}${100000000 + n * 7919 + company.index}`);
      const late = rng.next();
      list.push({ id, name, email, companyIndex: company.index, lateProbability: late < 0.2 ? 0.7 : late < 0.5 ? 0.2 : 0.03, lateDays: late < 0.2 ? rng.int(25, 110) : rng.int(3, 20), paymentTermDays: rng.pick([14, 30, 30, 30, 45, 60]), foreignCurrency: foreign ? (currency as 'EUR' | 'GBP') : null });
    }
    return list;
  });
  const shopCustomers: Customer[] = [];
  for (let n = 0; n < shopCustomerCount; n++) {
    const name = `${rng.pick(LAST)} ${rng.pick(TRADE)} ${n % 2 === 0 ? 'GmbH' : 'Ltd'}`;
    const email = `orders${n}@${slug(name)}.example`;
    const id = addPartner(name, email, false, true, false, false);
    shopCustomers.push({ id, name, email, companyIndex: 0, lateProbability: 0, lateDays: 0, paymentTermDays: 0, foreignCurrency: null });
  }
  const vendors: { id: number; name: string }[] = [];
  for (let n = 0; n < vendorCount; n++) {
    const name = `${PLACE[(n * 3) % PLACE.length]} ${['Supply', 'Logistics', 'Media', 'Software', 'Property', 'Tools'][n % 6]} ${SUFFIX.EUR![n % 4]}`;
    vendors.push({ id: addPartner(name, `billing@${slug(name)}.example`, false, false, true, false), name });
  }
  const marketplacePartnerId = addPartner('IndustriMart Marketplace B.V.', 'settlements@industrimart.example', false, false, true, 'NL859347612B01');

  // Planted duplicates: the same customer keyed in once per entity, and a web-shop sign-up
  // that created a second partner with the same e-mail as an existing direct customer.
  const duplicates: { partner_ids: number[]; reason: string }[] = [];
  const first = customers[0]![0]!;
  const perEntity = addPartner(first.name.toUpperCase(), first.email, companies[1]!.id, true, false, false);
  duplicates.push({ partner_ids: [first.id, perEntity], reason: 'same customer created again for another entity (name differs only in case, company_id set)' });
  const shopDup = addPartner(`${first.name} (web shop)`, first.email, false, true, false, false);
  duplicates.push({ partner_ids: [first.id, shopDup], reason: 'web-shop sign-up created a second partner with the same e-mail' });

  let running = 0;
  const productWeights = Float64Array.from(products, (p) => (running += p.weight));
  return { products, productWeights, shippingProductId, customers, shopCustomers, vendors, marketplacePartnerId, records, duplicates };
}
