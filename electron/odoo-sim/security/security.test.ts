// Credentials, web sessions, ACLs, companies and module availability, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSmallDataset } from '../seed-small';
import { startOdooSimulator, type RunningSimulator } from '../server';
import { executeKw, json2, jsonrpc } from '../test-helpers';
import { newApiKey } from './users';

const expiredKey = newApiKey();

describe('security of the simulator', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    const base = { login: 'admin', name: 'Admin', password: 'secret-pw', companyIds: [1, 2], technicalDocumentation: true };
    sim = await startOdooSimulator({
      dataset: buildSmallDataset(),
      installedModels: ['res.partner', 'res.company', 'res.currency', 'res.users', 'account.move', 'account.move.line', 'account.account', 'stock.location', 'ir.model'],
      users: [
        { ...base, id: 2, apiKeys: [{ key: newApiKey() }, { key: expiredKey, expiresAt: '2020-01-01 00:00:00' }] },
        { id: 7, login: 'reader', name: 'Reader', password: 'reader-pw', companyIds: [1], apiKeys: [{ key: newApiKey() }], deniedModels: ['account.move'] },
      ],
    });
  });
  afterAll(() => sim.close());

  it('JSON-2 takes API keys only; an expired key fails exactly like a wrong one', async () => {
    expect((await json2(sim, 'res.partner', 'search_count', { domain: [] })).status).toBe(200);
    const password = await json2(sim, 'res.partner', 'search_count', { domain: [] }, 'secret-pw');
    const expired = await json2(sim, 'res.partner', 'search_count', { domain: [] }, expiredKey);
    expect(password.status).toBe(401);
    expect(expired.status).toBe(401);
    expect(expired.json()).toMatchObject({ name: 'werkzeug.exceptions.Unauthorized', message: 'Invalid apikey' });
  });

  it('JSON-RPC takes the password or a key; authenticate returns false for bad ones', async () => {
    const auth = async (secret: string) => (await jsonrpc(sim, { service: 'common', method: 'authenticate', args: [sim.credentials.db, 'admin', secret, {}] })).body.result;
    expect(await auth('secret-pw')).toBe(2);
    expect(await auth(sim.credentials.api_key)).toBe(2);
    expect(await auth(expiredKey)).toBe(false);
    const denied = await jsonrpc(sim, { service: 'object', method: 'execute_kw', args: [sim.credentials.db, 2, expiredKey, 'res.partner', 'search_count', [[]]] });
    expect(denied.body.error?.data).toMatchObject({ name: 'odoo.exceptions.AccessDenied', message: 'Access Denied' });
  });

  it('the web session takes the password only, then call_kw works with the cookie', async () => {
    const withKey = await jsonrpc(sim, { db: sim.credentials.db, login: 'admin', password: sim.credentials.api_key }, '/web/session/authenticate');
    expect(withKey.body.error?.data.name).toBe('odoo.exceptions.AccessDenied');
    const login = await jsonrpc(sim, { db: sim.credentials.db, login: 'admin', password: 'secret-pw' }, '/web/session/authenticate');
    expect(login.body.result).toMatchObject({ uid: 2, user_context: { lang: 'en_US', tz: 'Europe/Brussels', uid: 2 }, db: sim.credentials.db });
    const cookie = login.reply.headers.get('set-cookie')?.split(';')[0] ?? '';
    const call = await jsonrpc(sim, { model: 'res.company', method: 'search_read', args: [[]], kwargs: { fields: ['name'] } }, '/web/dataset/call_kw/res.company/search_read', cookie);
    expect(call.body.result).toEqual([{ id: 1, name: 'Boardpack Demo BV' }, { id: 2, name: 'Boardpack UK Ltd' }]);
    const noCookie = await jsonrpc(sim, { model: 'res.company', method: 'search_read', args: [[]], kwargs: {} }, '/web/dataset/call_kw');
    expect(noCookie.body.error).toMatchObject({ code: 100, data: { name: 'odoo.http.SessionExpiredException' } });
  });

  it('a restricted user gets the real AccessError and cannot pick a company it lacks', async () => {
    const readerKey = sim.restricted.api_key;
    const denied = await json2(sim, 'account.move', 'search_read', { domain: [], fields: ['name'], limit: 1 }, readerKey);
    expect(denied.status).toBe(403);
    expect(denied.json()).toMatchObject({ name: 'odoo.exceptions.AccessError', message: expect.stringContaining("You are not allowed to access 'Journal Entry' (account.move) records.") });
    const company = await json2(sim, 'res.partner', 'search_count', { domain: [], context: { allowed_company_ids: [2] } }, readerKey);
    expect(company.status).toBe(403);
    expect(company.json()).toMatchObject({ message: 'Access to unauthorized or invalid companies.' });
  });

  it('filters records by the active companies and refuses to read another company record by id', async () => {
    const all = (await json2(sim, 'account.move', 'search_count', { domain: [] })).json();
    const one = (await json2(sim, 'account.move', 'search_count', { domain: [], context: { allowed_company_ids: [1] } })).json();
    const two = (await json2(sim, 'account.move', 'search_count', { domain: [], context: { allowed_company_ids: [2] } })).json();
    expect(Number(one) + Number(two)).toBe(all);
    const foreignId = ((await json2(sim, 'account.move', 'search', { domain: [], limit: 1, context: { allowed_company_ids: [2] } })).json() as number[])[0];
    const read = await json2(sim, 'account.move', 'read', { ids: [foreignId], fields: ['name'], context: { allowed_company_ids: [1] } });
    expect(read.status).toBe(403);
    expect(read.json()).toMatchObject({ name: 'odoo.exceptions.AccessError', message: expect.stringContaining('top-secret records') });
  });

  it('hides archived records from searches but reads them by id', async () => {
    expect((await json2(sim, 'res.partner', 'search', { domain: [['id', '=', 21]] })).json()).toEqual([]);
    expect((await json2(sim, 'res.partner', 'search', { domain: [['id', '=', 21]], context: { active_test: false } })).json()).toEqual([21]);
    expect((await json2(sim, 'res.partner', 'read', { ids: [21], fields: ['active'] })).json()).toEqual([{ id: 21, active: false }]);
  });

  it('a model of a module that is not installed is missing on every protocol', async () => {
    const json2Reply = await json2(sim, 'crm.lead', 'search_count', { domain: [] });
    expect(json2Reply.status).toBe(404);
    expect(json2Reply.json()).toMatchObject({ message: "the model 'crm.lead' does not exist" });
    const rpc = await executeKw(sim, 'crm.lead', 'search_count', [[]]);
    expect(rpc.body.error?.data.message).toBe("Object crm.lead doesn't exist");
    expect((await executeKw(sim, 'ir.model', 'search', [[['model', '=', 'crm.lead']]])).body.result).toEqual([]);
  });

  it('child_of walks the location tree', async () => {
    const reply = await json2(sim, 'stock.location', 'search_read', { domain: [['id', 'child_of', [1]]], fields: ['complete_name'], order: 'id' });
    expect((reply.json() as Array<{ complete_name: string }>).map((l) => l.complete_name)).toEqual(['Partners', 'Partners/Customers']);
  });
});
