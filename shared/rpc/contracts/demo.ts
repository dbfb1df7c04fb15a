import { z } from 'zod';
import { defineContract } from '../define';

/** The demo company: generated data served by the in-process simulator, synced through the real client. */
export const demoContract = defineContract({
  /**
   * Generates the demo company, starts the simulator on 127.0.0.1, makes the demo profile active
   * and starts a sync (progress arrives as `sync.progressed`, the end as `sync.completed`).
   */
  'demo.start': {
    input: z.object({ scale: z.enum(['small', 'medium', 'large']).default('small') }).strict(),
    output: z.object({ profileId: z.string(), runId: z.string(), url: z.string() }),
  },
});
