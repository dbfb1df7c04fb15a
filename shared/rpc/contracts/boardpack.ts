import { z } from 'zod';
import type { BoardPackDocument } from '../../boardpack/model';
import { CurrencyCodeSchema, MonthKeySchema } from '../../reports/types';
import { defineContract } from '../define';

const SECTION_IDS = ['cover', 'contents', 'executive-summary', 'pnl', 'balance-sheet', 'cash', 'receivables', 'sales-pipeline', 'inventory',
  'reconciliation', 'data-quality', 'appendix', 'pipeline', 'channel-sales', 'top-customers'] as const;
/** A section of a pack template. */
export const SectionIdSchema = z.enum(SECTION_IDS);

/**
 * The companies a pack covers: 'all' (the consolidated group), one Odoo company id (that company in its
 * own currency), or a list of ids (exactly those companies consolidated; a list of one is that company,
 * a list of every company is the group).
 */
export const PackCompaniesSchema = z.union([z.literal('all'), z.number().int(), z.array(z.number().int()).min(1, 'Choose at least one company').max(200)]);
/** See {@link PackCompaniesSchema}. */
export type PackCompanies = z.infer<typeof PackCompaniesSchema>;

/** Which pack: month, companies (the consolidated group, one company, or a subset), currency, template, sections. */
export const PackRequestSchema = z.object({
  month: MonthKeySchema,
  company: PackCompaniesSchema,
  currency: CurrencyCodeSchema.optional(),
  template: z.enum(['board', 'sales']).default('board'),
  scale: z.enum(['units', 'k', 'm']).optional(),
  sections: z.partialRecord(SectionIdSchema, z.boolean()).optional(),
});

/** A closed month-end snapshot (immutable, hash-verified). */
export const SnapshotInfoSchema = z.object({
  file: z.string(),
  month: z.string(),
  created_at: z.string(),
  source_db: z.string().nullable(),
  odoo_version: z.string().nullable(),
  last_sync_at: z.string().nullable(),
  content_hash: z.string(),
  verified: z.boolean(),
});

const DiffBucketSchema = z.object({ count: z.number(), amounts: z.array(z.object({ column: z.string(), currency: z.string(), minor: z.number(), amount: z.string() })) });

/** The board pack builder. */
export const boardpackContract = defineContract({
  /** The document model the Excel and PDF renderers draw (the screen preview shows the same model). */
  'boardpack.preview': { input: PackRequestSchema.strict(), output: z.custom<BoardPackDocument>() },
  /** Saves (or clears, with empty text) the commentary of one section for the month and scope. */
  'boardpack.saveCommentary': {
    input: z.object({ month: MonthKeySchema, company: PackCompaniesSchema, section: SectionIdSchema, text: z.string().max(20_000) }).strict(),
    output: z.object({ saved: z.boolean() }),
  },
  /** Writes the pack as XLSX and/or PDF into the data folder (progress as `job.progressed`, cancellable). */
  'boardpack.export': {
    input: PackRequestSchema.extend({ formats: z.array(z.enum(['xlsx', 'pdf'])).min(1).default(['xlsx', 'pdf']), paper: z.enum(['A4', 'Letter']).optional() }).strict(),
    output: z.object({ files: z.array(z.object({ path: z.string(), fileName: z.string(), format: z.enum(['xlsx', 'pdf']), bytes: z.number(), sha256: z.string() })) }),
  },
  /** Marks the pack final: data-quality checks pass or a written waiver; freezes the month's snapshot. */
  'boardpack.markFinal': {
    input: z.object({
      month: MonthKeySchema,
      company: PackCompaniesSchema,
      currency: CurrencyCodeSchema.optional(),
      template: z.enum(['board', 'sales']).default('board'),
      by: z.string().trim().min(1, 'Enter the name of the person approving the pack').max(200),
      waiver: z.string().max(4000).optional(),
    }).strict(),
    output: z.object({ by: z.string(), at: z.string(), waiver: z.string().optional(), errorFindings: z.number(), snapshotFile: z.string(), snapshotHash: z.string() }),
  },
  /** The closed month-end snapshots of the active cache, newest first. */
  'boardpack.snapshots': { input: z.object({}).strict(), output: z.object({ snapshots: z.array(SnapshotInfoSchema) }) },
  /** What changed between two snapshots, per model and company. */
  'boardpack.diff': {
    input: z.object({ a: z.string().min(1), b: z.string().min(1) }).strict(),
    output: z.object({
      a: z.object({ file: z.string(), month: z.string(), content_hash: z.string() }),
      b: z.object({ file: z.string(), month: z.string(), content_hash: z.string() }),
      models: z.array(z.object({ model: z.string(), company_id: z.number(), added: DiffBucketSchema, changed: DiffBucketSchema, deleted: DiffBucketSchema })),
    }),
  },
});
