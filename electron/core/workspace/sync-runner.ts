import { randomUUID } from 'node:crypto';
import type { SyncModelProgress, SyncRun, SyncStatus } from '../../../shared/rpc/contracts/sync';
import { AppError, toErrorPayload } from '../../../shared/rpc/errors';
import type { CacheDb } from '../db/open';
import { createOdooClient } from '../odoo/client';
import type { OdooConnectionConfig } from '../odoo/types';
import type { CoreServices } from '../services';
import { createSyncEngine } from '../sync/engine';
import type { SyncProgress, SyncReport } from '../sync/types';

/** Progress events are throttled per model so a fast sync does not flood the UI. */
const PROGRESS_INTERVAL_MS = 150;

interface RunningJob {
  runId: string;
  profileId: string;
  startedAt: string;
  controller: AbortController;
  models: Map<string, SyncModelProgress>;
  step: number;
  steps: number;
}

export interface SyncRunnerDeps {
  services: CoreServices;
  /** Called after every run (ok, failed or cancelled), e.g. to refresh the shell. */
  onFinished(profileId: string, report: SyncReport): void;
}

export interface StartSyncRequest {
  profileId: string;
  cache: CacheDb;
  /** Resolved just before the run: for the demo this starts the simulator, for Odoo it reads the key. */
  connection: () => Promise<OdooConnectionConfig>;
  full: boolean;
  companies?: number[];
}

/**
 * Runs the sync engine in the background for one profile at a time, turns its progress into
 * `sync.progressed` events, and keeps the live state the sync center polls.
 */
export function createSyncRunner(deps: SyncRunnerDeps) {
  const { services } = deps;
  const logger = services.logger.child('sync-runner');
  let job: RunningJob | null = null;
  let jobDone: Promise<SyncReport> | null = null;
  const lastErrors = new Map<string, NonNullable<SyncStatus['lastError']>>();
  const lastModels = new Map<string, { step: number; steps: number; models: SyncModelProgress[] }>();

  function onProgress(current: RunningJob, event: SyncProgress, lastEmit: Map<string, number>): void {
    const key = `${event.model}@${event.companyId}`;
    const row: SyncModelProgress = {
      model: event.model, companyId: event.companyId, phase: event.phase, done: event.done, total: event.total,
      ratePerSecond: Number.isFinite(event.rate) ? Math.round(event.rate * 10) / 10 : null, etaSeconds: event.etaSeconds,
    };
    current.models.set(key, row);
    current.step = event.step;
    current.steps = event.steps;
    const now = Date.now();
    const important = event.phase === 'done' || event.phase === 'skipped' || (lastEmit.get(key) ?? 0) === 0;
    if (!important && now - (lastEmit.get(key) ?? 0) < PROGRESS_INTERVAL_MS) return;
    lastEmit.set(key, now);
    services.emit('sync.progressed', { runId: current.runId, ...row, step: event.step, steps: event.steps });
  }

  async function execute(current: RunningJob, request: StartSyncRequest): Promise<SyncReport> {
    const lastEmit = new Map<string, number>();
    let report: SyncReport;
    try {
      const config = await request.connection();
      const client = createOdooClient(config, { logger: services.logger, clock: services.clock });
      const engine = createSyncEngine({ cache: request.cache, client, logger: services.logger, clock: services.clock, source: { url: config.url, db: config.db } });
      report = await engine.run({
        full: request.full,
        companies: request.companies,
        signal: current.controller.signal,
        onProgress: (event) => onProgress(current, event, lastEmit),
      });
    } catch (error) {
      // Failures before the engine starts (no key, demo server down) still end the run visibly.
      const cancelled = current.controller.signal.aborted;
      report = { runId: 0, status: cancelled ? 'cancelled' : 'failed', models: [], calls: 0, durationMs: 0, error: toErrorPayload(cancelled ? new AppError('cancelled', 'The sync was cancelled.') : error) };
      if (!(error instanceof AppError)) logger.error('sync could not start', { error: error instanceof Error ? error.message : String(error) });
    }
    const error = report.status === 'failed' ? report.error : undefined;
    if (error) lastErrors.set(request.profileId, { code: error.code, message: error.message, hint: error.hint, at: services.clock.now().toISOString() });
    else if (report.status === 'ok') lastErrors.delete(request.profileId);
    lastModels.set(request.profileId, { step: current.step, steps: current.steps, models: [...current.models.values()] });
    return report;
  }

  function emitCompleted(current: RunningJob, report: SyncReport): void {
    const error = report.status === 'failed' ? report.error : undefined;
    services.emit('sync.completed', {
      runId: current.runId,
      status: report.status,
      message: report.status === 'ok' ? `Synced ${report.models.reduce((sum, m) => sum + m.fetched, 0)} records in ${(report.durationMs / 1000).toFixed(1)} s.` : report.error?.message,
      ...(error ? { code: error.code, ...(error.hint ? { hint: error.hint } : {}) } : {}),
    });
  }

  return {
    isRunning: () => job !== null,
    /** Starts a run and returns its id at once; refuses a second concurrent run. */
    start(request: StartSyncRequest): { runId: string; done: Promise<SyncReport> } {
      if (job) throw new AppError('sync.in_progress', 'A sync is already running.', { hint: 'Wait for it to finish or cancel it in the Sync center.' });
      const current: RunningJob = {
        runId: randomUUID(), profileId: request.profileId, startedAt: services.clock.now().toISOString(),
        controller: new AbortController(), models: new Map(), step: 0, steps: 0,
      };
      job = current;
      // The job is cleared and the workspace updated before the UI hears `sync.completed`, so a
      // refetch triggered by the event already sees the new state.
      const done = execute(current, request).then((report) => {
        job = null;
        jobDone = null;
        deps.onFinished(request.profileId, report);
        emitCompleted(current, report);
        return report;
      });
      jobDone = done;
      return { runId: current.runId, done };
    },
    cancel(): boolean {
      if (!job) return false;
      job.controller.abort();
      return true;
    },
    /** The running job's progress, or the last run's final progress for this profile. */
    status(profileId: string): Omit<SyncStatus, 'schedule'> {
      const lastError = lastErrors.get(profileId) ?? null;
      if (job && job.profileId === profileId) {
        return { running: true, runId: job.runId, startedAt: job.startedAt, step: job.step, steps: job.steps, models: [...job.models.values()], lastError };
      }
      const last = lastModels.get(profileId);
      return { running: false, runId: null, startedAt: null, step: last?.step ?? 0, steps: last?.steps ?? 0, models: last?.models ?? [], lastError };
    },
    /** Waits for the running job (if any) to end; used on shutdown and by tests. */
    async settle(): Promise<void> {
      if (jobDone) await jobDone.catch(() => undefined);
    },
  };
}

export type SyncRunner = ReturnType<typeof createSyncRunner>;

/** The cache's own run log, newest first, with per-run totals. */
export function readSyncHistory(cache: CacheDb, limit: number): SyncRun[] {
  const runs = cache.db
    .prepare('SELECT id, started_at, finished_at, status, full, companies, calls, error_code, error FROM sync_run ORDER BY id DESC LIMIT ?')
    .all(limit) as Array<{ id: number; started_at: string; finished_at: string | null; status: SyncRun['status']; full: number; companies: string; calls: number; error_code: string | null; error: string | null }>;
  const totals = cache.db.prepare('SELECT COALESCE(SUM(fetched), 0) AS fetched, COALESCE(SUM(deleted), 0) AS deleted FROM sync_run_model WHERE run_id = ?');
  const skipped = cache.db.prepare('SELECT model, company_id, skipped_reason FROM sync_run_model WHERE run_id = ? AND skipped_reason IS NOT NULL ORDER BY model, company_id');
  return runs.map((run) => {
    const sums = totals.get(run.id) as { fetched: number; deleted: number };
    const skips = skipped.all(run.id) as Array<{ model: string; company_id: number; skipped_reason: string }>;
    return {
      id: run.id,
      startedAt: run.started_at,
      finishedAt: run.finished_at,
      status: run.status,
      full: run.full === 1,
      companies: JSON.parse(run.companies) as number[],
      calls: run.calls,
      durationMs: run.finished_at ? Date.parse(run.finished_at) - Date.parse(run.started_at) : null,
      fetched: sums.fetched,
      deleted: sums.deleted,
      skippedModels: skips.map((s) => ({ model: s.model, companyId: s.company_id, reason: s.skipped_reason })),
      errorCode: run.error_code,
      error: run.error,
    };
  });
}
