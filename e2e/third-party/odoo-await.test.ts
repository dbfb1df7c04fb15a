// A third-party XML-RPC client (npm odoo-await, unchanged) against the simulator over real HTTP.
import OdooAwait from 'odoo-await';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSmallDataset } from '../../electron/odoo-sim/seed-small';
import { startOdooSimulator, type RunningSimulator } from '../../electron/odoo-sim/server';

type OdooRow = Record<string, unknown>;

describe.each([17, 19] as const)('odoo-await (XML-RPC) against the Odoo %i simulator', (version) => {
  let sim: RunningSimulator;
  const client = (password: string) => new OdooAwait({ baseUrl: sim.url, db: sim.credentials.db, username: sim.credentials.login, password });

  beforeAll(async () => {
    sim = await startOdooSimulator({ dataset: buildSmallDataset(), version });
  });
  afterAll(() => sim.close());

  it('connects with the password and with an API key', async () => {
    expect(await client(sim.credentials.password).connect()).toBe(2);
    expect(await client(sim.credentials.api_key).connect()).toBe(2);
  });

  it('searchRead, search_count and read return Odoo-encoded records', async () => {
    const odoo = client(sim.credentials.api_key);
    await odoo.connect();
    const partners: OdooRow[] = await odoo.searchRead('res.partner', [['customer_rank', '>', 0]], ['name', 'country_id', 'email'], { order: 'id asc' });
    expect(partners.map((p) => p.name)).toEqual(['Azure Interior', 'Deco Addict', 'Gemini Furniture', 'Lumber Inc', 'Ready Mat', 'Wood Corner']);
    expect(partners[0].country_id).toEqual([21, 'Belgium']);
    const count = await odoo.execute_kw('account.move', 'search_count', [[[['move_type', '=', 'out_invoice'], ['state', '=', 'posted']]]]);
    expect(count).toBe(62);
    const [move]: OdooRow[] = await odoo.read('account.move', 1, ['name', 'amount_total', 'partner_id', 'line_ids', 'invoice_date']);
    expect(move).toMatchObject({ id: 1, name: 'INV/2026/00001', invoice_date: '2026-01-05' });
    expect(typeof move.amount_total).toBe('number');
    expect(Array.isArray(move.line_ids) && move.line_ids.length).toBe(3);
    const fields: Record<string, unknown> = await odoo.getFields('account.move', ['type']);
    expect(fields.state).toEqual({ type: 'selection' });
  });

  it('fails clearly with a bad password', async () => {
    await expect(client('wrong-password').connect()).rejects.toMatch(/invalid credentials/);
    const odoo = client(sim.credentials.password);
    await odoo.connect();
    // Same connection, the password changed under it: every call is re-authenticated by Odoo.
    Object.assign(odoo, { password: 'wrong-password' });
    const fault = await odoo.searchRead('res.partner', [], ['name']).then(() => undefined, (error: unknown) => error);
    expect(fault).toMatchObject({ faultCode: 3, faultString: 'Access Denied' });
  });
});
