import { APP_VERSION } from '../app-info';
import { cancelledError, networkError, timeoutError, truncatedError, type CallSite } from './errors';

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  bytes: number;
}

export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  site?: CallSite;
}

export const USER_AGENT = `boardpack/${APP_VERSION} (+odoo-client)`;

/**
 * One HTTP exchange with a per-attempt timeout. Tells apart the three ways it can stop early:
 * the caller cancelled (`cancelled`), the timeout fired (`odoo.timeout`), or the network failed
 * (`odoo.network`), including a body cut off mid-way.
 */
export async function httpRequest(request: HttpRequest): Promise<HttpResponse> {
  if (request.signal?.aborted) throw cancelledError(request.site);
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  const whyStopped = (error: unknown): Error => {
    if (request.signal?.aborted) return cancelledError(request.site);
    if (timeout.aborted) return timeoutError(request.timeoutMs, request.site);
    return networkError(error, request.url, request.site);
  };

  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: { 'User-Agent': USER_AGENT, Accept: 'application/json', ...request.headers },
      body: request.body,
      signal,
      redirect: 'follow',
    });
  } catch (error) {
    throw whyStopped(error);
  }

  let buffer: ArrayBuffer;
  try {
    buffer = await response.arrayBuffer();
  } catch (error) {
    const stopped = whyStopped(error);
    // A body that dies after the headers arrived is a truncated answer, not an unreachable server.
    if (stopped instanceof Error && 'code' in stopped && stopped.code === 'odoo.network') throw truncatedError(request.site, response.status, error);
    throw stopped;
  }
  return { status: response.status, headers: response.headers, text: new TextDecoder().decode(buffer), bytes: buffer.byteLength };
}

/** Parses JSON or returns undefined (HTML error pages, truncated bodies). */
export function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Pulls readable text out of an HTML error page (Werkzeug puts the reason in <p> elements). */
export function htmlToText(html: string): string {
  const paragraphs = [...html.matchAll(/<p>([\s\S]*?)<\/p>/gi)].map((m) => m[1] ?? '');
  const title = /<title>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '';
  const raw = paragraphs.length > 0 ? paragraphs.join(' ') : title || html.slice(0, 200);
  return raw
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Joins the base URL (with or without a trailing slash or sub-path) and an absolute path. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

export interface OdooExceptionBody {
  name?: string;
  message: string;
  debug?: string;
}

/** Reads Odoo's `{name, message, arguments, context, debug}` error object (or a bare string, as pre-release 19 sent). */
export function readExceptionBody(value: unknown): OdooExceptionBody | undefined {
  if (typeof value === 'string') return { message: value };
  if (!isRecord(value)) return undefined;
  const record = value;
  const name = typeof record.name === 'string' ? record.name : undefined;
  const message = typeof record.message === 'string' ? record.message : undefined;
  if (!name && !message) return undefined;
  return { name, message: message ?? name ?? 'unknown error', debug: typeof record.debug === 'string' ? record.debug : undefined };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
