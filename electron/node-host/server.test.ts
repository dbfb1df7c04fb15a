import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore } from '../core/index';
import { silentLogger } from '../core/logging/logger';
import { createMemorySecretStore } from '../core/secrets';
import { startBrowserHost, type BrowserHost } from './server';

let host: BrowserHost;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bp-host-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  const core = createCore({ dataDir: join(dir, 'data'), secrets: createMemorySecretStore(), logger: silentLogger });
  host = await startBrowserHost({ core, rendererDir, logger: silentLogger });
});
afterAll(() => host.close());

const ping = (headers: Record<string, string>) =>
  fetch(`${host.url}/api/rpc`, { method: 'POST', headers, body: JSON.stringify({ id: 1, method: 'app.ping', params: { message: 'x' } }) });

describe('browser host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
    expect(host.appUrl).toContain('#token=');
  });

  it('answers a call carrying the token', async () => {
    const response = await ping({ 'x-boardpack-token': host.token });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { message: 'x' } });
  });

  it('refuses a call without the token', async () => {
    const response = await ping({});
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses a wrong token', async () => {
    expect((await ping({ 'x-boardpack-token': `${host.token}x` })).status).toBe(401);
  });

  it('refuses a foreign Origin even with the token', async () => {
    expect((await ping({ 'x-boardpack-token': host.token, origin: 'https://evil.example' })).status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request(`${host.url}/api/rpc`, { method: 'POST', headers: { host: `evil.example:${host.port}`, 'x-boardpack-token': host.token } }, (res) => resolve(res.statusCode ?? 0));
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('refuses a WebSocket without the token and serves one with it', async () => {
    const refused = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`${host.url.replace('http', 'ws')}/api/ws`);
      ws.on('error', (error) => resolve(error.message));
      ws.on('open', () => resolve('opened'));
    });
    expect(refused).toMatch(/401/);
    const reply = await new Promise<unknown>((resolve, reject) => {
      const ws = new WebSocket(`${host.url.replace('http', 'ws')}/api/ws?token=${host.token}`, { headers: { origin: host.url } });
      ws.on('error', reject);
      ws.on('open', () => ws.send(JSON.stringify({ type: 'call', id: 9, method: 'app.ping', params: { message: 'ws' } })));
      ws.on('message', (data) => {
        resolve(JSON.parse(String(data)));
        ws.close();
      });
    });
    expect(reply).toMatchObject({ type: 'response', id: 9, ok: true, value: { message: 'ws' } });
  });

  it('carries a call of 12 MB over the WebSocket (an upload of a month of shop exports) to the core, which answers it', async () => {
    const message = 'x'.repeat(12 * 1024 * 1024);
    const reply = await new Promise<{ id: number; ok: boolean; error?: { code: string; message: string } }>((resolve, reject) => {
      const ws = new WebSocket(`${host.url.replace('http', 'ws')}/api/ws?token=${host.token}`, { headers: { origin: host.url } });
      ws.on('error', reject);
      ws.on('close', (code) => reject(new Error(`socket closed with ${code}`)));
      ws.on('open', () => ws.send(JSON.stringify({ type: 'call', id: 10, method: 'app.ping', params: { message } })));
      ws.on('message', (data) => {
        resolve(JSON.parse(String(data)) as { id: number; ok: boolean; error?: { code: string; message: string } });
        ws.removeAllListeners('close');
        ws.close();
      });
    });
    // Carried whole and answered by the core: app.ping's input allows 200 characters, so validation names the field.
    expect(reply).toMatchObject({ id: 10, ok: false, error: { code: 'validation' } });
    expect(reply.error?.message).toMatch(/message/);
  });

  it('never serves files outside the renderer folder', async () => {
    const response = await fetch(`${host.url}/..%2fsecret.txt`);
    expect(await response.text()).not.toContain('outside the renderer');
  });

  it('serves the app with a strict Content-Security-Policy', async () => {
    const response = await fetch(`${host.url}/`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
