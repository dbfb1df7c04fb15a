import { describe, expect, it } from 'vitest';
import { SimDataset } from '../dataset';
import { SchemaRegistry } from '../schema/index';
import { toSimUser } from '../security/users';
import type { SimEnv } from './env';
import { compileDomain } from './domain';
import { InverseCache } from './field-values';
import { searchRecords } from './search';

function envWith(dataset: SimDataset, companyIds = [1, 2], context: Record<string, unknown> = {}): SimEnv {
  return {
    dataset,
    schemas: new SchemaRegistry(19),
    version: 19,
    user: toSimUser({ id: 2, login: 'admin', name: 'Admin', password: 'x', apiKeys: [], companyIds: [1, 2, 3] }),
    companyIds,
    companyId: companyIds[0],
    context,
    now: new Date('2026-01-01T00:00:00Z'),
    installedModels: new Set(),
  };
}

function dataset(): SimDataset {
  const ds = new SimDataset();
  ds.addRecords('res.company', [
    { id: 1, name: 'Parent', parent_id: false, currency_id: 1 },
    { id: 2, name: 'Branch', parent_id: 1, currency_id: 1 },
    { id: 3, name: 'Other', parent_id: false, currency_id: 2 },
  ]);
  ds.addRecords('res.country', [{ id: 21, name: 'Belgium', code: 'BE' }]);
  ds.addRecords('res.partner', [
    { id: 10, name: 'Azure Interior', company_id: false, active: true, country_id: 21, customer_rank: 3, email: 'a@x.com' },
    { id: 11, name: 'acme corp', company_id: 1, active: true, country_id: false, customer_rank: 0, email: false },
    { id: 12, name: 'Old Partner', company_id: 2, active: false, country_id: 21, customer_rank: 1, email: 'o@x.com' },
    { id: 13, name: 'Foreign', company_id: 3, active: true, country_id: false, customer_rank: 5, email: false },
  ]);
  return ds;
}

const ids = (env: SimEnv, domain: unknown, order?: string) =>
  searchRecords(env, 'res.partner', domain, { order: order ?? 'id' }, new InverseCache()).map((r) => r.id);

describe('domain evaluator', () => {
  it('applies prefix operators with implicit and', () => {
    const env = envWith(dataset(), [1, 2, 3]);
    expect(ids(env, ['|', ['name', 'ilike', 'AZURE'], ['customer_rank', '>', 4]])).toEqual([10, 13]);
    expect(ids(env, [['customer_rank', '>=', 3], ['name', '!=', 'Foreign']])).toEqual([10]);
    expect(ids(env, ['!', ['email', '=', false]])).toEqual([10]);
    expect(ids(env, [['name', '=like', 'acme%']])).toEqual([11]);
    expect(ids(env, [['name', '=ilike', 'ACME%']])).toEqual([11]);
    expect(ids(env, [['name', 'not ilike', 'a']])).toEqual([13]);
    expect(ids(env, [['id', 'in', [11, 13, 99]]])).toEqual([11, 13]);
    expect(ids(env, [['id', 'not in', [11]]])).toEqual([10, 13]);
    expect(ids(env, [['country_id', 'in', [false]]])).toEqual([11, 13]);
  });

  it('hides archived records unless active_test is false or the domain names active', () => {
    const ds = dataset();
    expect(ids(envWith(ds, [1, 2, 3]), [])).toEqual([10, 11, 13]);
    expect(ids(envWith(ds, [1, 2, 3], { active_test: false }), [])).toEqual([10, 11, 12, 13]);
    expect(ids(envWith(ds, [1, 2, 3]), [['active', '=', false]])).toEqual([12]);
  });

  it('follows dotted many2one paths and child_of on companies', () => {
    const env = envWith(dataset(), [1, 2, 3], { active_test: false });
    expect(ids(env, [['country_id.code', '=', 'BE']])).toEqual([10, 12]);
    expect(ids(env, [['company_id', 'child_of', 1]])).toEqual([11, 12]);
    expect(ids(env, [['company_id', 'child_of', [3]]])).toEqual([13]);
  });

  it('filters by the active company set (shared records stay visible)', () => {
    const env = envWith(dataset(), [1], { active_test: false });
    expect(ids(env, [])).toEqual([10, 11]);
  });

  it('orders with tie-break by id and nulls last ascending', () => {
    const env = envWith(dataset(), [1, 2, 3], { active_test: false });
    expect(ids(env, [], 'customer_rank desc')).toEqual([13, 10, 12, 11]);
    expect(ids(env, [], 'email')).toEqual([10, 12, 11, 13]);
    expect(ids(env, [], 'email desc, id desc')).toEqual([13, 11, 12, 10]);
  });

  it('names unknown fields like Odoo', () => {
    const env = envWith(dataset());
    expect(() => compileDomain(env, 'res.partner', [['no_such_field', '=', 1]], new InverseCache())).toThrow(
      "Invalid field res.partner.no_such_field in condition ('no_such_field', '=', 1)",
    );
  });
});
