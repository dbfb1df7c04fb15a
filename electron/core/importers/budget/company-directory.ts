import type Database from 'better-sqlite3';
import { AppError } from '../../../../shared/rpc/errors';
import { RowRejection } from '../cell-values';

/** A synced company as an import row can name it. */
export interface DirectoryCompany {
  id: number;
  name: string;
  currency: string;
}

/** Resolves the company cell of an import row: an Odoo company id or the company's name (any case). */
export interface CompanyDirectory {
  companies: readonly DirectoryCompany[];
  resolve(text: string): DirectoryCompany;
}

/** Reads the synced companies; throws `not_found` when the cache holds none (nothing to attach rows to). */
export function loadCompanyDirectory(db: Pick<Database.Database, 'prepare'>): CompanyDirectory {
  const rows = db
    .prepare<[], { id: number; name: string | null; currency: string | null }>('SELECT id, name, currency_name AS currency FROM odoo_company WHERE sync_company_id = id ORDER BY id')
    .all();
  if (rows.length === 0) {
    throw new AppError('not_found', 'The cache holds no company to import into.', { hint: 'Run `boardpack sync` first, then import.' });
  }
  const companies = rows.map((r) => ({ id: r.id, name: r.name ?? `Company ${r.id}`, currency: r.currency ?? '' }));
  const byId = new Map(companies.map((c) => [String(c.id), c]));
  const byName = new Map(companies.map((c) => [c.name.trim().toLowerCase(), c]));
  const known = companies.map((c) => `${c.id} (${c.name})`).join(', ');
  return {
    companies,
    resolve(text) {
      const value = text.trim();
      if (value === '') throw new RowRejection('company is empty');
      const company = byId.get(value.replace(/\.0+$/, '')) ?? byName.get(value.toLowerCase());
      if (!company) throw new RowRejection(`company "${value}" is not a synced company; use one of ${known}`);
      if (!company.currency) throw new RowRejection(`company "${value}" has no currency in the cache; sync again`);
      return company;
    },
  };
}
