import type Database from 'better-sqlite3';
import type { CurrencyLookup } from './row-mapper';

/** Reads the currencies and company currencies already synced for one company scope. */
export function loadCurrencyLookup(db: Database.Database, companyId: number): CurrencyLookup {
  const decimals = new Map<number, number>();
  for (const row of db.prepare('SELECT id, decimal_places FROM odoo_currency WHERE sync_company_id = ? AND decimal_places IS NOT NULL').all(companyId) as Array<{ id: number; decimal_places: number }>) {
    decimals.set(row.id, row.decimal_places);
  }
  const companies = new Map<number, number>();
  for (const row of db.prepare('SELECT id, currency_id FROM odoo_company WHERE sync_company_id = ? AND currency_id IS NOT NULL').all(companyId) as Array<{ id: number; currency_id: number }>) {
    companies.set(row.id, row.currency_id);
  }
  return {
    decimalsOf: (currencyId) => decimals.get(currencyId),
    currencyOfCompany: (id) => companies.get(id),
    scopeCurrencyId: companies.get(companyId),
  };
}
