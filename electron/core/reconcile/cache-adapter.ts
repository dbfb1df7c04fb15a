/**
 * Reading the Odoo side of a reconciliation from the synced cache: sale orders, customer
 * invoices/credit notes, bank journal lines, partners and product codes, turned into the matcher's
 * canonical shapes. Each record is read in its own company's context (company_id = sync_company_id)
 * so multi-company caches never double count.
 */
import type Database from 'better-sqlite3';
import { localDateOf, utcBoundsOfDates } from '../../../shared/period/timezone';
import type { CustomerRecord } from '../../../shared/reconcile/data-cleaning';
import type { OdooBankLine, OdooInvoice, OdooSaleOrder } from '../../../shared/reconcile/types';
import { AppError } from '../../../shared/rpc/errors';

/** The Odoo documents of a window, plus the company facts the matcher needs. */
export interface OdooSide {
  saleOrders: OdooSaleOrder[];
  invoices: OdooInvoice[];
  bankLines: OdooBankLine[];
  companyCurrency: string;
  timeZone: string;
  companies: Array<{ id: number; name: string; currency: string }>;
}

function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

function tableExists(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(name) !== undefined;
}

/** The company time zone recorded by the sync (the connecting user's tz), or UTC. */
export function cacheTimeZone(db: Database.Database): string {
  if (!tableExists(db, 'sync_source')) return 'UTC';
  const tz = db.prepare('SELECT user_tz FROM sync_source WHERE id = 1').pluck().get();
  return typeof tz === 'string' && tz !== '' ? tz : 'UTC';
}

/**
 * Loads Odoo documents whose dates fall within [from − margin, to + margin] (local dates), so
 * orders invoiced in the next month and late credit notes are still seen.
 */
export function loadOdooSide(db: Database.Database, from: string, to: string, options: { companyId?: number; marginDays?: number; timeZone?: string } = {}): OdooSide {
  if (!tableExists(db, 'odoo_sale_order')) {
    throw new AppError('cache.missing', 'the cache has no synced Odoo data', { hint: 'Run `boardpack sync` first.' });
  }
  const timeZone = options.timeZone ?? cacheTimeZone(db);
  const margin = options.marginDays ?? 62;
  const start = shiftDate(from, -margin);
  const end = shiftDate(to, margin);
  const bounds = utcBoundsOfDates(start, end, timeZone);
  const companyFilter = options.companyId === undefined ? '' : 'AND company_id = @company';
  const params = { start: bounds.start, end: bounds.end, from: start, to: end, company: options.companyId ?? null };

  const companies = (db.prepare('SELECT id, name, currency_name FROM odoo_company WHERE sync_company_id = id ORDER BY id').all() as Array<{ id: number; name: string; currency_name: string }>)
    .map((row) => ({ id: row.id, name: row.name, currency: row.currency_name }));
  const currencyOfCompany = new Map(companies.map((company) => [company.id, company.currency]));
  const companyCurrency = (options.companyId !== undefined ? currencyOfCompany.get(options.companyId) : companies[0]?.currency) ?? 'EUR';

  const soRows = db.prepare(`
    SELECT so.name, so.client_order_ref, so.origin, so.date_order, so.partner_name, p.email AS partner_email, so.currency_name,
           so.amount_untaxed, so.amount_tax, so.amount_total, so.state, so.company_id
    FROM odoo_sale_order so
    LEFT JOIN odoo_partner p ON p.sync_company_id = so.sync_company_id AND p.id = so.partner_id
    WHERE so.company_id = so.sync_company_id AND so.date_order >= @start AND so.date_order < @end ${companyFilter.replace('company_id', 'so.company_id')}
    ORDER BY so.name`).all(params) as Array<Record<string, string | number | null>>;
  const saleOrders: OdooSaleOrder[] = soRows.map((row) => ({
    name: String(row.name ?? ''),
    clientOrderRef: String(row.client_order_ref ?? ''),
    origin: String(row.origin ?? ''),
    dateOrderUtc: String(row.date_order ?? ''),
    dateOrderLocal: row.date_order ? localDateOf(String(row.date_order), timeZone) : undefined,
    partnerName: String(row.partner_name ?? ''),
    partnerEmail: row.partner_email === null ? undefined : String(row.partner_email),
    currency: String(row.currency_name ?? ''),
    amountUntaxed: Number(row.amount_untaxed ?? 0),
    amountTax: Number(row.amount_tax ?? 0),
    amountTotal: Number(row.amount_total ?? 0),
    state: String(row.state ?? ''),
    companyId: row.company_id === null ? undefined : Number(row.company_id),
  }));

  const moveRows = db.prepare(`
    SELECT name, move_type, state, payment_state, invoice_date, partner_name, invoice_origin, ref, currency_name, company_currency_name,
           amount_untaxed, amount_tax, amount_total, amount_total_signed, amount_residual, company_id
    FROM odoo_move
    WHERE company_id = sync_company_id AND move_type IN ('out_invoice', 'out_refund') AND invoice_date BETWEEN @from AND @to ${companyFilter}
    ORDER BY name`).all(params) as Array<Record<string, string | number | null>>;
  const invoices: OdooInvoice[] = moveRows.map((row) => ({
    name: String(row.name ?? ''),
    moveType: row.move_type === 'out_refund' ? 'out_refund' : 'out_invoice',
    state: String(row.state ?? ''),
    paymentState: String(row.payment_state ?? ''),
    invoiceDate: String(row.invoice_date ?? ''),
    partnerName: String(row.partner_name ?? ''),
    invoiceOrigin: String(row.invoice_origin ?? ''),
    ref: String(row.ref ?? ''),
    currency: String(row.currency_name ?? ''),
    amountUntaxed: Number(row.amount_untaxed ?? 0),
    amountTax: Number(row.amount_tax ?? 0),
    amountTotal: Number(row.amount_total ?? 0),
    amountTotalSigned: Number(row.amount_total_signed ?? 0),
    amountResidual: Number(row.amount_residual ?? 0),
    companyId: row.company_id === null ? undefined : Number(row.company_id),
    companyCurrency: String(row.company_currency_name ?? ''),
  }));

  const bankRows = tableExists(db, 'odoo_move_line')
    ? (db.prepare(`
        SELECT l.id, l.date, l.balance, l.company_currency_name, l.name, l.move_name, j.name AS journal_name
        FROM odoo_move_line l
        JOIN odoo_journal j ON j.sync_company_id = l.sync_company_id AND j.id = l.journal_id
        WHERE l.company_id = l.sync_company_id AND j.type = 'bank' AND l.account_id = j.default_account_id
          AND l.parent_state = 'posted' AND l.date BETWEEN @from AND @to ${companyFilter.replace('company_id', 'l.company_id')}
        ORDER BY l.date, l.id`).all(params) as Array<Record<string, string | number | null>>)
    : [];
  const bankLines: OdooBankLine[] = bankRows.map((row) => ({
    id: String(row.id),
    date: String(row.date ?? ''),
    amount: Number(row.balance ?? 0),
    currency: String(row.company_currency_name ?? ''),
    paymentRef: String(row.name ?? row.move_name ?? ''),
    journalName: String(row.journal_name ?? ''),
  }));
  return { saleOrders, invoices, bankLines, companyCurrency, timeZone, companies };
}

/** Odoo customers (partners with a customer rank or any sale) for the duplicate-customer report. */
export function loadOdooCustomers(db: Database.Database): CustomerRecord[] {
  const rows = db.prepare(`
    SELECT id, sync_company_id, name, email, vat FROM odoo_partner
    WHERE (company_id IS NULL OR company_id = sync_company_id) AND (customer_rank > 0) AND (parent_id IS NULL) AND active = 1
    ORDER BY sync_company_id, id`).all() as Array<{ id: number; sync_company_id: number; name: string | null; email: string | null; vat: string | null }>;
  // Shared partners appear once per company in the cache: keep the first copy.
  const seen = new Set<number>();
  const customers: CustomerRecord[] = [];
  for (const row of rows) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    customers.push({ source: 'odoo', id: String(row.id), companyId: row.sync_company_id, name: row.name ?? '', email: row.email ?? '', vat: row.vat ?? '' });
  }
  return customers;
}

/** Distinct product default codes in the cache. */
export function loadProductCodes(db: Database.Database): string[] {
  return db.prepare("SELECT DISTINCT default_code FROM odoo_product WHERE default_code IS NOT NULL AND default_code != '' ORDER BY default_code").pluck().all().map(String);
}
