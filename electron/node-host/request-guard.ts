import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Decides whether a request may reach the core in browser mode. The host listens on 127.0.0.1 only;
 * on top of that a request must carry the per-run token and, when it has them, a Host and Origin
 * naming this very server — which stops other web pages (and DNS rebinding) from driving the core.
 */
export function checkRequest(
  req: Pick<IncomingMessage, 'headers' | 'url'>,
  expected: { token: string; port: number },
): { ok: true } | { ok: false; status: number; reason: string } {
  const allowedHosts = new Set([`127.0.0.1:${expected.port}`, `localhost:${expected.port}`]);
  const host = req.headers.host;
  if (!host || !allowedHosts.has(host)) return { ok: false, status: 403, reason: 'foreign Host header' };
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.has(originHost(origin))) {
    return { ok: false, status: 403, reason: 'foreign Origin header' };
  }
  const presented = tokenOf(req);
  if (!presented || !sameSecret(presented, expected.token)) return { ok: false, status: 401, reason: 'missing or wrong token' };
  return { ok: true };
}

function originHost(origin: string): string {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' ? url.host : '';
  } catch {
    return '';
  }
}

function tokenOf(req: Pick<IncomingMessage, 'headers' | 'url'>): string | undefined {
  const header = req.headers['x-boardpack-token'];
  if (typeof header === 'string') return header;
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  return url.searchParams.get('token') ?? undefined;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
