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
  }),
  'sync.completed': z.object({
    runId: z.string(),
    status: z.enum(['ok', 'failed', 'cancelled']),
    message: z.string().optional(),
  }),
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
