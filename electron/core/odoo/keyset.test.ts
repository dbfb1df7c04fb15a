// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseMajor, chooseProtocol } from './detect';
import { OdooError, timeoutError } from './errors';
import { adaptPageSize, KEYSET_MAX_PAGE, KEYSET_MIN_PAGE, readKeysetPages } from './keyset';
import { toExecuteKwArgs } from './transport-jsonrpc';
import { m2oId, m2oName, type Domain, type OdooRecord } from './types';

// The paging algorithm over an in-memory table that evaluates the `id >` leaf it receives.
function table(n: number): OdooRecord[] {
  return Array.from({ length: n }, (_, i) => ({ id: (i + 1) * 3, name: `r${i}` }));
}

function fetcherOver(rows: OdooRecord[], failWhenAbove?: number) {
  const limits: number[] = [];
  const fetch = async (domain: Domain, limit: number): Promise<OdooRecord[]> => {
    limits.push(limit);
    if (failWhenAbove !== undefined && limit > failWhenAbove) throw timeoutError(1000, { model: 'm', method: 'search_read' });
    const leaf = domain.at(-1);
    const after = Array.isArray(leaf) && leaf[0] === 'id' && leaf[1] === '>' && typeof leaf[2] === 'number' ? leaf[2] : 0;
    return rows.filter((r) => r.id > after).slice(0, limit);
  };
  return { fetch, limits };
}

async function collect(iterable: AsyncIterable<{ records: OdooRecord[] }>): Promise<OdooRecord[]> {
  const out: OdooRecord[] = [];
  for await (const page of iterable) out.push(...page.records);
  return out;
}

describe('keyset paging', () => {
  it('returns every row once, in id order, and grows pages when they are fast', async () => {
    const rows = table(3000);
    const { fetch, limits } = fetcherOver(rows);
    const got = await collect(readKeysetPages({ fields: ['name'], pageSize: 100 }, fetch));
    expect(got.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(limits.slice(0, 4)).toEqual([100, 200, 400, 800]);
  });

  it('resumes after a given id and keeps the caller domain', async () => {
    const rows = table(50);
    const domains: Domain[] = [];
    const { fetch } = fetcherOver(rows);
    const got = await collect(readKeysetPages({ fields: ['name'], domain: [['state', '=', 'posted']], afterId: 90 }, async (d, l) => {
      domains.push(d);
      return fetch(d, l);
    }));
    expect(got.map((r) => r.id)).toEqual(rows.filter((r) => r.id > 90).map((r) => r.id));
    expect(domains[0]).toEqual([['state', '=', 'posted'], ['id', '>', 90]]);
  });

  it('halves the page on timeouts until it fits, without losing rows', async () => {
    const rows = table(700);
    const { fetch, limits } = fetcherOver(rows, 150);
    const got = await collect(readKeysetPages({ fields: ['name'], pageSize: 1000 }, fetch));
    expect(got).toHaveLength(700);
    expect(limits.slice(0, 4)).toEqual([1000, 500, 250, 125]);
  });

  it('gives up with the timeout when even the smallest page is too slow', async () => {
    const { fetch } = fetcherOver(table(10), 0);
    const error = await collect(readKeysetPages({ fields: ['name'] }, fetch)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OdooError);
    expect(error).toMatchObject({ code: 'odoo.timeout' });
  });

  it('adapts within bounds', () => {
    expect(adaptPageSize(KEYSET_MAX_PAGE, 10)).toBe(KEYSET_MAX_PAGE);
    expect(adaptPageSize(KEYSET_MIN_PAGE, 60_000)).toBe(KEYSET_MIN_PAGE);
    expect(adaptPageSize(800, 2000)).toBe(800);
    expect(adaptPageSize(800, 5000)).toBe(400);
  });
});

describe('argument translation and helpers', () => {
  it('moves ids to the first positional argument and context into kwargs for execute_kw', () => {
    expect(toExecuteKwArgs({ ids: [1, 2], fields: ['name'] }, { allowed_company_ids: [3] })).toEqual({ positional: [[1, 2]], kwargs: { fields: ['name'], context: { allowed_company_ids: [3] } } });
    expect(toExecuteKwArgs({ domain: [], limit: 5 }, undefined)).toEqual({ positional: [], kwargs: { domain: [], limit: 5 } });
  });

  it('parses versions from version_info or strings, and picks the protocol', () => {
    expect(parseMajor([19, 0, 0, 'final', 0, ''], '19.0')).toBe(19);
    expect(parseMajor(undefined, '17.0+e')).toBe(17);
    expect(parseMajor(['saas~18', 4], undefined)).toBe(18);
    expect(parseMajor(undefined, undefined)).toBeUndefined();
    expect(chooseProtocol(19, 'auto')).toBe('json2');
    expect(chooseProtocol(18, undefined)).toBe('jsonrpc');
    expect(chooseProtocol(19, 'jsonrpc')).toBe('jsonrpc');
  });

  it('reads many2one values', () => {
    expect(m2oId([7, 'Azure'])).toBe(7);
    expect(m2oName([7, 'Azure'])).toBe('Azure');
    expect(m2oId(false)).toBeNull();
    expect(m2oId(12)).toBe(12);
    expect(m2oName(false)).toBeNull();
  });
});
