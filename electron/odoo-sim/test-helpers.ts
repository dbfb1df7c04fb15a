/** Small HTTP helpers for the simulator's own tests (real requests on 127.0.0.1, no mocks). */
import type { RunningSimulator } from './server';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json(): unknown;
}

async function reply(response: Response): Promise<Reply> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
}

/** POST /json/2/<model>/<method> with the admin key (or `key`). */
export async function json2(sim: RunningSimulator, model: string, method: string, body: unknown, key = sim.credentials.api_key): Promise<Reply> {
  return reply(
    await fetch(`${sim.url}/json/2/${model}/${method}`, {
      method: 'POST',
      headers: { Authorization: `bearer ${key}`, 'X-Odoo-Database': sim.credentials.db, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

/** POST a JSON-RPC call envelope to `path` (default /jsonrpc); returns the parsed envelope. */
export async function jsonrpc(sim: RunningSimulator, params: unknown, path = '/jsonrpc', cookie?: string): Promise<{ reply: Reply; body: { result?: unknown; error?: { code: number; message: string; data: { name: string; message: string } } } }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (cookie) headers.Cookie = cookie;
  const r = await reply(await fetch(`${sim.url}${path}`, { method: 'POST', headers, body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params }) }));
  return { reply: r, body: r.json() as { result?: unknown; error?: { code: number; message: string; data: { name: string; message: string } } } };
}

/** object.execute_kw as the admin user with the API key. */
export async function executeKw(sim: RunningSimulator, model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) {
  return jsonrpc(sim, { service: 'object', method: 'execute_kw', args: [sim.credentials.db, 2, sim.credentials.api_key, model, method, args, kwargs] });
}
