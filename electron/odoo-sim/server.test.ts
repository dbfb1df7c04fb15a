import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSmallDataset } from './seed-small';
import { startOdooSimulator, type RunningSimulator } from './server';

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('simulator over HTTP (19)', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startOdooSimulator({ dataset: buildSmallDataset(), version: 19 });
  });
  afterAll(() => sim.close());

  it('binds loopback and serves the version probe', async () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${sim.url}/web/version`);
    expect(await response.text()).toBe('{"version_info": [19, 0, 0, "final", 0, ""], "version": "19.0"}');
  });

  it('answers JSON-2 search_read with Odoo encodings and Python floats', async () => {
    const { credentials: c } = sim;
    const res = await post(`${sim.url}/json/2/account.move/search_read`, { domain: [['move_type', '=', 'out_invoice'], ['state', '=', 'posted']], fields: ['name', 'partner_id', 'amount_total', 'ref', 'line_ids'], limit: 2, order: 'id asc', context: { allowed_company_ids: [2] } }, { Authorization: `bearer ${c.api_key}`, 'X-Odoo-Database': c.db });
    expect(res.status).toBe(200);
    const rows = JSON.parse(res.text) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(2);
    expect(rows[0].partner_id).toEqual([expect.any(Number), expect.any(String)]);
    expect(rows[0].ref).toBe(false);
    expect(res.text).toMatch(/"amount_total": \d+\.\d+/);
  });

  it('rejects a bad key with 401 and the bearer challenge', async () => {
    const res = await post(`${sim.url}/json/2/res.partner/search_count`, { domain: [] }, { Authorization: 'bearer nope' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer ');
    expect(JSON.parse(res.text)).toMatchObject({ name: 'werkzeug.exceptions.Unauthorized', message: 'Invalid apikey' });
  });

  it('serves /jsonrpc with an API key as password and XML-RPC faults', async () => {
    const { credentials: c } = sim;
    const uidRes = await post(`${sim.url}/jsonrpc`, { jsonrpc: '2.0', method: 'call', id: 1, params: { service: 'common', method: 'authenticate', args: [c.db, c.login, c.api_key, {}] } });
    const uid = (JSON.parse(uidRes.text) as { result: number }).result;
    expect(uid).toBe(2);
    const count = await post(`${sim.url}/jsonrpc`, { jsonrpc: '2.0', method: 'call', id: 2, params: { service: 'object', method: 'execute_kw', args: [c.db, uid, c.password, 'res.company', 'search_count', [[]]] } });
    expect(JSON.parse(count.text)).toEqual({ jsonrpc: '2.0', id: 2, result: 2 });
    const xml = await fetch(`${sim.url}/xmlrpc/2/object`, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body: `<?xml version='1.0'?><methodCall><methodName>execute_kw</methodName><params><param><value><string>${c.db}</string></value></param><param><value><int>2</int></value></param><param><value><string>${c.api_key}</string></value></param><param><value><string>x.nope</string></value></param><param><value><string>search</string></value></param><param><value><array><data><value><array><data></data></array></value></data></array></value></param></params></methodCall>` });
    const text = await xml.text();
    expect(text).toContain('<name>faultCode</name>\n<value><int>2</int></value>');
    expect(text).toContain("Object x.nope doesn't exist");
  });

  it('logs requests for politeness checks', () => {
    expect(sim.requestLog.count()).toBeGreaterThanOrEqual(5);
    expect(sim.requestLog.maxConcurrency()).toBe(1);
  });
});

describe('legacy XML-RPC routes', () => {
  it('answer string fault codes on /xmlrpc/object', async () => {
    const sim = await startOdooSimulator({ dataset: buildSmallDataset() });
    try {
      const c = sim.credentials;
      const body = `<?xml version='1.0'?><methodCall><methodName>execute</methodName><params><param><value><string>${c.db}</string></value></param><param><value><int>2</int></value></param><param><value><string>${c.password}</string></value></param><param><value><string>x.nope</string></value></param><param><value><string>search</string></value></param><param><value><array><data></data></array></value></param></params></methodCall>`;
      const text = await (await fetch(`${sim.url}/xmlrpc/object`, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body })).text();
      expect(text).toContain("<name>faultCode</name>\n<value><string>warning -- UserError\n\nObject x.nope doesn't exist</string></value>");
    } finally {
      await sim.close();
    }
  });
});
