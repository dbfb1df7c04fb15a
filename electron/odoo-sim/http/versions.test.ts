// What changes on the wire between the 17, 18 and 19 modes (odoo-api.md §3.4, §5.5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSmallDataset } from '../seed-small';
import { startOdooSimulator, type RunningSimulator } from '../server';
import { executeKw, json2, jsonrpc } from '../test-helpers';

describe.each([17, 18] as const)('Odoo %i mode', (version) => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startOdooSimulator({ dataset: buildSmallDataset(), version });
  });
  afterAll(() => sim.close());

  it('has no /web/version and no JSON-2, but common.version says the version', async () => {
    expect((await fetch(`${sim.url}/web/version`)).status).toBe(404);
    expect((await json2(sim, 'res.partner', 'search_count', { domain: [] })).status).toBe(404);
    const { body } = await jsonrpc(sim, { service: 'common', method: 'version', args: [] });
    expect(body.result).toEqual({ server_version: `${version}.0`, server_version_info: [version, 0, 0, 'final', 0, ''], server_serie: `${version}.0`, protocol_version: 1 });
  });

  it('uses error code 200 in JSON-RPC envelopes', async () => {
    const { reply, body } = await executeKw(sim, 'x_no.such.model', 'search', [[]]);
    expect(reply.status).toBe(200);
    expect(body.error).toMatchObject({ code: 200, message: 'Odoo Server Error', data: { name: 'odoo.exceptions.UserError', message: "Object x_no.such.model doesn't exist" } });
  });

  it('serves read_group (lazy) but not formatted_read_group', async () => {
    const { body } = await executeKw(sim, 'account.move.line', 'read_group', [[['parent_state', '=', 'posted']], ['balance:sum'], ['company_id']]);
    const groups = body.result as Array<Record<string, unknown>>;
    expect(groups.map((g) => g.company_id)).toEqual([[1, 'Boardpack Demo BV'], [2, 'Boardpack UK Ltd']]);
    for (const group of groups) {
      expect(group).toMatchObject({ company_id_count: expect.any(Number), balance: 0, __domain: ['&', ['parent_state', '=', 'posted'], ['company_id', '=', group.company_id instanceof Array ? group.company_id[0] : 0]] });
    }
    const missing = await executeKw(sim, 'account.move.line', 'formatted_read_group', [[]]);
    expect(missing.body.error?.data).toMatchObject({ name: 'builtins.AttributeError', message: "The method 'account.move.line.formatted_read_group' does not exist" });
  });

  it('reads account.account with the version-specific company field', async () => {
    const field = version === 17 ? 'company_id' : 'company_ids';
    const { body } = await executeKw(sim, 'account.account', 'search_read', [[['code', '=', '121000']]], { fields: ['code', field], context: { allowed_company_ids: [2] } });
    const expected = version === 17 ? [2, 'Boardpack UK Ltd'] : [2];
    expect(body.result).toEqual([{ id: expect.any(Number), code: '121000', [field]: expected }]);
  });
});

describe('Odoo 19 mode', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startOdooSimulator({ dataset: buildSmallDataset(), version: 19 });
  });
  afterAll(() => sim.close());

  it('groups with formatted_read_group: [start, label] months and __extra_domain', async () => {
    const reply = await json2(sim, 'account.move.line', 'formatted_read_group', {
      domain: [['parent_state', '=', 'posted'], ['company_id', '=', 1]],
      groupby: ['date:month'],
      aggregates: ['balance:sum', '__count'],
      limit: 2,
    });
    expect(reply.json()).toEqual([
      { 'date:month': ['2026-01-01', 'January 2026'], __extra_domain: ['&', ['date', '>=', '2026-01-01'], ['date', '<', '2026-02-01']], 'balance:sum': 0, __count: 12 },
      { 'date:month': ['2026-02-01', 'February 2026'], __extra_domain: ['&', ['date', '>=', '2026-02-01'], ['date', '<', '2026-03-01']], 'balance:sum': 0, __count: 20 },
    ]);
    expect(reply.text).toContain('"balance:sum": 0.0');
  });

  it('uses error code 0 in JSON-RPC envelopes', async () => {
    const { body } = await executeKw(sim, 'x_no.such.model', 'search', [[]]);
    expect(body.error?.code).toBe(0);
  });
});

describe('grouping details', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startOdooSimulator({ dataset: buildSmallDataset(), version: 19 });
  });
  afterAll(() => sim.close());

  it('orders groups by an aggregate when asked', async () => {
    const reply = await json2(sim, 'account.move', 'formatted_read_group', { domain: [['state', '=', 'posted'], ['company_id', '=', 1]], groupby: ['partner_id'], aggregates: ['amount_total_signed:sum'], order: 'amount_total_signed:sum desc' });
    const sums = (reply.json() as Array<Record<string, number>>).map((g) => g['amount_total_signed:sum']);
    expect(sums.length).toBeGreaterThan(3);
    expect([...sums].sort((a, b) => b - a)).toEqual(sums);
  });

  it('buckets datetimes in the context time zone, with UTC bounds in __extra_domain', async () => {
    const { dataset } = sim;
    dataset.write('sale.order', [1], { date_order: '2026-03-31 22:30:00' });
    const reply = await json2(sim, 'sale.order', 'formatted_read_group', { domain: [['id', '=', 1]], groupby: ['date_order:month'], aggregates: ['__count'], context: { tz: 'Europe/Brussels' } });
    expect(reply.json()).toEqual([
      { 'date_order:month': ['2026-04-01', 'April 2026'], __extra_domain: ['&', ['date_order', '>=', '2026-03-31 22:00:00'], ['date_order', '<', '2026-04-30 22:00:00']], __count: 1 },
    ]);
  });
});
