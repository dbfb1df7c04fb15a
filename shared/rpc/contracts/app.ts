import { z } from 'zod';
import { defineContract } from '../define';

/** Methods about the app itself: identity, health, preferences the core owns. */
export const appContract = defineContract({
  'app.getInfo': {
    input: z.object({}).strict(),
    output: z.object({
      name: z.string(),
      version: z.string(),
      dataDir: z.string(),
      secretsPersistent: z.boolean(),
      secretsNote: z.string().optional(),
    }),
  },
  /** A round trip through the whole stack; used by the smoke tests and the status bar. */
  'app.ping': {
    input: z.object({ message: z.string().max(200) }).strict(),
    output: z.object({ message: z.string(), receivedAt: z.string() }),
  },
});
