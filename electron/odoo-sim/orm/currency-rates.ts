/**
 * Computed rate fields (odoo-api.md §7.8): res.currency.rate/inverse_rate for the current company and
 * context date, res.currency.rate.company_rate/inverse_company_rate. Rates live on the root company or
 * are shared (company_id false); a rate dated on the day counts (19.0 uses name <= date).
 */
import type { RawValue, SimRecord } from '../dataset';
import type { SimEnv } from './env';

function contextDate(env: SimEnv): string {
  const date = env.context.date;
  return typeof date === 'string' && date ? date.slice(0, 10) : env.now.toISOString().slice(0, 10);
}

/** Units of `currencyId` per 1 reference unit for the current company on `date` (1.0 if none). */
export function currencyRate(env: SimEnv, currencyId: number, date: string): number {
  let best: SimRecord | undefined;
  let earliestLater: SimRecord | undefined;
  for (const rate of env.dataset.table('res.currency.rate')) {
    if (rate.currency_id !== currencyId) continue;
    if (rate.company_id !== false && rate.company_id !== env.companyId && rate.company_id !== undefined) continue;
    const name = String(rate.name);
    if (name <= date) {
      const better =
        !best ||
        (rate.company_id !== false && best.company_id === false) ||
        ((rate.company_id === false) === (best.company_id === false) && name > String(best.name));
      if (better) best = rate;
    } else if (!earliestLater || name < String(earliestLater.name)) {
      earliestLater = rate;
    }
  }
  const chosen = best ?? earliestLater;
  return typeof chosen?.rate === 'number' ? chosen.rate : 1.0;
}

function companyCurrencyRate(env: SimEnv, date: string): number {
  const company = env.dataset.get('res.company', env.companyId);
  return typeof company?.currency_id === 'number' ? currencyRate(env, company.currency_id, date) : 1.0;
}

export function currencyRateFields(env: SimEnv, model: string, record: SimRecord, field: string): RawValue | undefined {
  if (model === 'res.currency') {
    const date = contextDate(env);
    const rate = currencyRate(env, record.id, date) / companyCurrencyRate(env, date);
    if (field === 'rate') return rate;
    if (field === 'inverse_rate') return rate ? 1 / rate : 0;
    return undefined;
  }
  if (field !== 'company_rate' && field !== 'inverse_company_rate') return undefined;
  const raw = typeof record.rate === 'number' ? record.rate : 1.0;
  const companyRate = raw / companyCurrencyRate(env, env.now.toISOString().slice(0, 10));
  if (field === 'company_rate') return companyRate;
  return companyRate ? 1 / companyRate : 0;
}
