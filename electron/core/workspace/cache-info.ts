import type { CacheDb } from '../db/open';
import { createSyncStateRepo } from '../db/repos/sync-state-repo';

export interface CacheInfo {
  hasData: boolean;
  companies: Array<{ id: number; name: string; currency: string }>;
  currencies: string[];
  months: { first: string; last: string } | null;
  lastSync: { finishedAt: string; status: string } | null;
}

/** What the shell shows about a cache: its companies, months with journal items, the last good sync. */
export function readCacheInfo(cache: CacheDb): CacheInfo {
  const { db } = cache;
  // A company's own record is the one read in its own sync (sync_company_id = id).
  const companies = db
    .prepare('SELECT id, name, currency_name AS currency FROM odoo_company WHERE sync_company_id = id ORDER BY id')
    .all() as Array<{ id: number; name: string | null; currency: string | null }>;
  const currencies = db
    .prepare("SELECT DISTINCT name FROM odoo_currency WHERE active = 1 AND name IS NOT NULL ORDER BY name")
    .all() as Array<{ name: string }>;
  const range = db.prepare('SELECT substr(MIN(date), 1, 7) AS first, substr(MAX(date), 1, 7) AS last FROM odoo_move_line').get() as { first: string | null; last: string | null };
  const last = createSyncStateRepo(db).lastOkRun();
  const companyCurrencies = companies.map((c) => c.currency).filter((c): c is string => c !== null);
  return {
    hasData: companies.length > 0,
    companies: companies.map((c) => ({ id: c.id, name: c.name ?? `Company ${c.id}`, currency: c.currency ?? '???' })),
    currencies: [...new Set([...companyCurrencies, ...currencies.map((c) => c.name)])].sort(),
    months: range.first && range.last ? { first: range.first, last: range.last } : null,
    lastSync: last?.finished_at ? { finishedAt: last.finished_at, status: last.status } : null,
  };
}
