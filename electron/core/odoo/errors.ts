import { AppError, type ErrorCode } from '../../../shared/rpc/errors';

/** Which call failed: used to name the model and operation in messages. */
export interface CallSite {
  model?: string;
  method?: string;
  /** The companies asked for in the context, to name them when Odoo refuses one. */
  companyIds?: number[];
}

export interface OdooErrorOptions {
  hint?: string;
  status?: number;
  /** Odoo's exception class, e.g. `odoo.exceptions.AccessError`. */
  odooName?: string;
  /** Odoo's own message, unchanged. */
  odooMessage?: string;
  site?: CallSite;
  retryable?: boolean;
  /** From a Retry-After header. */
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * A failure talking to Odoo, with a stable code for programs and a message naming what failed.
 * Odoo's traceback never goes in here (it is logged at debug level by the transports).
 */
export class OdooError extends AppError {
  readonly status?: number;
  readonly odooName?: string;
  readonly odooMessage?: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;

  constructor(code: ErrorCode, message: string, options: OdooErrorOptions = {}) {
    super(code, message, {
      hint: options.hint,
      cause: options.cause,
      details: {
        model: options.site?.model,
        method: options.site?.method,
        status: options.status,
        odooName: options.odooName,
      },
    });
    this.name = 'OdooError';
    this.status = options.status;
    this.odooName = options.odooName;
    this.odooMessage = options.odooMessage;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export const AUTH_HINT =
  'The API key is wrong, revoked or expired. Odoo 19 API keys expire (non-admin users can create keys for at most three months). ' +
  'Create a new key in Odoo under your avatar > Preferences > Account Security > New API Key, and check the database name and login.';

export const API_UNAVAILABLE_HINT =
  'On Odoo Online the external API is only available on the Custom plan (not on One App Free or Standard). ' +
  'Upgrade the subscription, or connect to an Odoo.sh or self-hosted database.';

const MISSING_MODEL_HINT = 'The module that provides it is probably not installed. The sync skips this model and notes it in the sync report.';
const ACCESS_HINT = 'Ask the Odoo administrator to grant this user read access (e.g. the "Show Accounting Features - Readonly" group for accounting models).';
const COMPANY_HINT = "Add the company to the user's Allowed Companies in Odoo (Settings > Users), or stop selecting it in Boardpack.";

// Odoo Online answers plans without API access with its own page/message; match its wording loosely
// so a reworded notice still lands here instead of in "server error".
const API_UNAVAILABLE_PATTERN = /external api|api access|custom plan|(api|rpc)[^.]{0,40}not (available|enabled|allowed)/i;
const COMPANY_PATTERN = /unauthorized or invalid compan/i;
const MISSING_MODEL_PATTERN = /^Object \S+ doesn't exist|the model '[^']+' does not exist|The method '[^']+' does not exist/i;

const READ_METHODS = new Set(['search_read', 'read', 'search', 'search_count', 'fields_get', 'web_search_read', 'web_read', 'read_group', 'formatted_read_group', 'name_search', 'context_get']);

function where(site: CallSite | undefined): string {
  if (!site?.model) return 'Odoo';
  return site.method ? `${site.model}.${site.method}` : site.model;
}

/** What the user was trying to do, in Odoo's access-right vocabulary. */
export function operationOf(method: string | undefined): string {
  if (!method || READ_METHODS.has(method)) return 'read';
  if (method === 'create') return 'create';
  if (method === 'write') return 'write';
  if (method === 'unlink') return 'delete';
  return `call ${method} on`;
}

/** Parses a Retry-After header (seconds or HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * The single place that turns Odoo's exception name + message (from either protocol) into a typed error.
 * `status` is the HTTP status for JSON-2 (JSON-RPC errors always arrive with 200).
 */
export function classifyOdooException(
  name: string | undefined,
  message: string,
  site: CallSite | undefined,
  status?: number,
): OdooError {
  const base = { status, odooName: name, odooMessage: message, site };
  const shortName = name?.split('.').pop() ?? '';

  if (API_UNAVAILABLE_PATTERN.test(message)) {
    return new OdooError('odoo.api_unavailable', `This Odoo database does not allow external API access: ${message}`, { ...base, hint: API_UNAVAILABLE_HINT });
  }
  if (status === 401 || shortName === 'AccessDenied' || shortName === 'Unauthorized' || shortName === 'SessionExpiredException') {
    return new OdooError('odoo.auth', `Odoo rejected the credentials (${message}).`, { ...base, hint: AUTH_HINT });
  }
  if (COMPANY_PATTERN.test(message)) {
    const ids = site?.companyIds ?? [];
    const which = ids.length === 0 ? 'a requested company' : `${ids.length === 1 ? 'company' : 'companies'} ${ids.join(', ')}`;
    return new OdooError('odoo.company', `The Odoo user is not allowed in ${which}: ${message}`, { ...base, hint: COMPANY_HINT });
  }
  if (shortName === 'AccessError' || status === 403) {
    const model = site?.model ? `'${site.model}'` : 'this model';
    const method = site?.method ? ` (${site.method})` : '';
    return new OdooError('odoo.access', `The Odoo user may not ${operationOf(site?.method)} ${model}${method}. Odoo says: ${message}`, { ...base, hint: ACCESS_HINT });
  }
  if (MISSING_MODEL_PATTERN.test(message) || (status === 404 && shortName === 'NotFound')) {
    const what = /method/i.test(message) ? `Method ${where(site)}` : `Model '${site?.model ?? '?'}'`;
    return new OdooError('odoo.missing_model', `${what} does not exist on this Odoo (${message}).`, { ...base, hint: MISSING_MODEL_HINT });
  }
  if (shortName === 'MissingError') {
    return new OdooError('odoo.invalid', `Record(s) no longer exist in ${where(site)}: ${message}`, base);
  }
  if (
    status === 400 || status === 415 || status === 422 ||
    ['UserError', 'ValidationError', 'UnprocessableEntity', 'BadRequest', 'ValueError', 'KeyError', 'TypeError', 'RedirectWarning'].includes(shortName)
  ) {
    return new OdooError('odoo.invalid', `Odoo refused the request ${where(site)}: ${message}`, { ...base, hint: 'This is a bug in the request Boardpack sent, or a field this Odoo version does not have.' });
  }
  if (status === 429) {
    return new OdooError('odoo.rate_limited', `Odoo is rate-limiting requests (HTTP 429) on ${where(site)}.`, { ...base, retryable: true, hint: 'Boardpack slows down and retries by itself; try again later if this persists.' });
  }
  if (status === 409 || shortName === 'LockError' || shortName === 'ConcurrencyError' || /SerializationFailure|could not serialize/i.test(message)) {
    return new OdooError('odoo.server', `Odoo was busy (concurrent update) on ${where(site)}: ${message}`, { ...base, retryable: true });
  }
  // Anything else is a server-side failure. A known exception class means the server really
  // failed on this request (retrying is pointless); an unknown one (proxy page, psycopg, crash) may pass.
  const known = name !== undefined && (name.startsWith('odoo.') || name.startsWith('werkzeug.'));
  return new OdooError('odoo.server', `Odoo server error on ${where(site)}: ${message}`, {
    ...base,
    retryable: !known,
    hint: 'Odoo failed while answering. The debug log has the server traceback; try again, or report it to the Odoo administrator.',
  });
}

/** Errors for HTTP statuses that come from the gateway/proxy, whatever the body says. */
export function errorForGatewayStatus(status: number, site: CallSite | undefined, retryAfterMs: number | undefined): OdooError | undefined {
  if (status === 429) {
    return new OdooError('odoo.rate_limited', `Odoo is rate-limiting requests (HTTP 429) on ${where(site)}.`, {
      status, site, retryable: true, retryAfterMs,
      hint: 'Odoo Online allows about one call per second; Boardpack slows down and retries by itself. Try again later if this persists.',
    });
  }
  if (status === 502 || status === 503 || status === 504) {
    return new OdooError('odoo.server', `Odoo is temporarily unavailable (HTTP ${status}) on ${where(site)}.`, {
      status, site, retryable: true, retryAfterMs,
      hint: 'The server or its proxy is overloaded or restarting; Boardpack retries with backoff. Try again in a few minutes.',
    });
  }
  if (status === 402) {
    return new OdooError('odoo.api_unavailable', 'This Odoo database does not allow external API access (HTTP 402).', { status, site, hint: API_UNAVAILABLE_HINT });
  }
  if (status === 413) {
    return new OdooError('odoo.invalid', `The request or answer was too large for the server (HTTP 413) on ${where(site)}.`, { status, site, hint: 'Boardpack reads smaller pages when this happens.' });
  }
  return undefined;
}

/** Node's fetch wraps socket errors in `TypeError('fetch failed', { cause })`; dig the code out. */
export function networkCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (typeof current === 'object' && current !== null && 'code' in current && typeof current.code === 'string') return current.code;
    current = typeof current === 'object' && current !== null && 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}

// A refused connection or unknown host will not heal in a few seconds: fail fast with a clear message.
const PERMANENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID']);

/** A failure below HTTP (refused, reset, DNS, TLS) as a typed error. */
export function networkError(error: unknown, url: string, site: CallSite | undefined): OdooError {
  const code = networkCodeOf(error);
  const reason = code ? describeNetworkCode(code) : error instanceof Error ? error.message : String(error);
  return new OdooError('odoo.network', `Cannot reach Odoo at ${url} (${reason}) while calling ${where(site)}.`, {
    site,
    retryable: code === undefined || !PERMANENT_NETWORK_CODES.has(code),
    cause: error,
    hint: 'Check the server URL, that Odoo is running, and the network/VPN connection.',
  });
}

function describeNetworkCode(code: string): string {
  switch (code) {
    case 'ECONNREFUSED': return 'connection refused';
    case 'ENOTFOUND': return 'host name not found';
    case 'EAI_AGAIN': return 'DNS lookup failed';
    case 'ECONNRESET': return 'connection reset';
    case 'UND_ERR_SOCKET': return 'connection closed by the server';
    default: return code;
  }
}

export function timeoutError(timeoutMs: number, site: CallSite | undefined): OdooError {
  return new OdooError('odoo.timeout', `Odoo did not answer ${where(site)} within ${Math.round(timeoutMs / 1000)} s.`, {
    site,
    retryable: true,
    hint: 'The server is slow or the request too large. Boardpack retries with smaller pages; raise the timeout in the connection settings if it persists.',
  });
}

export function cancelledError(site?: CallSite): OdooError {
  return new OdooError('cancelled', `Cancelled ${site?.model ? `(${where(site)})` : ''}`.trim(), { site });
}

export function truncatedError(site: CallSite | undefined, status: number, cause?: unknown): OdooError {
  return new OdooError('odoo.network', `Odoo's answer to ${where(site)} was cut off or not valid JSON (HTTP ${status}).`, {
    site, status, retryable: true, cause,
    hint: 'The connection dropped mid-answer or a proxy replaced it; Boardpack retries by itself.',
  });
}

export function isOdooError(error: unknown): error is OdooError {
  return error instanceof OdooError;
}
