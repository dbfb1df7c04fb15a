// `boardpack odoo-sim --json` as a script would use it: one JSON line once listening, then Ctrl-C.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin.mjs', import.meta.url));

describe('boardpack odoo-sim', () => {
  it('prints {url, db, login, password, api_key} once listening, serves Odoo, and stops on SIGINT', async () => {
    const child = spawn(process.execPath, [BIN, 'odoo-sim', '--json', '--version', '18', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    const firstLine = new Promise<string>((resolve) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('\n')) resolve(stdout.split('\n')[0]);
      });
    });
    const info = JSON.parse(await firstLine) as Record<string, string>;
    expect(Object.keys(info)).toEqual(['url', 'db', 'login', 'password', 'api_key']);
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info.api_key).toMatch(/^[0-9a-f]{40}$/);
    const response = await fetch(`${info.url}/jsonrpc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { service: 'common', method: 'authenticate', args: [info.db, info.login, info.api_key, {}] } }),
    });
    expect(await response.json()).toEqual({ jsonrpc: '2.0', id: 1, result: 2 });
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('rejects a bad version with a usage error (exit 2)', async () => {
    const child = spawn(process.execPath, [BIN, 'odoo-sim', '--version', '16'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toContain('--version must be 17, 18 or 19');
  });
});
