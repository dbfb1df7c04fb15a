import { systemClock, type Clock } from '../clock';
import type { Logger } from '../logging/logger';
import { chooseProtocol, detectServer, type DetectedServer } from './detect';
import { cancelledError, OdooError, type CallSite } from './errors';
import { isRecord } from './http';
import { readKeysetPages } from './keyset';
import { backoffDelay, resolvePoliteness, type Politeness } from './politeness';
import { createScheduler, sleep } from './scheduler';
import type { Transport, TransportResult } from './transport';
import { createJson2Transport } from './transport-json2';
import { createJsonRpcTransport } from './transport-jsonrpc';
import { readServerInfo } from './server-info';
import type { CallOptions, Domain, KeysetPage, KeysetQuery, OdooClient, OdooClientStats, OdooConnectionConfig, OdooFieldInfo, OdooRecord, OdooServerInfo, SearchReadQuery } from './types';

export interface OdooClientDeps {
  logger: Logger;
  clock?: Clock;
  /** Randomness for backoff jitter; injectable for deterministic tests. */
  random?: () => number;
}

interface Session {
  server: DetectedServer;
  transport: Transport;
  /** Known after authentication (JSON-RPC) or after context_get (JSON-2). */
  uid?: number;
}

interface ExecOptions {
  signal?: AbortSignal;
  /** Keyset paging retries slow pages smaller rather than identical. */
  retryTimeouts?: boolean;
}

/**
 * The Odoo client the app uses: detects the version, picks JSON-2 or JSON-RPC, authenticates once,
 * and runs every request through one polite scheduler with bounded retries.
 */
export function createOdooClient(config: OdooConnectionConfig, deps: OdooClientDeps): OdooClient & { politeness: Politeness } {
  const logger = deps.logger.child('odoo');
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? Math.random;
  const politeness = resolvePoliteness(config);
  const scheduler = createScheduler({ maxConcurrency: politeness.maxConcurrency, minIntervalMs: politeness.minIntervalMs });
  const counters: OdooClientStats = { calls: 0, retries: 0, bytes: 0 };
  const baseUrl = config.url.replace(/\/+$/, '');
  let session: Promise<Session> | undefined;
  let serverInfo: OdooServerInfo | undefined;

  /** Runs one request through the scheduler, retrying transient failures with backoff. */
  async function execute<T extends TransportResult>(site: CallSite, attempt: (signal?: AbortSignal) => Promise<T>, options: ExecOptions = {}): Promise<T> {
    const { signal } = options;
    for (let tries = 0; ; tries++) {
      if (signal?.aborted) throw cancelledError(site);
      try {
        const result = await scheduler.run(async () => {
          counters.calls++;
          return attempt(signal);
        }, signal);
        counters.bytes += result.bytes;
        return result;
      } catch (error) {
        if (!(error instanceof OdooError)) throw error;
        const retryable = error.retryable && !(error.code === 'odoo.timeout' && options.retryTimeouts === false);
        if (!retryable || tries >= politeness.maxRetries) {
          if (error.retryable && tries > 0) logger.warn('odoo call failed after retries', { model: site.model, method: site.method, code: error.code, tries: tries + 1 });
          throw error;
        }
        const delay = backoffDelay(tries + 1, politeness.retryBaseMs, politeness.retryMaxMs, error.retryAfterMs, random);
        // A 429 concerns every caller: hold the whole queue, not just this request.
        if (error.code === 'odoo.rate_limited') scheduler.pauseFor(delay);
        counters.retries++;
        logger.info('odoo call retrying', { model: site.model, method: site.method, code: error.code, status: error.status, attempt: tries + 1, delayMs: delay });
        await sleep(delay, signal);
      }
    }
  }

  async function openSession(signal?: AbortSignal): Promise<Session> {
    const server = (await execute({ model: 'web', method: 'version' }, async (s) => {
      const detected = await detectServer(baseUrl, { logger, timeoutMs: politeness.timeoutMs, signal: s });
      return { value: detected, bytes: 0 };
    }, { signal })).value;
    const protocol = chooseProtocol(server.major, config.protocol);
    const settings = { baseUrl, db: config.db, apiKey: config.apiKey, logger };
    if (protocol === 'json2') {
      logger.info('odoo server detected', { version: server.serverVersion, protocol, online: politeness.online });
      return { server, transport: createJson2Transport(settings) };
    }
    if (!config.login) {
      throw new OdooError('validation', `Odoo ${server.serverVersion} is reached over JSON-RPC, which needs the login of the API key's user.`, {
        hint: 'Give the login (e.g. --login bot@example.com); JSON-2 (Odoo 19+) needs only the key.',
      });
    }
    const login = config.login;
    const transport = createJsonRpcTransport(settings);
    const uid = (await execute({ model: 'common', method: 'authenticate' }, async (s) => ({ value: await transport.authenticate(login, politeness.timeoutMs, s), bytes: 0 }), { signal })).value;
    logger.info('odoo server detected', { version: server.serverVersion, protocol, online: politeness.online, uid });
    return { server, transport, uid };
  }

  /** One shared session; a failed attempt is forgotten so the next call tries again. */
  function sharedSession(signal?: AbortSignal): Promise<Session> {
    if (!session) {
      const opening = openSession(signal);
      session = opening;
      opening.catch(() => {
        if (session === opening) session = undefined;
      });
    }
    return session;
  }

  /**
   * The session for one caller. The session is opened under the first caller's signal (so a
   * cancelled connect sends nothing more); other callers whose own signal is still live just
   * start a fresh session instead of inheriting that cancellation.
   */
  async function ensureSession(signal?: AbortSignal): Promise<Session> {
    for (;;) {
      try {
        return await sharedSession(signal);
      } catch (error) {
        const inherited = error instanceof OdooError && error.code === 'cancelled' && !signal?.aborted;
        if (!inherited) throw error;
      }
    }
  }

  async function call<T = unknown>(model: string, method: string, kwargs: Record<string, unknown>, opts: CallOptions = {}, exec: ExecOptions = {}): Promise<T> {
    const signal = opts.signal ?? exec.signal;
    const { transport } = await ensureSession(signal);
    const site: CallSite = { model, method, companyIds: opts.context?.allowed_company_ids };
    const started = clock.now().getTime();
    const result = await execute(site, (s) => transport.call({ model, method, kwargs, context: opts.context, signal: s, timeoutMs: politeness.timeoutMs }), { ...exec, signal });
    logger.debug('odoo call', { model, method, ms: clock.now().getTime() - started, bytes: result.bytes });
    // The generic T is the caller's claim about Odoo's answer, as with any JSON API.
    return result.value as T;
  }

  const searchRead = async (model: string, q: SearchReadQuery, opts?: CallOptions, exec?: ExecOptions): Promise<OdooRecord[]> => {
    const kwargs: Record<string, unknown> = { domain: q.domain ?? [], fields: q.fields };
    if (q.order !== undefined) kwargs.order = q.order;
    if (q.limit !== undefined) kwargs.limit = q.limit;
    if (q.offset !== undefined) kwargs.offset = q.offset;
    return expectRecords(await call<unknown>(model, 'search_read', kwargs, opts, exec), model, 'search_read');
  };

  const fieldsGet = async (model: string, attributes?: string[], opts?: CallOptions): Promise<Record<string, OdooFieldInfo>> => {
    const value = await call<unknown>(model, 'fields_get', attributes ? { attributes } : {}, opts);
    if (!isRecord(value)) throw unexpected(model, 'fields_get', 'an object');
    const out: Record<string, OdooFieldInfo> = {};
    for (const [name, info] of Object.entries(value)) if (isRecord(info)) out[name] = info;
    return out;
  };

  return {
    politeness,
    async connect(signal?: AbortSignal): Promise<OdooServerInfo> {
      const current = await ensureSession(signal);
      serverInfo = await readServerInfo({
        server: current.server,
        protocol: current.transport.protocol,
        knownUid: current.uid,
        call: (model, method, kwargs) => call(model, method, kwargs, { signal }),
      });
      current.uid = serverInfo.uid;
      logger.info('odoo connected', { version: serverInfo.serverVersion, protocol: serverInfo.protocol, uid: serverInfo.uid, companies: serverInfo.companies.length });
      return serverInfo;
    },
    call: (model, method, kwargs, opts) => call(model, method, kwargs, opts),
    searchRead: (model, q, opts) => searchRead(model, q, opts),
    async search(model: string, domain: Domain, q = {}, opts?: CallOptions): Promise<number[]> {
      const value = await call<unknown>(model, 'search', { domain, ...q }, opts);
      if (!Array.isArray(value) || !value.every((id) => typeof id === 'number')) throw unexpected(model, 'search', 'a list of ids');
      return value;
    },
    async searchCount(model: string, domain: Domain, opts?: CallOptions): Promise<number> {
      const value = await call<unknown>(model, 'search_count', { domain }, opts);
      if (typeof value !== 'number') throw unexpected(model, 'search_count', 'a number');
      return value;
    },
    async read(model: string, ids: number[], fields: string[], opts?: CallOptions): Promise<OdooRecord[]> {
      if (ids.length === 0) return [];
      return expectRecords(await call<unknown>(model, 'read', { ids, fields }, opts), model, 'read');
    },
    fieldsGet,
    async hasModel(model: string, opts?: CallOptions): Promise<boolean> {
      try {
        await fieldsGet(model, ['type'], opts);
        return true;
      } catch (error) {
        if (error instanceof OdooError && error.code === 'odoo.missing_model') return false;
        // The model exists; this user just may not use it (reported separately by the sync).
        if (error instanceof OdooError && error.code === 'odoo.access') return true;
        throw error;
      }
    },
    readKeyset(model: string, q: KeysetQuery, opts: CallOptions = {}): AsyncIterable<KeysetPage> {
      return readKeysetPages(
        q,
        (domain, limit) => searchRead(model, { domain, fields: q.fields, order: 'id asc', limit }, opts, { retryTimeouts: false }),
        () => clock.now().getTime(),
      );
    },
    stats: () => ({ ...counters }),
  };
}

function unexpected(model: string, method: string, expected: string): OdooError {
  return new OdooError('odoo.server', `Odoo answered ${model}.${method} with something other than ${expected}.`, { site: { model, method } });
}

function expectRecords(value: unknown, model: string, method: string): OdooRecord[] {
  if (!Array.isArray(value)) throw unexpected(model, method, 'a list of records');
  if (!value.every(isOdooRecord)) throw unexpected(model, method, 'records with an id');
  return value;
}

function isOdooRecord(value: unknown): value is OdooRecord {
  return isRecord(value) && typeof value.id === 'number';
}
