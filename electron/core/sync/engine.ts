import { AppError, toErrorPayload } from '../../../shared/rpc/errors';
import { systemClock, type Clock } from '../clock';
import type { CacheDb } from '../db/open';
import { createOdooTableRepo } from '../db/repos/odoo-table-repo';
import { createSyncStateRepo, type SyncStateRepo } from '../db/repos/sync-state-repo';
import type { Logger } from '../logging/logger';
import type { OdooClient, OdooServerInfo } from '../odoo/types';
import { loadCurrencyLookup } from './currency-lookup';
import { MODEL_SPECS } from './model-specs';
import { syncModelForCompany, type ModelSyncContext } from './model-sync';
import { bindModel, type BoundModel } from './row-mapper';
import { acquireSyncLock } from './sync-lock';
import type { SyncModelReport, SyncReport, SyncRunOptions } from './types';

export interface SyncEngineDeps {
  cache: CacheDb;
  client: OdooClient;
  logger: Logger;
  clock?: Clock;
  /** Re-read window before the watermark (Odoo stamps write_date at transaction start). Default 10 min. */
  overlapSeconds?: number;
  /** First keyset page size (the client adapts it). Default 500. */
  pageSize?: number;
  /** Ids per page in the deletion check. Default 20000. */
  idPageSize?: number;
  /** Where the client points: recorded in sync_source; a cache of another database is refused. */
  source?: { url: string; db: string };
  /** The models to sync, in order. Default: all of MODEL_SPECS. */
  specs?: typeof MODEL_SPECS;
}

export interface SyncEngine {
  run(options?: SyncRunOptions): Promise<SyncReport>;
}

function errorText(error: unknown): { code: string; message: string } {
  const payload = toErrorPayload(error);
  return { code: payload.code, message: error instanceof Error && payload.code === 'internal' ? error.message : payload.message };
}

/** Codes meaning "this model cannot be read here" (skip it with a note) rather than "the sync failed". */
function skipReason(error: unknown): string | undefined {
  if (!(error instanceof AppError)) return undefined;
  if (error.code === 'odoo.missing_model') return 'module not installed (model not found)';
  if (error.code === 'odoo.access') return `no access: ${error.message}`;
  return undefined;
}

/**
 * The sync engine: per company, every model of the plan in dependency order; incremental by
 * write_date with an overlap and id keyset; each page committed with its watermark; deletions by
 * id-set comparison. A killed sync resumes where it stopped.
 */
export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger.child('sync');
  const { cache, client } = deps;
  const db = cache.db;
  const specs = deps.specs ?? MODEL_SPECS;
  let running = false;

  async function bindAll(state: SyncStateRepo, server: OdooServerInfo, full: boolean, signal?: AbortSignal): Promise<Map<string, BoundModel | string>> {
    const bound = new Map<string, BoundModel | string>();
    for (const spec of specs) {
      let meta = state.getMeta(spec.model);
      if (!meta || meta.server_version !== server.serverVersion || full) {
        try {
          const fields = await client.fieldsGet(spec.model, ['type'], { signal, context: { lang: 'en_US' } });
          meta = { model: spec.model, server_version: server.serverVersion, available: 1, fields: JSON.stringify(Object.keys(fields)) };
        } catch (error) {
          const reason = skipReason(error);
          if (reason === undefined) throw error;
          meta = { model: spec.model, server_version: server.serverVersion, available: 0, fields: JSON.stringify(reason) };
        }
        state.putMeta(meta, clock.now().toISOString());
      }
      bound.set(spec.model, meta.available ? bindModel(spec, new Set(JSON.parse(meta.fields) as string[])) : (JSON.parse(meta.fields) as string));
    }
    return bound;
  }

  function recordSource(state: SyncStateRepo, server: OdooServerInfo): void {
    const existing = state.getSource();
    const source = deps.source;
    if (existing && source && existing.db !== source.db) {
      throw new AppError('validation', `The cache ${cache.file} holds data of database "${existing.db}", not "${source.db}".`, {
        hint: 'Use one cache file per connection profile: pass another --cache for this database.',
      });
    }
    state.putSource({
      url: source?.url ?? existing?.url ?? '',
      db: source?.db ?? existing?.db ?? '',
      login: server.userLogin,
      server_version: server.serverVersion,
      major: server.major,
      protocol: server.protocol,
      uid: server.uid,
      user_name: server.userName,
      user_tz: server.userTz,
      connected_at: clock.now().toISOString(),
    });
  }

  async function run(options: SyncRunOptions = {}): Promise<SyncReport> {
    if (running) throw new AppError('sync.in_progress', 'A sync of this cache is already running.');
    const release = acquireSyncLock(cache.file);
    running = true;
    const started = clock.now();
    const callsAtStart = client.stats().calls;
    const state = createSyncStateRepo(db);
    state.abandonStaleRuns();
    const full = options.full ?? false;
    const runId = state.startRun(started.toISOString(), full, options.companies ?? []);
    const models: SyncModelReport[] = [];
    let cacheWriteMs = 0;
    const finish = (status: SyncReport['status'], error?: unknown): SyncReport => {
      const calls = client.stats().calls - callsAtStart;
      const text = error === undefined ? undefined : errorText(error);
      state.finishRun(runId, clock.now().toISOString(), status, calls, text?.code ?? null, text?.message ?? null);
      const report: SyncReport = { runId, status, models, calls, durationMs: clock.now().getTime() - started.getTime(), cacheWriteMs: Math.round(cacheWriteMs) };
      if (error !== undefined) report.error = toErrorPayload(error);
      return report;
    };

    try {
      const server = await client.connect(options.signal);
      const companies = options.companies ?? server.allowedCompanyIds;
      const unknown = companies.filter((id) => !server.allowedCompanyIds.includes(id));
      if (unknown.length > 0) {
        throw new AppError('odoo.company', `Company ${unknown.join(', ')} is not among this user's companies (${server.allowedCompanyIds.join(', ')}).`, {
          hint: 'Check --companies against the companies listed in Odoo for the API user.',
        });
      }
      db.prepare('UPDATE sync_run SET companies = ? WHERE id = ?').run(JSON.stringify(companies), runId);
      recordSource(state, server);
      const bound = await bindAll(state, server, full, options.signal);
      const ctx: ModelSyncContext = {
        db, client, state, clock, logger,
        overlapSeconds: deps.overlapSeconds ?? 600,
        pageSize: deps.pageSize ?? 500,
        idPageSize: deps.idPageSize ?? 20_000,
      };
      const steps = companies.length * specs.length;
      let step = 0;
      for (const companyId of companies) {
        let lookup = loadCurrencyLookup(db, companyId);
        for (const spec of specs) {
          step++;
          const target = bound.get(spec.model);
          const callsBefore = client.stats().calls;
          const progress = { model: spec.model, companyId, step, steps };
          if (target === undefined || typeof target === 'string') {
            const reason = target ?? 'not planned';
            markSkipped(state, spec.model, companyId, reason, clock);
            const row = { model: spec.model, company_id: companyId, fetched: 0, deleted: 0, calls: 0, skipped: reason };
            models.push(row);
            state.putRunModel(runId, { ...row, skipped_reason: reason });
            options.onProgress?.({ ...progress, phase: 'skipped', done: 0, total: 0, rate: 0, etaSeconds: null });
            continue;
          }
          const repo = createOdooTableRepo(db, target.spec.table, target.columns);
          let result: { fetched: number; deleted: number; writeMs: number } | undefined;
          let skipped: string | undefined;
          try {
            result = await syncModelForCompany(ctx, {
              bound: target, repo, companyId, full,
              currencies: () => lookup,
              signal: options.signal,
              progress: (event) => options.onProgress?.({ ...progress, ...event }),
            });
          } catch (error) {
            skipped = skipReason(error);
            if (skipped === undefined) throw error;
            markSkipped(state, spec.model, companyId, skipped, clock);
            logger.warn('model skipped', { model: spec.model, companyId, reason: skipped });
          }
          cacheWriteMs += result?.writeMs ?? 0;
          // Currencies and companies feed the money conversion of every later model.
          if (spec.model === 'res.currency' || spec.model === 'res.company') lookup = loadCurrencyLookup(db, companyId);
          const row: SyncModelReport = { model: spec.model, company_id: companyId, fetched: result?.fetched ?? 0, deleted: result?.deleted ?? 0, calls: client.stats().calls - callsBefore };
          if (skipped !== undefined) row.skipped = skipped;
          models.push(row);
          state.putRunModel(runId, { model: row.model, company_id: companyId, fetched: row.fetched, deleted: row.deleted, calls: row.calls, skipped_reason: skipped ?? null });
        }
      }
      const report = finish('ok');
      logger.info('sync finished', { runId, calls: report.calls, durationMs: report.durationMs });
      return report;
    } catch (error) {
      const cancelled = (error instanceof AppError && error.code === 'cancelled') || options.signal?.aborted === true;
      logger[cancelled ? 'info' : 'error']('sync stopped', { runId, ...errorText(error) });
      return finish(cancelled ? 'cancelled' : 'failed', cancelled && !(error instanceof AppError) ? new AppError('cancelled', 'The sync was cancelled.') : error);
    } finally {
      release();
      running = false;
    }
  }

  return { run };
}

function markSkipped(state: SyncStateRepo, model: string, companyId: number, reason: string, clock: Clock): void {
  const wm = state.getWatermark(model, companyId);
  state.putWatermark({
    model, company_id: companyId, write_date: wm?.write_date ?? null, last_id: wm?.last_id ?? 0, phase: wm?.phase ?? 'done',
    scan_since: wm?.scan_since ?? null, scan_max_write_date: wm?.scan_max_write_date ?? null, skipped_reason: reason,
  }, clock.now().toISOString());
}
