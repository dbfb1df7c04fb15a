// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import { silentLogger } from '../logging/logger';
import { knownModels } from '../../odoo-sim/schema/index';
import { buildSmallDataset } from '../../odoo-sim/seed-small';
import { startOdooSimulator } from '../../odoo-sim/server';
import { diagnoseConnection } from './diagnose';

// diagnoseConnection and `boardpack connect` against the simulator (crm not installed).
type Sim = Awaited<ReturnType<typeof startOdooSimulator>>;

async function cli(argv: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env, cwd: process.cwd(), signal: new AbortController().signal });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe.each([19, 17] as const)('connection diagnosis on Odoo %i', (version) => {
  let sim: Sim;
  beforeAll(async () => {
    sim = await startOdooSimulator({ dataset: buildSmallDataset(), version, port: 0, installedModels: knownModels().filter((m) => !m.startsWith('crm.')) });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('reports version, protocol, user, companies with currencies, and model availability', async () => {
    const c = sim.credentials;
    const report = await diagnoseConnection({ url: c.url, db: c.db, login: c.login, apiKey: c.api_key }, { logger: silentLogger });
    expect(report).toMatchObject({ ok: true, major: version, protocol: version >= 19 ? 'json2' : 'jsonrpc', user: { name: 'Mitchell Admin' } });
    expect(report.problem).toBeUndefined();
    expect(report.companies.length).toBeGreaterThanOrEqual(2);
    expect(report.companies.every((co) => typeof co.currency === 'string')).toBe(true);
    expect(report.models.find((m) => m.name === 'account.move')).toMatchObject({ available: true, readable: true });
    expect(report.models.find((m) => m.name === 'crm.lead')).toMatchObject({ available: false, readable: false, note: 'module not installed' });
    expect(JSON.stringify(report)).not.toContain(c.api_key);
  });

  it('diagnoses a user without accounting rights instead of throwing', async () => {
    const r = sim.restricted;
    const report = await diagnoseConnection({ url: r.url, db: r.db, login: r.login, apiKey: r.api_key }, { logger: silentLogger });
    expect(report.ok).toBe(false);
    expect(report.problem?.code).toBe('odoo.access');
    expect(report.problem?.message).toContain('account.move');
    expect(report.models.find((m) => m.name === 'account.move')).toMatchObject({ available: true, readable: false });
  });

  it('`boardpack connect` prints the diagnosis, never the key; --json prints one document; exit 1 on a bad key', async () => {
    const c = sim.credentials;
    const flags = ['connect', '--url', c.url, '--db', c.db, '--login', c.login, '--api-key-env', 'ODOO_KEY'];
    const human = await cli(flags, { ODOO_KEY: c.api_key });
    expect(human.code).toBe(0);
    expect(human.out).toContain(`Odoo ${version}.0`);
    expect(human.out).toMatch(/missing crm\.lead - module not installed/);
    expect(`${human.out}${human.err}`).not.toContain(c.api_key);

    const machine = await cli([...flags, '--json'], { ODOO_KEY: c.api_key });
    expect(machine.code).toBe(0);
    const parsed: unknown = JSON.parse(machine.out);
    expect(parsed).toMatchObject({ ok: true, protocol: version >= 19 ? 'json2' : 'jsonrpc' });

    const bad = await cli(flags, { ODOO_KEY: '0'.repeat(40) });
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^error: Odoo rejected the credentials/m);
    expect(bad.err).toMatch(/^hint: .*expire/m);
    expect(`${bad.out}${bad.err}`).not.toContain('0'.repeat(40));

    expect((await cli(flags, {})).err).toMatch(/ODOO_KEY is empty or not set/);
    expect((await cli([...flags, '--protocol', 'soap'], { ODOO_KEY: c.api_key })).code).toBe(2);
  });
});
