import { z } from 'zod';
import { defineContract } from '../define';

/** A file handed to the core: uploaded bytes (browser and Electron alike), or a file inside the data folder (the demo's plan files). */
export const PlanFileSchema = z.union([
  z.object({
    /** The file's name identifies the import: importing a file of the same name again replaces its rows. */
    name: z.string().min(1).max(255),
    /** File content, base64 (the renderer has no paths in browser mode). At most ~75 MB. */
    base64: z.string().max(100_000_000),
  }).strict(),
  z.object({ path: z.string().min(1).max(4000) }).strict(),
]);

/** What one budget or survey import did: every row imported or rejected with its line and reason. */
export const PlanImportResultSchema = z.object({
  kind: z.enum(['budget', 'csat']),
  file: z.string(),
  /** The stored batch (undo it with `plan.removeBatch`); null when nothing was stored. */
  batchId: z.string().nullable(),
  read: z.number().int(),
  imported: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  /** Rows of earlier imports this one replaced (same file name, or the same company/KPI/month). */
  replaced: z.number().int(),
});
/** See {@link PlanImportResultSchema}. */
export type PlanImportResult = z.infer<typeof PlanImportResultSchema>;

/** One stored import: its file, when it was imported, how many rows it still holds and for which companies. */
export const PlanBatchSchema = z.object({
  batchId: z.string(),
  kind: z.enum(['budget', 'csat']),
  file: z.string().nullable(),
  importedAt: z.string(),
  rows: z.number().int(),
  /** Odoo company ids the rows are for; empty for survey responses about the whole group. */
  companyIds: z.array(z.number().int()),
  /** First and last month covered (YYYY-MM). */
  firstMonth: z.string(),
  lastMonth: z.string(),
});
/** See {@link PlanBatchSchema}. */
export type PlanBatch = z.infer<typeof PlanBatchSchema>;

/** Budgets and customer-satisfaction surveys of the active cache (they live outside Odoo). */
export const planContract = defineContract({
  /** Imports a budget (CSV/TSV/XLSX: company, kpi or account, month, amount). */
  'plan.importBudget': { input: z.object({ file: PlanFileSchema }).strict(), output: PlanImportResultSchema },
  /** Imports a survey export (CSV/TSV/XLSX: date, score; optional company, scale, response_id…). */
  'plan.importCsat': {
    input: z.object({ file: PlanFileSchema, scaleMax: z.number().positive().max(1000).optional() }).strict(),
    output: PlanImportResultSchema,
  },
  /**
   * The imports stored in the active cache, newest first, and the demo company's own plan files
   * when the demo is active (so the app can offer to load them).
   */
  'plan.listBatches': {
    input: z.object({}).strict(),
    output: z.object({
      batches: z.array(PlanBatchSchema),
      demoFiles: z.object({ budget: z.string().nullable(), csat: z.string().nullable() }),
    }),
  },
  /** Undoes one import: deletes every row it stored. */
  'plan.removeBatch': {
    input: z.object({ batchId: z.string().min(1).max(100) }).strict(),
    output: z.object({ removed: z.number().int() }),
  },
});
