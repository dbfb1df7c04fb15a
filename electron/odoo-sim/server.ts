/**
 * The protocol-faithful Odoo simulator: a plain node:http server bound to 127.0.0.1 that speaks
 * JSON-2, JSON-RPC, the web session routes and XML-RPC like the recorded Odoo fixtures, with knobs
 * for latency, faults and Odoo Online rate limits, and a request log for politeness checks.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { systemClock, type Clock } from '../core/clock';
import { silentLogger, type Logger } from '../core/logging/logger';
import { SimBackend } from './backend';
import type { SimDataset } from './dataset';
import { FaultInjector, type FaultKind } from './faults';
import { SessionStore } from './http/jsonrpc';
import { htmlResponse, type SimRequest, type SimResponse } from './http/respond';
import { route } from './http/router';
import { RequestLog } from './request-log';
import { knownModels } from './schema/index';
import { prepareDataset } from './prepare-dataset';
import { defaultUserSpecs, toSimUser, type SimUserSpec } from './security/users';

export { RequestLog } from './request-log';
export type { SimUserSpec } from './security/users';

export interface SimOptions {
  dataset: SimDataset;
  version?: 17 | 18 | 19;
  db?: string;
  latencyMs?: number;
  faultRate?: number;
  faultSeed?: number;
  onlineLimits?: boolean;
  clock?: Clock;
  logger?: Logger;
  users?: SimUserSpec[];
  /** Models that exist on this server ("installed modules"); default: every model the simulator knows. */
  installedModels?: string[];
}

export interface SimCredentials {
  url: string;
  db: string;
  login: string;
  password: string;
  api_key: string;
}

export interface RunningSimulator {
  url: string;
  credentials: SimCredentials;
  restricted: SimCredentials;
  requestLog: RequestLog;
  dataset: SimDataset;
  close(): Promise<void>;
}

const TOO_MANY_REQUESTS_HTML = '<html>\n<head><title>429 Too Many Requests</title></head>\n<body>\n<center><h1>429 Too Many Requests</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n';
const SERVER_ERROR_HTML = '<html>\n<head><title>500 Internal Server Error</title></head>\n<body>\n<center><h1>500 Internal Server Error</h1></center>\n</body>\n</html>\n';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function write(response: ServerResponse, result: SimResponse, fault: FaultKind | undefined): void {
  const body = Buffer.from(result.body, 'utf8');
  const headers: Record<string, string> = { Server: 'Werkzeug/2.2.2 Python/3.11.2', ...result.headers };
  if (result.status !== 304) headers['Content-Length'] = String(body.length);
  if (fault === 'truncate' && body.length > 1) {
    // Promise the full length, send half, then drop the connection: the client sees a truncated body.
    response.writeHead(result.status, headers);
    response.write(body.subarray(0, Math.floor(body.length / 2)), () => response.socket?.destroy());
    return;
  }
  response.writeHead(result.status, headers);
  response.end(result.status === 304 ? undefined : body);
}

/** Starts the simulator on 127.0.0.1 (port 0 = any free port). */
export async function startOdooSimulator(opts: SimOptions & { port?: number; host?: string }): Promise<RunningSimulator> {
  const version = opts.version ?? 19;
  const db = opts.db ?? 'boardpack';
  const clock = opts.clock ?? systemClock;
  const logger = (opts.logger ?? silentLogger).child('odoo-sim');
  const companyIds = opts.dataset.table('res.company').map((c) => c.id);
  const userSpecs = opts.users ?? defaultUserSpecs(companyIds.length ? companyIds : [1]);
  const users = userSpecs.map(toSimUser);
  const installedModels = new Set(opts.installedModels ?? knownModels());
  prepareDataset(opts.dataset, users, installedModels, version, clock.now());
  const backend = new SimBackend({ dataset: opts.dataset, version, db, users, installedModels, clock });
  const sessions = new SessionStore();
  const requestLog = new RequestLog();
  const faults = new FaultInjector(opts.faultRate ?? 0, opts.faultSeed ?? 1);
  const latencyMs = opts.latencyMs ?? 0;
  let inFlight = 0;
  let lastAcceptedStart = Number.NEGATIVE_INFINITY;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const start = performance.timeOrigin + performance.now();
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const entry = requestLog.begin(url.pathname, start);
    const finish = (status: number) => {
      entry.status = status;
      entry.end = performance.timeOrigin + performance.now();
      logger.debug('request', { path: entry.path, model: entry.model, method: entry.method, status, ms: Math.round(entry.end - start) });
    };
    if (opts.onlineLimits && (inFlight > 0 || start - lastAcceptedStart < 1000)) {
      // Odoo Online's front proxy: one call in flight, at least a second between calls.
      await readBody(request);
      write(response, htmlResponse(429, TOO_MANY_REQUESTS_HTML, { 'Retry-After': '1' }), undefined);
      finish(429);
      return;
    }
    inFlight += 1;
    lastAcceptedStart = start;
    try {
      const body = await readBody(request);
      if (latencyMs > 0) await delay(latencyMs);
      const fault = faults.next();
      if (fault === 'reset') {
        request.socket.destroy();
        finish(0);
        return;
      }
      const simRequest: SimRequest = {
        method: request.method ?? 'GET',
        path: url.pathname,
        headers: request.headers,
        body,
        note: (model, method) => {
          entry.model = model;
          entry.method = method;
        },
      };
      const result = fault === 'http500' ? htmlResponse(500, SERVER_ERROR_HTML) : route(simRequest, backend, sessions);
      write(response, result, fault);
      finish(result.status);
    } finally {
      inFlight -= 1;
    }
  };

  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.error('simulator failure', { error: error instanceof Error ? error.message : String(error) });
      if (!response.headersSent) write(response, htmlResponse(500, SERVER_ERROR_HTML), undefined);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Loopback only: the simulator must never be reachable from the network.
  const host = opts.host === 'localhost' || opts.host === '::1' ? opts.host : '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://${host === '::1' ? '[::1]' : host}:${port}`;
  const credentialsOf = (spec: SimUserSpec): SimCredentials => ({ url, db, login: spec.login, password: spec.password, api_key: spec.apiKeys[0]?.key ?? '' });
  logger.info('listening', { url, version, db });
  return {
    url,
    credentials: credentialsOf(userSpecs[0]),
    restricted: credentialsOf(userSpecs[1] ?? userSpecs[0]),
    requestLog,
    dataset: opts.dataset,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
