// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { buildSmallDataset } from '../../odoo-sim/seed-small';
import { startOdooSimulator } from '../../odoo-sim/server';
import { createOdooClient } from './client';
import { OdooError } from './errors';
import type { OdooConnectionConfig, OdooRecord } from './types';

// The client against the protocol-faithful simulator over real HTTP on 127.0.0.1, in 17, 18 and 19 modes.
type Sim = Awaited<ReturnType<typeof startOdooSimulator>>;

async function failureOf(promise: Promise<unknown>): Promise<OdooError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof OdooError)) throw new Error(`expected an OdooError, got ${String(error)}`);
  return error;
}

function configFor(sim: Sim, extra: Partial<OdooConnectionConfig> = {}): OdooConnectionConfig {
  return { url: sim.credentials.url, db: sim.credentials.db, login: sim.credentials.login, apiKey: sim.credentials.api_key, retryBaseMs: 20, retryMaxMs: 200, ...extra };
}

describe.each([17, 18, 19] as const)('Odoo %i through the simulator', (version) => {
  let sim: Sim;
  beforeAll(async () => {
    sim = await startOdooSimulator({ dataset: buildSmallDataset(), version, latencyMs: 0, faultRate: 0, onlineLimits: false, port: 0 });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('connects with the right protocol and sees the user and companies', async () => {
    const client = createOdooClient(configFor(sim), { logger: silentLogger });
    const info = await client.connect();
    expect(info.major).toBe(version);
    expect(info.protocol).toBe(version >= 19 ? 'json2' : 'jsonrpc');
    expect(info.userName.length).toBeGreaterThan(0);
    expect(info.companies.length).toBeGreaterThanOrEqual(2);
    expect(info.companies.every((c) => c.currencyName !== null)).toBe(true);
    expect(info.allowedCompanyIds).toEqual(expect.arrayContaining(info.companies.map((c) => c.id)));
  });

  it('reads with restricted fields, counts, reads by id and pages by keyset identically to one big search_read', async () => {
    const client = createOdooClient(configFor(sim), { logger: silentLogger });
    const fields = ['name', 'state', 'company_id', 'amount_total_signed'];
    const all = await client.searchRead('account.move', { fields, order: 'id asc' });
    expect(all.length).toBeGreaterThan(60);
    for (const r of all) expect(Object.keys(r).sort()).toEqual(['id', ...fields].sort());
    expect(await client.searchCount('account.move', [])).toBe(all.length);

    const paged: OdooRecord[] = [];
    const sizes: number[] = [];
    for await (const page of client.readKeyset('account.move', { fields, pageSize: 50 })) {
      paged.push(...page.records);
      sizes.push(page.pageSize);
    }
    expect(paged).toEqual(all);
    expect(sizes.length).toBeGreaterThan(1);

    const ids = all.slice(0, 3).map((r) => r.id);
    const read = await client.read('account.move', ids, fields);
    expect(read).toEqual(all.slice(0, 3));
    expect(await client.search('account.move', [['id', 'in', ids]], { order: 'id asc' })).toEqual(ids);
  });

  it('learns the schema with fields_get, including version differences', async () => {
    const client = createOdooClient(configFor(sim), { logger: silentLogger });
    const moveFields = await client.fieldsGet('account.move', ['type', 'selection', 'relation']);
    expect(moveFields.state?.type).toBe('selection');
    expect(moveFields.partner_id).toMatchObject({ type: 'many2one', relation: 'res.partner' });
    const accountFields = await client.fieldsGet('account.account', ['type']);
    if (version >= 18) expect(accountFields.company_ids?.type).toBe('many2many');
    else expect(accountFields.company_id?.type).toBe('many2one');
    expect(await client.hasModel('account.move')).toBe(true);
    expect(await client.hasModel('x_no.such.model')).toBe(false);
  });

  it('honours allowed_company_ids: per-company counts add up and rows belong to that company', async () => {
    const client = createOdooClient(configFor(sim), { logger: silentLogger });
    const info = await client.connect();
    const total = await client.searchCount('account.move', []);
    let sum = 0;
    for (const company of info.companies) {
      const rows = await client.searchRead('account.move', { fields: ['company_id'] }, { context: { allowed_company_ids: [company.id] } });
      expect(rows.every((r) => Array.isArray(r.company_id) && r.company_id[0] === company.id)).toBe(true);
      sum += rows.length;
    }
    expect(sum).toBe(total);
  });

  it('maps real error conditions to typed errors', async () => {
    const client = createOdooClient(configFor(sim, { maxRetries: 0 }), { logger: silentLogger });
    expect((await failureOf(client.searchCount('x_no.such.model', []))).code).toBe('odoo.missing_model');
    const invalid = await failureOf(client.searchRead('res.partner', { domain: [['no_such_field', '=', 1]], fields: ['name'] }));
    expect(invalid.code).toBe('odoo.invalid');
    expect(invalid.message).toContain('no_such_field');

    const badKey = createOdooClient(configFor(sim, { apiKey: '0'.repeat(40) }), { logger: silentLogger });
    const auth = await failureOf(badKey.connect());
    expect(auth.code).toBe('odoo.auth');
    expect(auth.hint).toMatch(/expire/);

    const restricted = createOdooClient(configFor(sim, { login: sim.restricted.login, apiKey: sim.restricted.api_key, maxRetries: 0 }), { logger: silentLogger });
    const info = await restricted.connect();
    const access = await failureOf(restricted.searchRead('account.move', { fields: ['name'], limit: 1 }));
    expect(access.code).toBe('odoo.access');
    expect(access.message).toContain('account.move');
    const other = (await client.connect()).companies.map((c) => c.id).find((id) => !info.allowedCompanyIds.includes(id));
    expect(other).toBeDefined();
    const company = await failureOf(restricted.searchCount('res.partner', [], { context: { allowed_company_ids: [other ?? 0] } }));
    expect(company.code).toBe('odoo.company');
  });
});
