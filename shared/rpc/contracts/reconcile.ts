import { z } from 'zod';
import { MonthKeySchema } from '../../reports/types';
import type { PayoutResult, RecordResult } from '../../reconcile/result';
import type { ChannelMonthSummary } from '../../reconcile/summary';
import type { DuplicateCustomerGroup, SkuMapEntry } from '../../reconcile/data-cleaning';
import { defineContract } from '../define';

/** One imported file: detected format, every row accounted for, rejected rows with their line numbers. */
export const ImportSummarySchema = z.object({
  fileName: z.string(),
  format: z.string(),
  encoding: z.string(),
  duplicateFile: z.boolean(),
  rowsRead: z.number().int(),
  rowsImported: z.number().int(),
  rowsRejected: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  ignoredColumns: z.array(z.string()),
  recordsInserted: z.number().int(),
  recordsUpdated: z.number().int(),
});
/** See {@link ImportSummarySchema}. */
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

/** A stored exception with its decision (resolved/ignored with a note, who, when). */
export const ExceptionDecisionSchema = z.object({
  recordKey: z.string(),
  category: z.string(),
  channel: z.string(),
  month: z.string(),
  status: z.enum(['open', 'resolved', 'ignored']),
  note: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
});
/** See {@link ExceptionDecisionSchema}. */
export type ExceptionDecision = z.infer<typeof ExceptionDecisionSchema>;

/**
 * A month's reconciliation as the workspace shows it. The matcher's shapes come from shared/reconcile
 * (the core returns them as they are; only inputs are validated at the door).
 */
export const ReconcileViewSchema = z.object({
  month: MonthKeySchema,
  timeZone: z.string(),
  companyCurrency: z.string(),
  imports: z.array(ImportSummarySchema),
  records: z.array(z.custom<RecordResult & { status: Record<string, string> }>()),
  payouts: z.array(z.custom<PayoutResult>()),
  summary: z.array(z.custom<ChannelMonthSummary>()),
  dataCleaning: z.object({
    duplicateCustomers: z.array(z.custom<DuplicateCustomerGroup>()),
    skuMap: z.array(z.custom<SkuMapEntry>()),
    unmappedSkus: z.number().int(),
  }),
  exceptions: z.array(ExceptionDecisionSchema),
});
/** See {@link ReconcileViewSchema}. */
export type ReconcileView = z.infer<typeof ReconcileViewSchema>;

const UploadSchema = z.object({
  name: z.string().min(1).max(255),
  /** File content, base64 (the renderer has no paths in browser mode). At most ~75 MB. */
  base64: z.string().max(100_000_000),
});

/** The human wording of `shippingInOdoo`, shared by the UI and the CLI help. */
export const SHIPPING_IN_ODOO_LABEL = 'Odoo books shipping as revenue on the order';

/**
 * A channel's reconciliation rule as the user saves it (per company: stored in the active cache).
 * `null` overrides mean "use the Settings default" (Settings → reconciliation).
 */
export const ChannelRuleInputSchema = z.object({
  /** The channel as the imports name it: shopify, woocommerce, marketplace, or a saved mapping's channel. */
  channel: z.string().trim().min(1, 'Name the channel, e.g. shopify').max(100),
  /** {@link SHIPPING_IN_ODOO_LABEL}; when false, shipping missing from Odoo is expected, not a mismatch. */
  shippingInOdoo: z.boolean(),
  /** Largest difference (minor units, e.g. cents) still called rounding; null = the Settings default. */
  roundingToleranceMinor: z.number().int('Use whole cents').min(0, 'Use 0 or more cents').max(100_000, 'Use at most 100000 cents').nullable(),
  /** Days a shop order and an Odoo order may lie apart and still be suggested as a match; null = the Settings default. */
  dateWindowDays: z.number().int('Use whole days').min(0, 'Use 0 or more days').max(60, 'Use at most 60 days').nullable(),
  /** Payment-provider sources whose lines belong to this channel, besides the conventional ones. */
  settlementSources: z.array(z.string().trim().min(1, 'A settlement source needs a name').max(100)).max(50),
});
/** See {@link ChannelRuleInputSchema}. */
export type ChannelRuleInput = z.infer<typeof ChannelRuleInputSchema>;

/** A listed rule: the saved values (or the defaults) plus where the channel comes from. */
export const ChannelRuleSchema = ChannelRuleInputSchema.extend({
  /** A rule row exists in the cache (false = shown with defaults, nothing saved yet). */
  saved: z.boolean(),
  /** Orders or provider lines of this channel were imported. */
  seenInImports: z.boolean(),
  /** Providers routed to this channel by convention (e.g. shopify_payments → shopify). */
  conventionalSources: z.array(z.string()),
});
/** See {@link ChannelRuleSchema}. */
export type ChannelRule = z.infer<typeof ChannelRuleSchema>;

/** The channel rules of the active cache with the defaults that fill their gaps. */
export const ChannelRulesViewSchema = z.object({
  rules: z.array(ChannelRuleSchema),
  /** Every settlement source the app knows (importers' conventions and what was imported). */
  settlementSources: z.array(z.string()),
  /** The Settings defaults applied where a rule has no own value. */
  defaults: z.object({ amountToleranceMinor: z.number().int(), dateWindowDays: z.number().int() }),
});
/** See {@link ChannelRulesViewSchema}. */
export type ChannelRulesView = z.infer<typeof ChannelRulesViewSchema>;

/** E-commerce reconciliation of the active cache. */
export const reconcileContract = defineContract({
  /** Imports files (idempotent by content hash) and reconciles the month. */
  'reconcile.import': {
    input: z.object({ month: MonthKeySchema, files: z.array(UploadSchema).min(1).max(50), format: z.string().max(100).default('auto') }).strict(),
    output: ReconcileViewSchema,
  },
  /** Reconciles the month from what was imported before (no new files). */
  'reconcile.results': { input: z.object({ month: MonthKeySchema }).strict(), output: ReconcileViewSchema },
  /** Resolves, ignores or re-opens an exception; a note is required to close one. */
  'reconcile.resolve': {
    input: z.object({
      recordKey: z.string().min(1).max(300),
      category: z.string().max(60).optional(),
      status: z.enum(['open', 'resolved', 'ignored']),
      note: z.string().max(4000).default(''),
    }).strict(),
    output: z.object({ exceptions: z.array(ExceptionDecisionSchema) }),
  },
  /** Writes the month's exceptions to CSV or XLSX in the data folder. */
  'reconcile.export': {
    input: z.object({ month: MonthKeySchema, format: z.enum(['csv', 'xlsx']) }).strict(),
    output: z.object({ path: z.string(), fileName: z.string(), lines: z.number().int() }),
  },
  /** The active cache's channel rules merged with the channels seen in imports and the conventional ones. */
  'reconcile.listChannelRules': { input: z.object({}).strict(), output: ChannelRulesViewSchema },
  /** Creates or replaces one channel's rule; the next reconciliation run uses it. */
  'reconcile.saveChannelRule': { input: ChannelRuleInputSchema.strict(), output: ChannelRulesViewSchema },
});
