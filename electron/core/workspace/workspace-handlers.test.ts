import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { startTestCore, type TestCore } from './test-core';

/** A loopback port with nothing listening: connection refused, immediately. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const cores: TestCore[] = [];
function core(options?: Parameters<typeof startTestCore>[0]): TestCore {
  const created = startTestCore(options);
  cores.push(created);
  return created;
}
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

describe('workspace and settings through the dispatcher', () => {
  it('a demo start cancelled while the company is generated opens nothing and starts no sync', async () => {
    const c = core();
    const controller = new AbortController();
    const pending = c.core.dispatch({ id: 1, method: 'demo.start', params: { scale: 'small' } }, controller.signal);
    controller.abort();
    const response = await pending;
    expect(response).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const state = await c.call('workspace.getState', {});
    expect(state.active).toBeNull();
    expect(c.events.some((e) => e.event === 'sync.progressed' || e.event === 'sync.completed')).toBe(false);
    // The generated server is kept: starting again works at once.
    const started = await c.call('demo.start', { scale: 'small' });
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    await c.waitFor('sync.completed');
  });

  it('starts with no profile and says what to do', async () => {
    const c = core();
    const state = await c.call('workspace.getState', {});
    expect(state.active).toBeNull();
    expect(state.profiles).toEqual([]);
    await expect(c.call('sync.status', {})).rejects.toMatchObject({ code: 'not_found', hint: expect.stringContaining('demo company') });
  });

  it('merges settings, validates them, and keeps them across a restart', async () => {
    const first = core();
    const defaults = await first.call('settings.get', {});
    expect(defaults).toMatchObject({ theme: 'auto', locale: 'en-GB', schedule: { enabled: false, everyMinutes: 15 } });
    await first.call('settings.set', { theme: 'dark', schedule: { ...defaults.schedule, enabled: true, everyMinutes: 30 } });
    await expect(first.call('settings.set', { schedule: { ...defaults.schedule, from: '25:00' } })).rejects.toMatchObject({ code: 'validation' });
    await first.core.close();
    const second = core({ dataDir: first.dataDir });
    const reread = await second.call('settings.get', {});
    expect(reread).toMatchObject({ theme: 'dark', locale: 'en-GB', schedule: { enabled: true, everyMinutes: 30, from: '08:00' } });
  });
});

describe('connection', () => {
  it('diagnoses an unreachable server in plain words instead of failing', async () => {
    const c = core();
    const port = await closedPort();
    const report = await c.call('connection.test', { url: `http://127.0.0.1:${port}`, db: 'prod', apiKey: 'k'.repeat(40) });
    expect(report.ok).toBe(false);
    expect(report.problem?.code).toBe('odoo.network');
    expect(report.problem?.message).toMatch(/127\.0\.0\.1/);
  });

  it('asks for the key when none is given or stored', async () => {
    const c = core();
    await expect(c.call('connection.test', { url: 'http://127.0.0.1:9', db: 'prod' })).rejects.toMatchObject({ code: 'validation', message: 'Enter the API key.' });
  });

  it('saves the key in the secret store only, never in the profile file nor the answer', async () => {
    const clock = fixedClock('2026-03-01T10:00:00Z');
    const c = core({ clock });
    const key = 'abcdef0123456789abcdef0123456789abcdef01';
    const saved = await c.call('connection.save', { url: 'https://acme.odoo.com/', db: 'acme', login: 'cfo@acme.test', apiKey: key });
    expect(JSON.stringify(saved)).not.toContain(key);
    expect(saved.profile).toMatchObject({ kind: 'odoo', url: 'https://acme.odoo.com', db: 'acme', keySavedAt: '2026-03-01T10:00:00.000Z' });
    expect(saved.keyAge.status).toBe('ok');
    expect(readFileSync(join(c.dataDir, 'profiles.json'), 'utf8')).not.toContain(key);
    expect(await c.secrets.get(`odoo.apiKey.${saved.profile.id}`)).toBe(key);
    const state = await c.call('workspace.getState', {});
    expect(state.activeProfileId).toBe(saved.profile.id);
    expect(state.active).toMatchObject({ hasData: false, companies: [], keyAge: { status: 'ok' } });
    expect(JSON.stringify(state)).not.toContain(key);

    clock.set('2026-05-20T10:00:00Z');
    expect((await c.call('workspace.getState', {})).active?.keyAge.status).toBe('expiring');
    clock.set('2026-06-02T10:00:00Z');
    expect((await c.call('workspace.getState', {})).active?.keyAge).toMatchObject({ status: 'expired', message: expect.stringContaining('Preferences > Account Security') });
  });

  it('a restarted session without the key says the key is missing and a sync fails with what to do', async () => {
    const first = core();
    const saved = await first.call('connection.save', { url: 'https://acme.odoo.com', db: 'acme', apiKey: 'secret-key' });
    await first.core.close();
    const second = core({ dataDir: first.dataDir });
    const state = await second.call('workspace.getState', {});
    expect(state.active?.profile.id).toBe(saved.profile.id);
    expect(state.active?.keyAge.status).toBe('missing');
    const since = second.events.length;
    const { runId } = await second.call('sync.start', {});
    const completed = await second.waitFor('sync.completed', since);
    expect(completed.payload).toMatchObject({ runId, status: 'failed', code: 'odoo.auth', hint: expect.stringContaining('Connection') });
    const status = await second.call('sync.status', {});
    expect(status).toMatchObject({ running: false, lastError: { code: 'odoo.auth' } });
  });

  it('marks an unreachable server offline while the cache stays usable', async () => {
    const c = core();
    const port = await closedPort();
    await c.call('connection.save', { url: `http://127.0.0.1:${port}`, db: 'acme', apiKey: 'secret-key' });
    const state = await c.call('workspace.checkOnline', {});
    expect(state.active).toMatchObject({ online: 'offline', onlineProblem: expect.stringContaining('127.0.0.1') });
  });
});
