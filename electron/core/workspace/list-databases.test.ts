import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/rpc/errors';
import { silentLogger } from '../logging/logger';
import { errorBody, odooErrors } from '../../odoo-sim/orm/errors';
import { buildSmallDataset } from '../../odoo-sim/seed-small';
import { startOdooSimulator, type RunningSimulator } from '../../odoo-sim/server';
import { listDatabases } from './list-databases';

/** Starts a real HTTP server on 127.0.0.1 and returns its base URL. */
async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * A server started with list_db = False answers `db.list` the way Odoo does: a JSON-RPC error
 * envelope naming odoo.exceptions.AccessDenied (HTTP 200). Every other call is out of scope here.
 */
function forbiddingServer(calls: string[]): Server {
  return createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: number; params: { service: string; method: string } };
      calls.push(`${request.url} ${body.params.service}.${body.params.method}`);
      const data = errorBody(odooErrors.accessDenied());
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ jsonrpc: '2.0', id: body.id, error: { code: 200, message: 'Odoo Server Error', data } }));
    });
  });
}

describe('listDatabases against real servers on 127.0.0.1', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startOdooSimulator({ dataset: buildSmallDataset(), version: 19, db: 'acme-prod', port: 0 });
  });
  afterAll(() => sim.close());

  it('returns the simulator database list (db.list over /jsonrpc)', async () => {
    const result = await listDatabases(sim.url, { logger: silentLogger });
    expect(result).toEqual({ databases: ['acme-prod'], listed: true });
    expect(sim.requestLog.all().some((e) => e.path === '/jsonrpc' && e.method === 'db.list')).toBe(true);
  });

  it('tolerates a trailing slash in the address the user typed', async () => {
    const result = await listDatabases(`${sim.url}///`, { logger: silentLogger });
    expect(result.databases).toEqual(['acme-prod']);
  });

  it('a server that forbids listing says so and asks for the name, without failing', async () => {
    const calls: string[] = [];
    const server = forbiddingServer(calls);
    const url = await listen(server);
    try {
      const result = await listDatabases(url, { logger: silentLogger });
      expect(result.listed).toBe(false);
      expect(result.databases).toEqual([]);
      expect(result.note).toBe('This server does not list its databases (normal for Odoo Online); type the database name.');
      expect(calls).toEqual(['/jsonrpc db.list']);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('a server that answers something other than a list of names is not trusted', async () => {
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ jsonrpc: '2.0', id: 1, result: [1, 2] }));
      });
    });
    const url = await listen(server);
    try {
      const result = await listDatabases(url, { logger: silentLogger });
      expect(result).toEqual({ databases: [], listed: false, note: 'The server answered without a database list; type the database name.' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('nobody listening is a network error the user must fix, not "type the name"', async () => {
    const server = createServer();
    const url = await listen(server);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const failure = await listDatabases(url, { logger: silentLogger }).then(() => null, (error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('odoo.network');
  });
});
