import type { Logger } from '../logging/logger';
import { errorForGatewayStatus, OdooError, parseRetryAfter } from './errors';
import { httpRequest, isRecord, joinUrl, tryParseJson } from './http';
import { jsonRpc } from './transport-jsonrpc';
import type { OdooProtocol } from './types';

export interface DetectedServer {
  serverVersion: string;
  major: number;
  /** Where the version came from. */
  source: 'web/version' | 'common.version';
}

/** First JSON-2 release. */
export const JSON2_MIN_MAJOR = 19;

/**
 * The major version from `version_info` / `server_version_info` (`[19, 0, 0, "final", 0, ""]`) or,
 * failing that, from a version string such as "19.0", "18.0+e" or "saas~18.4".
 */
export function parseMajor(versionInfo: unknown, version: unknown): number | undefined {
  if (Array.isArray(versionInfo) && typeof versionInfo[0] === 'number') return versionInfo[0];
  if (Array.isArray(versionInfo) && typeof versionInfo[0] === 'string') {
    const fromInfo = /(\d+)/.exec(versionInfo[0]);
    if (fromInfo?.[1]) return Number(fromInfo[1]);
  }
  if (typeof version === 'string') {
    const match = /(\d+)(?:\.\d+)?/.exec(version);
    if (match?.[1]) return Number(match[1]);
  }
  return undefined;
}

/** JSON-2 from 19 on, JSON-RPC before; an explicit choice always wins. */
export function chooseProtocol(major: number, override: 'auto' | OdooProtocol | undefined): OdooProtocol {
  if (override === 'json2' || override === 'jsonrpc') return override;
  return major >= JSON2_MIN_MAJOR ? 'json2' : 'jsonrpc';
}

/**
 * Finds the server version without credentials: `GET /web/version` (19+), else JSON-RPC
 * `common.version` (every version). Network failures propagate as `odoo.network`/`odoo.timeout`.
 */
export async function detectServer(baseUrl: string, deps: { logger: Logger; timeoutMs: number; signal?: AbortSignal }): Promise<DetectedServer> {
  const site = { model: 'web', method: 'version' };
  const response = await httpRequest({ url: joinUrl(baseUrl, '/web/version'), method: 'GET', timeoutMs: deps.timeoutMs, signal: deps.signal, site });
  if (response.status === 200) {
    const parsed = tryParseJson(response.text);
    if (parsed.ok && isRecord(parsed.value)) {
      const major = parseMajor(parsed.value.version_info, parsed.value.version);
      if (major !== undefined) {
        return { serverVersion: typeof parsed.value.version === 'string' ? parsed.value.version : String(major), major, source: 'web/version' };
      }
    }
  }
  const gateway = errorForGatewayStatus(response.status, site, parseRetryAfter(response.headers.get('retry-after'), Date.now()));
  if (gateway?.retryable) throw gateway;
  deps.logger.debug('GET /web/version unavailable, asking common.version', { status: response.status });
  let result: unknown;
  try {
    ({ value: result } = await jsonRpc({
      baseUrl, service: 'common', method: 'version', args: [], id: 1,
      timeoutMs: deps.timeoutMs, signal: deps.signal, site: { model: 'common', method: 'version' }, logger: deps.logger,
    }));
  } catch (error) {
    if (error instanceof OdooError && (error.retryable || error.code === 'odoo.network' || error.code === 'cancelled')) throw error;
    throw notOdoo(baseUrl, error);
  }
  if (isRecord(result)) {
    const major = parseMajor(result.server_version_info, result.server_version);
    if (major !== undefined) {
      return { serverVersion: typeof result.server_version === 'string' ? result.server_version : String(major), major, source: 'common.version' };
    }
  }
  throw notOdoo(baseUrl, undefined);
}

function notOdoo(baseUrl: string, cause: unknown): OdooError {
  return new OdooError('odoo.invalid', `${baseUrl} does not answer like an Odoo server (no /web/version, no /jsonrpc version).`, {
    cause,
    hint: 'Check the URL: use the address you open Odoo with in a browser, without /web or /odoo at the end.',
  });
}
