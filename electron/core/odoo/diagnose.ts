import type { ErrorCode } from '../../../shared/rpc/errors';
import { AppError } from '../../../shared/rpc/errors';
import { createOdooClient, type OdooClientDeps } from './client';
import { OdooError } from './errors';
import type { OdooConnectionConfig, OdooProtocol } from './types';

/** Models the board pack reads. `required` ones make the connection unusable when missing or unreadable. */
export const REPORTING_MODELS: ReadonlyArray<{ name: string; required: boolean }> = [
  { name: 'res.company', required: true },
  { name: 'res.currency', required: true },
  { name: 'res.currency.rate', required: true },
  { name: 'res.partner', required: false },
  { name: 'account.account', required: true },
  { name: 'account.journal', required: true },
  { name: 'account.move', required: true },
  { name: 'account.move.line', required: true },
  { name: 'account.payment', required: false },
  { name: 'account.partial.reconcile', required: false },
  { name: 'product.product', required: false },
  { name: 'product.template', required: false },
  { name: 'sale.order', required: false },
  { name: 'sale.order.line', required: false },
  { name: 'crm.lead', required: false },
  { name: 'crm.stage', required: false },
  { name: 'stock.location', required: false },
  { name: 'stock.warehouse', required: false },
  { name: 'stock.quant', required: false },
  { name: 'stock.move', required: false },
];

export interface ModelAvailability {
  name: string;
  /** The model exists on the server (its module is installed). */
  available: boolean;
  /** The user may read it (false when available but access is denied). */
  readable: boolean;
  required: boolean;
  note?: string;
}

/** A plain JSON object, so the CLI can print it and the UI can show it as is. Never contains the key. */
export interface ConnectionReport {
  ok: boolean;
  url: string;
  db: string;
  online: boolean;
  version: string | null;
  major: number | null;
  protocol: OdooProtocol | null;
  user: { uid: number; name: string; login: string | null; tz: string | null } | null;
  companies: Array<{ id: number; name: string; currencyId: number | null; currency: string | null; parentId: number | null }>;
  defaultCompanyId: number | null;
  models: ModelAvailability[];
  stats: { calls: number; retries: number };
  problem?: { code: ErrorCode; message: string; hint?: string };
}

/**
 * Connects, and tells in one report what works and what does not: version and protocol, user,
 * companies and currencies, and which reporting models exist and are readable. Fails soft: any
 * error becomes `problem` (with `ok: false`) rather than an exception.
 */
export async function diagnoseConnection(config: OdooConnectionConfig, deps: OdooClientDeps & { signal?: AbortSignal }): Promise<ConnectionReport> {
  const client = createOdooClient(config, deps);
  const report: ConnectionReport = {
    ok: false, url: config.url, db: config.db, online: client.politeness.online,
    version: null, major: null, protocol: null, user: null, companies: [], defaultCompanyId: null, models: [],
    stats: { calls: 0, retries: 0 },
  };
  try {
    const info = await client.connect(deps.signal);
    report.version = info.serverVersion;
    report.major = info.major;
    report.protocol = info.protocol;
    report.user = { uid: info.uid, name: info.userName, login: info.userLogin, tz: info.userTz };
    report.companies = info.companies.map((c) => ({ id: c.id, name: c.name, currencyId: c.currencyId, currency: c.currencyName, parentId: c.parentId }));
    report.defaultCompanyId = info.defaultCompanyId;
    const check = async ({ name, required }: { name: string; required: boolean }): Promise<ModelAvailability> => {
      try {
        // search_count with limit 1 proves both that the model exists and that the user may read it, cheaply.
        await client.call(name, 'search_count', { domain: [], limit: 1 }, { signal: deps.signal });
        return { name, available: true, readable: true, required };
      } catch (error) {
        if (error instanceof OdooError && error.code === 'odoo.missing_model') return { name, available: false, readable: false, required, note: 'module not installed' };
        if (error instanceof OdooError && error.code === 'odoo.access') return { name, available: true, readable: false, required, note: 'no read access for this user' };
        throw error;
      }
    };
    report.models = await mapWithWorkers(REPORTING_MODELS, client.politeness.maxConcurrency, check);
    const blocking = report.models.filter((m) => m.required && !m.readable);
    if (blocking.length > 0) {
      const missing = blocking.filter((m) => !m.available).map((m) => m.name);
      const denied = blocking.filter((m) => m.available).map((m) => m.name);
      report.problem = denied.length > 0
        ? { code: 'odoo.access', message: `The user cannot read ${denied.join(', ')}, which the board pack needs.`, hint: 'Give the user read access to Accounting (e.g. "Show Accounting Features - Readonly").' }
        : { code: 'odoo.missing_model', message: `This Odoo lacks ${missing.join(', ')}: the Accounting/Invoicing app is not installed.`, hint: 'Install Invoicing or Accounting in Odoo.' };
    } else {
      report.ok = true;
    }
  } catch (error) {
    report.problem = error instanceof AppError
      ? { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) }
      : { code: 'internal', message: error instanceof Error ? error.message : String(error) };
  }
  const stats = client.stats();
  report.stats = { calls: stats.calls, retries: stats.retries };
  return report;
}

/** Maps with at most `workers` calls pending, keeping results in input order (and few abort listeners on the signal). */
async function mapWithWorkers<T, R>(items: readonly T[], workers: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const item = items[index];
      if (item !== undefined) results[index] = await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, items.length)) }, worker));
  return results;
}
