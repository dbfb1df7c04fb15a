// @vitest-environment node
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { createOdooClient } from './client';
import { OdooError } from './errors';
import { json, startReplayServer, type Answer, type ReceivedRequest, type ReplayServer } from './test-support/fixture-server';

// Retries, timeouts and cancellation against a real HTTP server on 127.0.0.1 that misbehaves on cue.
const VERSION_19 = json(200, { version_info: [19, 0, 0, 'final', 0, ''], version: '19.0' });
const OK_COUNT = json(200, 42);

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Answers /web/version, then the given answers in turn for JSON-2 calls (the last one repeats). */
async function serve(answers: Array<Answer | ((req: ReceivedRequest) => Promise<Answer>)>): Promise<ReplayServer> {
  let index = 0;
  server = await startReplayServer(async (req) => {
    if (req.url === '/web/version') return VERSION_19;
    const next = answers[Math.min(index++, answers.length - 1)];
    if (next === undefined) return OK_COUNT;
    return typeof next === 'function' ? next(req) : next;
  });
  return server;
}

const callsTo = (s: ReplayServer) => s.requests.filter((r) => r.url.startsWith('/json/2/')).length;

async function failureOf(promise: Promise<unknown>): Promise<OdooError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof OdooError)) throw new Error(`expected an OdooError, got ${String(error)}`);
  return error;
}

function client(url: string, extra: { maxRetries?: number; timeoutMs?: number } = {}) {
  return createOdooClient({ url, db: 'db', apiKey: 'key', retryBaseMs: 20, retryMaxMs: 200, ...extra }, { logger: silentLogger });
}

describe('resilience over real HTTP', () => {
  it('retries 502/503/504 with backoff and succeeds', async () => {
    const s = await serve([json(502, 'bad gateway'), json(503, 'unavailable'), json(504, 'timeout'), OK_COUNT]);
    const c = client(s.url);
    await expect(c.searchCount('res.partner', [])).resolves.toBe(42);
    expect(callsTo(s)).toBe(4);
    expect(c.stats().retries).toBe(3);
  });

  it('honours Retry-After on 429', async () => {
    const s = await serve([json(429, { message: 'slow down' }, { 'Retry-After': '1' }), OK_COUNT]);
    const c = client(s.url);
    const started = Date.now();
    await expect(c.searchCount('res.partner', [])).resolves.toBe(42);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(c.stats().retries).toBe(1);
  });

  it('gives a rate-limit error naming the call when 429s outlast the retries', async () => {
    const s = await serve([json(429, 'slow down')]);
    const error = await failureOf(client(s.url, { maxRetries: 2 }).searchCount('res.partner', []));
    expect(error.code).toBe('odoo.rate_limited');
    expect(error.message).toContain('res.partner.search_count');
    expect(callsTo(s)).toBe(3);
  });

  it('retries a reset connection and a truncated body', async () => {
    const s = await serve(['destroy', { truncate: json(200, [{ id: 1, name: 'x'.repeat(200) }]) }, OK_COUNT]);
    const c = client(s.url);
    await expect(c.searchCount('res.partner', [])).resolves.toBe(42);
    expect(c.stats().retries).toBe(2);
  });

  it('retries an unknown 500 (proxy page) but not a known Odoo exception', async () => {
    const s1 = await serve([{ status: 500, headers: { 'Content-Type': 'text/html' }, body: '<h1>Internal Server Error</h1>' }, OK_COUNT]);
    await expect(client(s1.url).searchCount('res.partner', [])).resolves.toBe(42);
    await s1.close();
    const s2 = await serve([json(500, { name: 'builtins.ValueError', message: 'Invalid field', arguments: [], context: {}, debug: '' })]);
    const error = await failureOf(client(s2.url).searchCount('res.partner', []));
    expect(error.code).toBe('odoo.invalid');
    expect(callsTo(s2)).toBe(1);
  });

  it('times out a silent server with odoo.timeout after bounded retries', async () => {
    const s = await serve([() => new Promise<Answer>(() => undefined)]);
    const error = await failureOf(client(s.url, { timeoutMs: 150, maxRetries: 1 }).searchCount('res.partner', []));
    expect(error.code).toBe('odoo.timeout');
    expect(error.message).toMatch(/res\.partner\.search_count/);
    expect(callsTo(s)).toBe(2);
  });

  it('reports a closed port as odoo.network at once (no pointless retries)', async () => {
    const probe = createServer();
    await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
    const address = probe.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    await new Promise<void>((ok) => probe.close(() => ok()));
    const c = client(`http://127.0.0.1:${port}`);
    const error = await failureOf(c.searchCount('res.partner', []));
    expect(error.code).toBe('odoo.network');
    expect(error.message).toMatch(/connection refused/);
    expect(c.stats().retries).toBe(0);
  });

  it('cancels an in-flight call and queued calls with code "cancelled", and sends nothing more', async () => {
    const s = await serve([() => new Promise<Answer>((ok) => setTimeout(() => ok(OK_COUNT), 2000))]);
    const c = createOdooClient({ url: s.url, db: 'db', apiKey: 'key', maxConcurrency: 1 }, { logger: silentLogger });
    await c.searchCount('res.partner', []).catch(() => undefined);
    const controller = new AbortController();
    const calls = [1, 2, 3].map(() => failureOf(c.searchCount('res.partner', [], { signal: controller.signal })));
    await new Promise((ok) => setTimeout(ok, 100));
    const before = callsTo(s);
    controller.abort();
    const errors = await Promise.all(calls);
    expect(errors.map((e) => e.code)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    await new Promise((ok) => setTimeout(ok, 100));
    expect(callsTo(s)).toBe(before);
  }, 10_000);
});

describe('session sharing', () => {
  it('a caller cancelled during connection does not cancel the other callers', async () => {
    const s = await serve([OK_COUNT]);
    const c = client(s.url);
    const controller = new AbortController();
    const cancelled = failureOf(c.searchCount('res.partner', [], { signal: controller.signal }));
    const other = c.searchCount('res.partner', []);
    controller.abort();
    expect((await cancelled).code).toBe('cancelled');
    await expect(other).resolves.toBe(42);
  });
});
