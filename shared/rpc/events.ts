import { z } from 'zod';

/** Push events from the core, a second typed map beside the contract. Names are `domain.pastTense`. */
export const events = {
  'sync.progressed': z.object({
    runId: z.string(),
    model: z.string(),
    companyId: z.number().nullable(),
    done: z.number(),
    total: z.number().nullable(),
    ratePerSecond: z.number().nullable(),
    etaSeconds: z.number().nullable(),
    /** Where the model stands: reading pages, checking deletions, finished, or skipped (module missing). */
    phase: z.enum(['scan', 'deletions', 'done', 'skipped']).optional(),
    /** 1-based position of this model in the plan (models x companies) and the plan's length. */
    step: z.number().optional(),
    steps: z.number().optional(),
  }),
  'sync.completed': z.object({
    runId: z.string(),
    status: z.enum(['ok', 'failed', 'cancelled']),
    message: z.string().optional(),
    /** On failure: the error code and what to do next. */
    code: z.string().optional(),
    hint: z.string().optional(),
  }),
  /** Profiles, the active cache or the online state changed: the shell re-reads `workspace.getState`. */
  'workspace.changed': z.object({ reason: z.string() }),
  'job.progressed': z.object({
    jobId: z.string(),
    label: z.string(),
    done: z.number(),
    total: z.number().nullable(),
  }),
};

export type Events = typeof events;
export type EventName = keyof Events & string;
export type EventPayload<K extends EventName> = z.output<Events[K]>;
