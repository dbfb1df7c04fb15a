// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { FaultInjector } from '../../odoo-sim/faults';
import { buildSmallDataset } from '../../odoo-sim/seed-small';
import { knownModels } from '../../odoo-sim/schema/index';
import { defaultUserSpecs, newApiKey } from '../../odoo-sim/security/users';
import { startOdooSimulator, type SimOptions } from '../../odoo-sim/server';
import { createOdooClient } from './client';
import { OdooError } from './errors';
import type { OdooConnectionConfig } from './types';

// Real conditions produced by the simulator: expired keys, slow servers, faults, Odoo Online limits.
type Sim = Awaited<ReturnType<typeof startOdooSimulator>>;
let sim: Sim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(options: Partial<SimOptions> = {}): Promise<Sim> {
  sim = await startOdooSimulator({ dataset: buildSmallDataset(), version: 19, latencyMs: 0, faultRate: 0, onlineLimits: false, port: 0, ...options });
  return sim;
}

function configFor(s: Sim, extra: Partial<OdooConnectionConfig> = {}): OdooConnectionConfig {
  return { url: s.credentials.url, db: s.credentials.db, login: s.credentials.login, apiKey: s.credentials.api_key, retryBaseMs: 20, retryMaxMs: 200, ...extra };
}

async function failureOf(promise: Promise<unknown>): Promise<OdooError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof OdooError)) throw new Error(`expected an OdooError, got ${String(error)}`);
  return error;
}

/** A fault seed whose first `n` injected faults are all HTTP 500s. */
function seedWithLeading500s(n: number): number {
  for (let seed = 1; seed < 100_000; seed++) {
    const injector = new FaultInjector(1, seed);
    if (Array.from({ length: n }, () => injector.next()).every((f) => f === 'http500')) return seed;
  }
  throw new Error('no seed found');
}

describe.each([19, 17] as const)('error conditions on Odoo %i', (version) => {
  it('an expired API key is an auth error that says keys expire', async () => {
    const expired = newApiKey();
    const users = defaultUserSpecs([1, 2, 3]);
    const admin = users[0];
    if (!admin) throw new Error('no admin');
    admin.apiKeys.push({ key: expired, expiresAt: '2020-01-01 00:00:00' });
    const s = await start({ version, users });
    const error = await failureOf(createOdooClient(configFor(s, { apiKey: expired }), { logger: silentLogger }).connect());
    expect(error.code).toBe('odoo.auth');
    expect(error.hint).toMatch(/expire.*three months/);
  });

  it('latency above the timeout gives odoo.timeout after bounded retries', async () => {
    const s = await start({ version, latencyMs: 400 });
    const client = createOdooClient(configFor(s, { timeoutMs: 100, maxRetries: 1 }), { logger: silentLogger });
    const error = await failureOf(client.connect());
    expect(error.code).toBe('odoo.timeout');
    expect(client.stats().retries).toBe(1);
  });

  it('a server 500 is odoo.server once retries are exhausted', async () => {
    const s = await start({ version, faultRate: 1, faultSeed: seedWithLeading500s(2) });
    const error = await failureOf(createOdooClient(configFor(s, { maxRetries: 0 }), { logger: silentLogger }).connect());
    expect(error.code).toBe('odoo.server');
    expect(error.status).toBe(500);
  });

  it('with 20% faults (500s, resets, truncated bodies) every call eventually succeeds', async () => {
    const s = await start({ version, faultRate: 0.2, faultSeed: 7 });
    const client = createOdooClient(configFor(s, { maxRetries: 8 }), { logger: silentLogger });
    await client.connect();
    const counts = await Promise.all(Array.from({ length: 30 }, () => client.searchCount('account.move', [])));
    const pages: number[] = [];
    for await (const page of client.readKeyset('account.move.line', { fields: ['balance'], pageSize: 50 })) pages.push(page.records.length);
    expect(new Set(counts).size).toBe(1);
    expect(pages.reduce((a, b) => a + b, 0)).toBe(await client.searchCount('account.move.line', []));
    expect(client.stats().retries).toBeGreaterThan(0);
  });

  it('with every call faulted, retries run out with a clear error naming the call', async () => {
    const s = await start({ version, faultRate: 1, faultSeed: 3 });
    const client = createOdooClient(configFor(s, { maxRetries: 2 }), { logger: silentLogger });
    const error = await failureOf(client.connect());
    expect(['odoo.server', 'odoo.network']).toContain(error.code);
    expect(error.message).toMatch(/version|common/);
    expect(client.stats().retries).toBe(2);
  });

  it('a model whose module is not installed is odoo.missing_model; hasModel says false', async () => {
    const s = await start({ version, installedModels: knownModels().filter((m) => m !== 'crm.lead' && m !== 'crm.stage') });
    const client = createOdooClient(configFor(s), { logger: silentLogger });
    const error = await failureOf(client.searchRead('crm.lead', { fields: ['name'] }));
    expect(error.code).toBe('odoo.missing_model');
    expect(error.message).toContain('crm.lead');
    expect(error.hint).toMatch(/skips/);
    expect(await client.hasModel('crm.lead')).toBe(false);
    expect(await client.hasModel('sale.order')).toBe(true);
  });

  it('a closed port is odoo.network', async () => {
    const s = await start({ version });
    const config = configFor(s);
    await s.close();
    sim = undefined;
    const error = await failureOf(createOdooClient(config, { logger: silentLogger }).connect());
    expect(error.code).toBe('odoo.network');
  });
});

describe('Odoo Online politeness (simulator with onlineLimits)', () => {
  it('an impolite burst gets 429 with Retry-After; the client waits it out and succeeds', async () => {
    const s = await start({ onlineLimits: true });
    const impatient = createOdooClient(configFor(s, { hosting: 'self-hosted', maxConcurrency: 4, minIntervalMs: 0, maxRetries: 0 }), { logger: silentLogger });
    const burst = await Promise.allSettled([1, 2, 3].map(() => impatient.call('res.partner', 'search_count', { domain: [] })));
    const rejected = burst.flatMap((r) => (r.status === 'rejected' && r.reason instanceof OdooError ? [r.reason] : []));
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected[0]).toMatchObject({ code: 'odoo.rate_limited', retryAfterMs: 1000 });

    const patient = createOdooClient(configFor(s, { hosting: 'self-hosted', maxConcurrency: 4, minIntervalMs: 0, maxRetries: 6 }), { logger: silentLogger });
    await new Promise((ok) => setTimeout(ok, 1100));
    const started = Date.now();
    const counts = await Promise.all([1, 2, 3].map(() => patient.call<number>('res.partner', 'search_count', { domain: [] })));
    expect(new Set(counts).size).toBe(1);
    expect(patient.stats().retries).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  }, 30_000);

  it('a client marked as Odoo Online keeps one call in flight, >= 1 s apart, and never sees a 429', async () => {
    const s = await start({ onlineLimits: true });
    const client = createOdooClient(configFor(s, { hosting: 'online' }), { logger: silentLogger });
    expect(client.politeness).toMatchObject({ online: true, maxConcurrency: 1, minIntervalMs: 1000 });
    await Promise.all([
      client.connect(),
      ...[1, 2, 3, 4, 5].map(() => client.searchCount('res.partner', [])),
    ]);
    expect(s.requestLog.count()).toBeGreaterThanOrEqual(8);
    expect(s.requestLog.maxConcurrency()).toBe(1);
    expect(s.requestLog.minGapMs()).toBeGreaterThanOrEqual(1000);
    expect(s.requestLog.all().filter((e) => e.status === 429)).toEqual([]);
    expect(client.stats().retries).toBe(0);
  }, 30_000);
});
