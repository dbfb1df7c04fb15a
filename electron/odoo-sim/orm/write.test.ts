// Writes as the sync tests use them: create/write/unlink over JSON-2 and JSON-RPC, write_date from the
// simulator clock (one "transaction start" per call), x2many commands, and the read quirks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { buildSmallDataset } from '../seed-small';
import { startOdooSimulator, type RunningSimulator } from '../server';
import { executeKw, json2 } from '../test-helpers';

describe('writes and read quirks', () => {
  let sim: RunningSimulator;
  const clock = fixedClock('2026-12-01T10:00:00Z');
  beforeAll(async () => {
    sim = await startOdooSimulator({ dataset: buildSmallDataset(), clock });
  });
  afterAll(() => sim.close());

  it('JSON-2 create returns a list of ids; JSON-RPC returns an int for one dict', async () => {
    const created = await json2(sim, 'res.partner', 'create', { vals_list: [{ name: 'New Customer', customer_rank: 1 }] });
    expect(created.status).toBe(200);
    const [id] = created.json() as number[];
    const rpc = await executeKw(sim, 'res.partner', 'create', [{ name: 'Another' }]);
    expect(rpc.body.result).toBe(id + 1);
    const [row] = (await json2(sim, 'res.partner', 'read', { ids: [id], fields: ['name', 'active', 'company_id', 'create_date', 'write_date'] })).json() as Array<Record<string, unknown>>;
    expect(row).toEqual({ id, name: 'New Customer', active: true, company_id: [1, 'Boardpack Demo BV'], create_date: '2026-12-01 10:00:00', write_date: '2026-12-01 10:00:00' });
  });

  it('write bumps write_date to the call time so incremental sync sees the change', async () => {
    clock.set('2026-12-02T09:30:00Z');
    expect((await json2(sim, 'res.partner', 'write', { ids: [10], vals: { email: 'billing@azure.example' } })).json()).toBe(true);
    const changed = (await json2(sim, 'res.partner', 'search_read', { domain: [['write_date', '>=', '2026-12-02 00:00:00']], fields: ['email', 'write_date'] })).json();
    expect(changed).toEqual([{ id: 10, email: 'billing@azure.example', write_date: '2026-12-02 09:30:00' }]);
  });

  it('applies x2many commands and unlink removes records', async () => {
    const [move] = (await json2(sim, 'account.move', 'create', {
      vals_list: [{ move_type: 'entry', journal_id: 4, date: '2026-12-02', line_ids: [[0, 0, { name: 'a', debit: 10, credit: 0, balance: 10, account_id: 1 }], [0, 0, { name: 'b', debit: 0, credit: 10, balance: -10, account_id: 2 }]] }],
    })).json() as number[];
    const [read] = (await json2(sim, 'account.move', 'read', { ids: [move], fields: ['line_ids', 'state'] })).json() as Array<{ line_ids: number[]; state: unknown }>;
    expect(read.line_ids).toHaveLength(2);
    const lines = (await json2(sim, 'account.move.line', 'read', { ids: read.line_ids, fields: ['move_id'] })).json() as Array<{ move_id: unknown }>;
    expect(lines.map((l) => (Array.isArray(l.move_id) ? l.move_id[0] : l.move_id))).toEqual([move, move]);
    await json2(sim, 'account.move', 'write', { ids: [move], vals: { line_ids: [[3, read.line_ids[0], 0]] } });
    const [after] = (await json2(sim, 'account.move', 'read', { ids: [move], fields: ['line_ids'] })).json() as Array<{ line_ids: number[] }>;
    expect(after.line_ids).toEqual([read.line_ids[1]]);
    expect((await json2(sim, 'account.move', 'unlink', { ids: [move] })).json()).toBe(true);
    expect((await json2(sim, 'account.move', 'read', { ids: [move], fields: ['name'] })).json()).toEqual([]);
  });

  it('rejects unknown fields without writing anything', async () => {
    const reply = await json2(sim, 'res.partner', 'create', { vals_list: [{ name: 'ok' }, { name: 'bad', no_such_field: 1 }] });
    expect(reply.status).toBe(500);
    expect(reply.json()).toMatchObject({ name: 'builtins.ValueError' });
    expect((await json2(sim, 'res.partner', 'search_count', { domain: [['name', '=', 'ok']] })).json()).toBe(0);
  });

  it('read drops missing ids, but echoes them when only id is asked (Odoo quirk)', async () => {
    expect((await json2(sim, 'res.partner', 'read', { ids: [10, 999999], fields: ['name'] })).json()).toEqual([{ id: 10, name: 'Azure Interior' }]);
    expect((await json2(sim, 'res.partner', 'read', { ids: [10, 999999], fields: ['id'] })).json()).toEqual([{ id: 10 }, { id: 999999 }]);
  });

  it('search_count honours limit; name_search and web_search_read answer in their shapes', async () => {
    expect((await json2(sim, 'account.move', 'search_count', { domain: [], limit: 5 })).json()).toBe(5);
    expect((await json2(sim, 'res.partner', 'name_search', { name: 'azure' })).json()).toEqual([[10, 'Azure Interior']]);
    const web = (await json2(sim, 'account.move', 'web_search_read', { domain: [['move_type', '=', 'out_invoice']], specification: { name: {}, partner_id: { fields: { display_name: {} } } }, limit: 1, order: 'id asc' })).json();
    expect(web).toEqual({ length: 64, records: [{ id: 1, name: 'INV/2026/00001', partner_id: { id: expect.any(Number), display_name: expect.any(String) } }] });
  });
});

describe('values computed for the current company', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startOdooSimulator({ dataset: buildSmallDataset(), clock: fixedClock('2026-06-15T12:00:00Z') });
  });
  afterAll(() => sim.close());

  it('company-dependent fields follow allowed_company_ids[0]', async () => {
    const cost = async (company: number) =>
      ((await json2(sim, 'product.product', 'read', { ids: [1], fields: ['standard_price'], context: { allowed_company_ids: [company] } })).json() as Array<{ standard_price: number }>)[0].standard_price;
    expect(await cost(1)).toBe(2500);
    expect(await cost(2)).toBe(2150);
  });

  it('res.currency.rate is per company and date (rates on the company, latest on or before the date)', async () => {
    const rates = async (company: number, date?: string) =>
      (await json2(sim, 'res.currency', 'search_read', { domain: [['name', 'in', ['EUR', 'GBP', 'USD']]], fields: ['name', 'rate'], order: 'name', context: { allowed_company_ids: [company], ...(date ? { date } : {}) } })).json();
    expect(await rates(1)).toEqual([
      { id: 126, name: 'EUR', rate: 1 },
      { id: 147, name: 'GBP', rate: 0.85 },
      { id: 1, name: 'USD', rate: 1.09 },
    ]);
    expect(await rates(2, '2026-01-20')).toEqual([
      { id: 126, name: 'EUR', rate: 1.175 },
      { id: 147, name: 'GBP', rate: 1 },
      { id: 1, name: 'USD', rate: 1.26 },
    ]);
  });
});
