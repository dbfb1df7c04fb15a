import { z } from 'zod';
import { defineContract } from '../define';

/** One model of one company in the running (or last) sync. */
export const SyncModelProgressSchema = z.object({
  model: z.string(),
  companyId: z.number().int(),
  phase: z.enum(['scan', 'deletions', 'done', 'skipped']),
  done: z.number(),
  total: z.number().nullable(),
  ratePerSecond: z.number().nullable(),
  etaSeconds: z.number().nullable(),
});
/** See {@link SyncModelProgressSchema}. */
export type SyncModelProgress = z.infer<typeof SyncModelProgressSchema>;

const ProblemSchema = z.object({ code: z.string(), message: z.string(), hint: z.string().optional() });

/** The sync center's live view. */
export const SyncStatusSchema = z.object({
  running: z.boolean(),
  runId: z.string().nullable(),
  startedAt: z.string().nullable(),
  step: z.number(),
  steps: z.number(),
  models: z.array(SyncModelProgressSchema),
  /** The last failure of this profile's syncs, with what to do next. */
  lastError: ProblemSchema.extend({ at: z.string() }).nullable(),
  /** `timeZone` is the IANA zone business hours are read in (the scheduler's: Settings timezone, else the machine's). */
  schedule: z.object({ enabled: z.boolean(), everyMinutes: z.number(), nextRunAt: z.string().nullable(), timeZone: z.string(), note: z.string() }),
});
/** See {@link SyncStatusSchema}. */
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

/** One finished (or abandoned) run, from the cache's own log. */
export const SyncRunSchema = z.object({
  id: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(['running', 'ok', 'failed', 'cancelled']),
  full: z.boolean(),
  companies: z.array(z.number().int()),
  calls: z.number().int(),
  durationMs: z.number().nullable(),
  fetched: z.number().int(),
  deleted: z.number().int(),
  skippedModels: z.array(z.object({ model: z.string(), companyId: z.number().int(), reason: z.string() })),
  errorCode: z.string().nullable(),
  error: z.string().nullable(),
});
/** See {@link SyncRunSchema}. */
export type SyncRun = z.infer<typeof SyncRunSchema>;

/** Syncing the active profile's cache. */
export const syncContract = defineContract({
  /** Starts a sync in the background and answers at once; follow `sync.progressed` and `sync.completed`. */
  'sync.start': {
    input: z.object({ full: z.boolean().default(false), companies: z.array(z.number().int()).optional() }).strict(),
    output: z.object({ runId: z.string() }),
  },
  /** Cancels the running sync; the pages already written stay, the next sync resumes from them. */
  'sync.cancel': { input: z.object({}).strict(), output: z.object({ cancelled: z.boolean() }) },
  'sync.status': { input: z.object({}).strict(), output: SyncStatusSchema },
  /** Recent runs, newest first. */
  'sync.history': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.object({ runs: z.array(SyncRunSchema) }),
  },
});
