import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { RpcRequest } from '../../shared/rpc/envelope';
import type { Core } from '../core/index';
import type { Logger } from '../core/logging/logger';
import { checkRequest } from './request-guard';
import { serveStatic } from './static-files';

// Uploads (shop exports, budgets) travel base64-encoded inside one call: a month of a busy shop is tens of MB.
// The cap only stops a runaway client (HTTP answers 413; the WebSocket closes with 1009, message too big).
const MAX_BODY = 256 * 1024 * 1024;
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export interface BrowserHost {
  url: string;
  /** The URL to open: the token travels in the fragment, which browsers never send to servers. */
  appUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Browser mode: serves the built renderer and the core's RPC (HTTP POST /api/rpc and a WebSocket on
 * /api/ws for calls and push events) on 127.0.0.1 only, behind a random per-run token.
 */
export async function startBrowserHost(options: { core: Core; rendererDir: string; logger: Logger; port?: number; token?: string }): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const log = options.logger.child('host');

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (!path.startsWith('/api/')) {
      serveStatic(options.rendererDir, path, res, CSP);
      return;
    }
    const verdict = checkRequest(req, { token, port });
    if (!verdict.ok) {
      log.warn('refused request', { path, reason: verdict.reason });
      sendJson(res, verdict.status, { ok: false, error: { code: 'unauthorized', message: `Refused: ${verdict.reason}.` } });
      return;
    }
    if (path === '/api/rpc' && req.method === 'POST') {
      void handleHttpCall(req, res, options.core);
      return;
    }
    sendJson(res, 404, { ok: false, error: { code: 'not_found', message: 'No such endpoint.' } });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const verdict = checkRequest(req, { token, port });
    if (path !== '/api/ws' || !verdict.ok) {
      socket.end(`HTTP/1.1 ${verdict.ok ? 404 : verdict.status} Refused\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => attachSocket(ws, options.core, log));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    appUrl: `${url}/#token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handleHttpCall(req: IncomingMessage, res: ServerResponse, core: Core): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) {
      sendJson(res, 413, { ok: false, error: { code: 'validation', message: 'Request too large.' } });
      return;
    }
    chunks.push(chunk as Buffer);
  }
  let request: RpcRequest;
  try {
    request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RpcRequest;
  } catch {
    sendJson(res, 400, { ok: false, error: { code: 'validation', message: 'Body is not JSON.' } });
    return;
  }
  const controller = new AbortController();
  res.on('close', () => controller.abort());
  sendJson(res, 200, await core.dispatch(request, controller.signal));
}

function attachSocket(ws: WebSocket, core: Core, log: Logger): void {
  const unsubscribe = core.subscribe((event) => ws.send(JSON.stringify({ type: 'event', ...event })));
  const inflight = new Map<RpcRequest['id'], AbortController>();
  ws.on('message', (data) => {
    let message: { type?: string } & Partial<RpcRequest>;
    try {
      message = JSON.parse(String(data)) as typeof message;
    } catch {
      log.warn('dropped a non-JSON socket message');
      return;
    }
    if (message.type === 'cancel' && message.id !== undefined) {
      inflight.get(message.id)?.abort();
      return;
    }
    const request: RpcRequest = { id: message.id ?? 0, method: String(message.method), params: message.params };
    const controller = new AbortController();
    inflight.set(request.id, controller);
    void core.dispatch(request, controller.signal).then((response) => {
      inflight.delete(request.id);
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'response', ...response }));
    });
  });
  ws.on('close', () => {
    unsubscribe();
    for (const controller of inflight.values()) controller.abort();
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
