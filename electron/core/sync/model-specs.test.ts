import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { openCache } from '../db/open';
import { columnNames } from './column-spec';
import { MODEL_SPECS } from './model-specs';
import { bindModel, type CurrencyLookup } from './row-mapper';

const lookup: CurrencyLookup = {
  decimalsOf: (id) => ({ 1: 2, 2: 0, 3: 3 })[id],
  currencyOfCompany: (id) => ({ 1: 1, 5: 2 })[id],
  scopeCurrencyId: 1,
};

describe('model specs', () => {
  it('feed exactly the columns of their cache tables (migration 0001)', () => {
    const cache = openCache(':memory:', { logger: silentLogger });
    for (const spec of MODEL_SPECS) {
      const table = (cache.db.prepare(`PRAGMA table_info(${spec.table})`).all() as Array<{ name: string }>).map((c) => c.name);
      expect(table, spec.table).toEqual(['sync_company_id', 'id', ...spec.columns.flatMap(columnNames), 'write_date']);
    }
    cache.close();
  });

  it('maps a 19 record: many2one id+name, money in the right currency, false as NULL', () => {
    const spec = MODEL_SPECS.find((s) => s.model === 'account.move.line');
    if (!spec) throw new Error('missing spec');
    const bound = bindModel(spec, new Set(['move_id', 'date', 'company_id', 'company_currency_id', 'balance', 'debit', 'credit', 'amount_currency', 'currency_id', 'name', 'analytic_distribution', 'write_date']));
    expect(bound.fields).toContain('write_date');
    expect(bound.fields).not.toContain('parent_state');
    const row = bound.toRow({
      id: 7, move_id: [3, 'INV/2026/0001'], date: '2026-10-31', company_id: [5, 'EU Co'], company_currency_id: [2, 'JPY'],
      balance: -1234.5, debit: 0, credit: 1234.5, amount_currency: -10.1235, currency_id: [3, 'KWD'], name: false,
      analytic_distribution: { '12': 100 }, write_date: '2026-11-01 10:00:00',
    }, lookup);
    const at = (column: string) => row[bound.columns.indexOf(column)];
    expect(at('move_id')).toBe(3);
    expect(at('move_name')).toBe('INV/2026/0001');
    expect(at('balance')).toBe(-1235); // JPY: 0 decimals, half away from zero
    expect(at('credit')).toBe(1235);
    expect(at('amount_currency')).toBe(-10124); // KWD: 3 decimals
    expect(at('name')).toBeNull();
    expect(at('parent_state')).toBeNull();
    expect(at('analytic_distribution')).toBe('{"12":100}');
    expect(at('write_date')).toBe('2026-11-01 10:00:00');
  });

  it('reads 17 field names: deprecated -> active, detailed_type -> is_storable, company_id -> company_ids', () => {
    const account = MODEL_SPECS.find((s) => s.model === 'account.account');
    const product = MODEL_SPECS.find((s) => s.model === 'product.product');
    if (!account || !product) throw new Error('missing spec');
    const a = bindModel(account, new Set(['code', 'company_id', 'deprecated', 'write_date']));
    const aRow = a.toRow({ id: 1, code: '400000', company_id: [5, 'EU'], deprecated: true, write_date: false }, lookup);
    expect(aRow[a.columns.indexOf('active')]).toBe(0);
    expect(aRow[a.columns.indexOf('company_ids')]).toBe('[5]');
    const p = bindModel(product, new Set(['detailed_type', 'type']));
    const pRow = p.toRow({ id: 2, detailed_type: 'product', type: 'product' }, lookup);
    expect(pRow[p.columns.indexOf('is_storable')]).toBe(1);
  });

  it('refuses an amount in a currency the cache does not know, naming the record', () => {
    const spec = MODEL_SPECS.find((s) => s.model === 'sale.order');
    if (!spec) throw new Error('missing spec');
    const bound = bindModel(spec, new Set(['amount_total', 'currency_id']));
    expect(() => bound.toRow({ id: 42, amount_total: 10, currency_id: [99, 'XXX'] }, lookup)).toThrow(/sale.order 42: amount_total is in currency 99/);
  });
});
