import type { ErrorPayload } from '../../../shared/rpc/errors';

/** One model in one company, as the sync left it. */
export interface SyncModelReport {
  model: string;
  company_id: number;
  /** Records read from Odoo and written to the cache (including overlap re-reads). */
  fetched: number;
  /** Cache rows removed because Odoo no longer has them. */
  deleted: number;
  /** API calls spent on this model and company. */
  calls: number;
  /** Why the model was not synced (module not installed, no access); absent when it was. */
  skipped?: string;
}

export interface SyncReport {
  runId: number;
  status: 'ok' | 'failed' | 'cancelled';
  models: SyncModelReport[];
  /** Every API call of the run, connect included. */
  calls: number;
  durationMs: number;
  /** Time spent turning records into rows and committing pages (the cache layer's own cost). */
  cacheWriteMs?: number;
  error?: ErrorPayload;
}

/** Emitted while a model is read; `total` is null until known. */
export interface SyncProgress {
  model: string;
  companyId: number;
  phase: 'scan' | 'deletions' | 'done' | 'skipped';
  done: number;
  total: number | null;
  /** Records per second over this model so far. */
  rate: number;
  /** Seconds left at the current rate, null when unknown. */
  etaSeconds: number | null;
  /** 1-based position in the plan and its length (models x companies). */
  step: number;
  steps: number;
}

export interface SyncRunOptions {
  companies?: number[];
  full?: boolean;
  signal?: AbortSignal;
  onProgress?: (event: SyncProgress) => void;
}
