/**
 * Types of the Odoo client: connection settings, wire values, and the client interface the sync uses.
 * Odoo encodes empty values as `false` (never null), many2one as `[id, display_name]`, x2many as id lists.
 */

/** One leaf of a domain: `[field, operator, value]`. */
export type DomainLeaf = [string, string, unknown];
/** Prefix-notation domain: leaves plus '&', '|', '!' operators. */
export type Domain = Array<DomainLeaf | '&' | '|' | '!'>;

/** A many2one value as read: `[id, display_name]`, or `false` when empty. */
export type Many2one = [number, string] | false;

/** One record as returned by read/search_read. Always has `id`. */
export type OdooRecord = { id: number } & Record<string, unknown>;

/** Context sent with a call. `allowed_company_ids[0]` is the current company. */
export interface OdooContext {
  allowed_company_ids?: number[];
  active_test?: boolean;
  tz?: string;
  lang?: string;
  [k: string]: unknown;
}

export interface CallOptions {
  context?: OdooContext;
  signal?: AbortSignal;
}

export type OdooProtocol = 'json2' | 'jsonrpc';

/**
 * Where the server runs. Odoo Online (*.odoo.com) gets the polite defaults (one call in flight,
 * at least one second between calls); 'auto' decides from the host name.
 */
export type OdooHosting = 'auto' | 'online' | 'self-hosted';

export interface OdooConnectionConfig {
  url: string;
  db: string;
  /** Needed for JSON-RPC (17/18), which authenticates login + API key; JSON-2 only needs the key. */
  login?: string;
  apiKey: string;
  protocol?: 'auto' | OdooProtocol;
  hosting?: OdooHosting;
  maxConcurrency?: number;
  minIntervalMs?: number;
  /** Per-request timeout (each attempt). Odoo's own worker limit is 120 s. */
  timeoutMs?: number;
  maxRetries?: number;
  /** First backoff step; doubles per attempt, with jitter. */
  retryBaseMs?: number;
  /** Upper bound of a single backoff wait, Retry-After included. */
  retryMaxMs?: number;
}

export interface OdooCompanyInfo {
  id: number;
  name: string;
  currencyId: number | null;
  currencyName: string | null;
  parentId: number | null;
}

export interface OdooServerInfo {
  serverVersion: string;
  major: number;
  protocol: OdooProtocol;
  uid: number;
  userName: string;
  userLogin: string | null;
  userTz: string | null;
  companies: OdooCompanyInfo[];
  allowedCompanyIds: number[];
  defaultCompanyId: number | null;
}

/** One entry of fields_get (only the attributes asked for are present). */
export interface OdooFieldInfo {
  type?: string;
  string?: string;
  relation?: string;
  selection?: Array<[string, string]>;
  store?: boolean;
  required?: boolean;
  readonly?: boolean;
  company_dependent?: boolean;
  currency_field?: string;
  [k: string]: unknown;
}

export interface SearchReadQuery {
  domain?: Domain;
  fields: string[];
  order?: string;
  limit?: number;
  offset?: number;
}

export interface KeysetQuery {
  domain?: Domain;
  fields: string[];
  /** Starting page size; adapted while reading. */
  pageSize?: number;
  /** Resume after this id (exclusive). */
  afterId?: number;
}

export interface KeysetPage {
  records: OdooRecord[];
  lastId: number;
  /** Page size used for this page (after adaptation). */
  pageSize: number;
}

export interface OdooClientStats {
  calls: number;
  retries: number;
  bytes: number;
}

export interface OdooClient {
  /** Detects the version and protocol, authenticates, and returns who we are and what we can see. */
  connect(signal?: AbortSignal): Promise<OdooServerInfo>;
  /** Named arguments for every transport; on JSON-RPC `ids` becomes the first positional argument. */
  call<T = unknown>(model: string, method: string, kwargs: Record<string, unknown>, opts?: CallOptions): Promise<T>;
  searchRead(model: string, q: SearchReadQuery, opts?: CallOptions): Promise<OdooRecord[]>;
  search(model: string, domain: Domain, q?: { order?: string; limit?: number; offset?: number }, opts?: CallOptions): Promise<number[]>;
  searchCount(model: string, domain: Domain, opts?: CallOptions): Promise<number>;
  read(model: string, ids: number[], fields: string[], opts?: CallOptions): Promise<OdooRecord[]>;
  fieldsGet(model: string, attributes?: string[], opts?: CallOptions): Promise<Record<string, OdooFieldInfo>>;
  hasModel(model: string, opts?: CallOptions): Promise<boolean>;
  /** Reads every matching record in id order, page by page (`id > last`), adapting the page size. */
  readKeyset(model: string, q: KeysetQuery, opts?: CallOptions): AsyncIterable<KeysetPage>;
  stats(): OdooClientStats;
}

/** The id of a many2one value, or null when empty. Also accepts a plain id (read with `load: null`). */
export function m2oId(value: unknown): number | null {
  if (Array.isArray(value) && typeof value[0] === 'number') return value[0];
  if (typeof value === 'number') return value;
  return null;
}

/** The display name of a many2one value, or null when empty. */
export function m2oName(value: unknown): string | null {
  if (Array.isArray(value) && typeof value[1] === 'string') return value[1];
  return null;
}

/** Odoo's `false`-for-empty turned into null, for char/date/selection values. */
export function odooString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
