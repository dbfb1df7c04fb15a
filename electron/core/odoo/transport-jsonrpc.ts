import type { Logger } from '../logging/logger';
import { classifyOdooException, errorForGatewayStatus, OdooError, parseRetryAfter, truncatedError, type CallSite } from './errors';
import { htmlToText, httpRequest, isRecord, joinUrl, readExceptionBody, tryParseJson } from './http';
import { logTraceback, siteOf, type Transport, type TransportCall, type TransportResult, type TransportSettings } from './transport';

export interface JsonRpcRequest {
  baseUrl: string;
  service: 'common' | 'object' | 'db';
  method: string;
  args: unknown[];
  id: number;
  timeoutMs: number;
  signal?: AbortSignal;
  site?: CallSite;
  logger: Logger;
}

/**
 * One `/jsonrpc` exchange. Errors arrive with HTTP 200 inside the envelope; only transport-level
 * failures (proxy, 404 when the deprecated services are switched off, bad JSON) use the status.
 */
export async function jsonRpc(request: JsonRpcRequest): Promise<TransportResult> {
  const site = request.site ?? { model: request.service, method: request.method };
  const response = await httpRequest({
    url: joinUrl(request.baseUrl, '/jsonrpc'),
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: request.id, params: { service: request.service, method: request.method, args: request.args } }),
    timeoutMs: request.timeoutMs,
    signal: request.signal,
    site,
  });
  if (response.status !== 200) {
    const gateway = errorForGatewayStatus(response.status, site, parseRetryAfter(response.headers.get('retry-after'), Date.now()));
    if (gateway) throw gateway;
    const text = htmlToText(response.text);
    if (response.status === 404) {
      throw new OdooError('odoo.api_unavailable', 'This server does not offer the /jsonrpc API (removed or switched off after Odoo 19).', {
        status: 404, site, odooMessage: text, hint: 'Use protocol "json2" (Odoo 19 and later).',
      });
    }
    const parsed = tryParseJson(response.text);
    const exception = parsed.ok ? readExceptionBody(parsed.value) : undefined;
    if (exception) throw classifyOdooException(exception.name, exception.message, site, response.status);
    if (response.status >= 500) {
      throw new OdooError('odoo.server', `Odoo answered HTTP ${response.status} without details on ${site.model}.${site.method}.`, {
        status: response.status, site, retryable: true, odooMessage: text,
      });
    }
    throw classifyOdooException(undefined, text || `HTTP ${response.status}`, site, response.status);
  }
  const parsed = tryParseJson(response.text);
  if (!parsed.ok || !isRecord(parsed.value)) throw truncatedError(site, response.status);
  const envelope = parsed.value;
  if (envelope.error !== undefined) throw jsonRpcError(envelope.error, site, request.logger);
  // Odoo omits `result` when the method returned None.
  return { value: envelope.result ?? null, bytes: response.bytes };
}

/** Maps the `error` member of a JSON-RPC envelope (`{code, message, data: {name, message, debug}}`). */
export function jsonRpcError(error: unknown, site: CallSite, logger: Logger): OdooError {
  if (!isRecord(error)) return classifyOdooException(undefined, String(error), site);
  const data = readExceptionBody(error.data);
  logTraceback(logger, site, data?.name, data?.debug);
  // code 100 = session expired: only web-session routes use it, but treat it as an auth failure.
  if (error.code === 100) return classifyOdooException('odoo.http.SessionExpiredException', data?.message ?? 'Session expired', site);
  const message = data?.message ?? (typeof error.message === 'string' ? error.message : 'Odoo Server Error');
  return classifyOdooException(data?.name, message, site, error.code === 404 ? 404 : undefined);
}

export interface JsonRpcTransport extends Transport {
  /** `common.authenticate`: the uid, or an `odoo.auth` error when Odoo answers `false`. */
  authenticate(login: string, timeoutMs: number, signal?: AbortSignal): Promise<number>;
}

/**
 * JSON-RPC `object.execute_kw` (Odoo 17/18, and 19 as fallback), API key used as the password.
 * Named kwargs are kept as kwargs; only `ids` moves to the first positional argument, which is
 * how Odoo binds record methods (`read`, `write`) over RPC.
 */
export function createJsonRpcTransport(settings: TransportSettings): JsonRpcTransport {
  const logger = settings.logger.child('jsonrpc');
  let uid: number | undefined;
  let nextId = 1;

  return {
    protocol: 'jsonrpc',
    async authenticate(login, timeoutMs, signal) {
      const site = { model: 'common', method: 'authenticate' };
      const { value } = await jsonRpc({
        baseUrl: settings.baseUrl, service: 'common', method: 'authenticate',
        args: [settings.db, login, settings.apiKey, {}], id: nextId++, timeoutMs, signal, site, logger,
      });
      if (typeof value !== 'number' || value <= 0) {
        throw classifyOdooException('odoo.exceptions.AccessDenied', `Access Denied for login '${login}' on database '${settings.db}'`, site);
      }
      uid = value;
      return value;
    },
    async call(call: TransportCall): Promise<TransportResult> {
      if (uid === undefined) throw new OdooError('internal', 'JSON-RPC call before authentication');
      const { positional, kwargs } = toExecuteKwArgs(call.kwargs, call.context);
      return jsonRpc({
        baseUrl: settings.baseUrl, service: 'object', method: 'execute_kw',
        args: [settings.db, uid, settings.apiKey, call.model, call.method, positional, kwargs],
        id: nextId++, timeoutMs: call.timeoutMs, signal: call.signal, site: siteOf(call), logger,
      });
    },
  };
}

/** Named arguments -> execute_kw's `(args, kwargs)`: `ids` first positional, context inside kwargs. */
export function toExecuteKwArgs(named: Record<string, unknown>, context: Record<string, unknown> | undefined): { positional: unknown[]; kwargs: Record<string, unknown> } {
  const { ids, ...rest } = named;
  const kwargs: Record<string, unknown> = { ...rest };
  if (context) kwargs.context = context;
  return { positional: ids === undefined ? [] : [ids], kwargs };
}
