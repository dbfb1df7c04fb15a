import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';

/**
 * Test support: a tiny real HTTP server on 127.0.0.1 that answers with recorded Odoo responses
 * (the team's fixtures beside the repository), so error mapping is tested over real sockets.
 */

export const FIXTURES_DIR = resolve(process.env.ODOO_FIXTURES_DIR ?? join(import.meta.dirname, '../../../../../shared/reference/odoo-fixtures'));
export const fixturesAvailable = existsSync(join(FIXTURES_DIR, '_index.json'));

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export function loadFixtureResponse(name: string): RecordedResponse {
  const raw: unknown = JSON.parse(readFileSync(join(FIXTURES_DIR, `${name}.json`), 'utf8'));
  if (typeof raw !== 'object' || raw === null || !('response' in raw)) throw new Error(`fixture ${name} has no response`);
  const response = raw.response;
  if (typeof response !== 'object' || response === null || !('status' in response) || typeof response.status !== 'number') throw new Error(`fixture ${name}: bad response`);
  const headers: Record<string, string> = {};
  if ('headers' in response && typeof response.headers === 'object' && response.headers !== null) {
    for (const [k, v] of Object.entries(response.headers)) {
      // Content-Length is recomputed; the recorded one belongs to the unredacted body.
      if (typeof v === 'string' && k.toLowerCase() !== 'content-length') headers[k] = v;
    }
  }
  return { status: response.status, headers, body: 'body' in response ? response.body : null };
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** 'destroy' drops the socket before answering; 'truncate' sends headers and half the body, then drops it. */
export type Answer = RecordedResponse | 'destroy' | { truncate: RecordedResponse };
export type Responder = (request: ReceivedRequest) => Answer | Promise<Answer>;

export interface ReplayServer {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

function send(res: ServerResponse, answer: RecordedResponse): void {
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  res.writeHead(answer.status, { ...answer.headers, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendTruncated(res: ServerResponse, answer: RecordedResponse): void {
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  res.writeHead(answer.status, { ...answer.headers, 'Content-Length': Buffer.byteLength(text) });
  res.write(text.slice(0, Math.floor(text.length / 2)), () => res.socket?.destroy());
}

/** Starts the server; `respond` picks the recorded answer for each request (or drops the socket). */
export async function startReplayServer(respond: Responder): Promise<ReplayServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(received);
      void Promise.resolve(respond(received)).then((answer) => {
        if (answer === 'destroy') req.socket.destroy();
        else if ('truncate' in answer) sendTruncated(res, answer.truncate);
        else send(res, answer);
      });
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): RecordedResponse {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body };
}

export const VERSION_17 = { server_version: '17.0', server_version_info: [17, 0, 0, 'final', 0, ''], server_serie: '17.0', protocol_version: 1 };

/** The JSON-RPC params of a received `/jsonrpc` request. */
export function rpcParams(request: ReceivedRequest): { service?: string; method?: string; args?: unknown[]; id?: unknown } {
  const parsed: unknown = JSON.parse(request.body);
  if (typeof parsed !== 'object' || parsed === null || !('params' in parsed)) return {};
  const params = parsed.params;
  const id = 'id' in parsed ? parsed.id : undefined;
  if (typeof params !== 'object' || params === null) return { id };
  return {
    id,
    service: 'service' in params && typeof params.service === 'string' ? params.service : undefined,
    method: 'method' in params && typeof params.method === 'string' ? params.method : undefined,
    args: 'args' in params && Array.isArray(params.args) ? params.args : undefined,
  };
}
