import { z } from 'zod';
import { defineContract } from '../define';

const CellSchema = z.union([z.string(), z.number(), z.null()]);

/** Files the core wrote, handed to the UI (browser-mode downloads), and table exports. */
export const filesContract = defineContract({
  /** Reads a file inside the data folder (exports, snapshots); anything outside is refused. */
  'files.read': {
    input: z.object({ path: z.string().min(1).max(4000) }).strict(),
    output: z.object({ name: z.string(), mimeType: z.string(), size: z.number(), base64: z.string() }),
  },
  /** Writes a table as an .xlsx in the data folder's exports (amount columns as numbers with a currency format). */
  'files.exportTable': {
    input: z.object({
      name: z.string().min(1).max(120),
      columns: z.array(z.object({ label: z.string(), kind: z.enum(['text', 'amount', 'number', 'date']), currency: z.string().optional() })).min(1).max(100),
      rows: z.array(z.array(CellSchema)).max(1_000_000),
    }).strict(),
    output: z.object({ path: z.string(), fileName: z.string() }),
  },
});
