/**
 * The report result model: what `buildReport` returns and what the UI, the CLI (`--json`),
 * the Excel workbook and the PDF board pack render from. Everything is JSON-serialisable.
 *
 * Value conventions (read these before rendering a number):
 * - `money` values are INTEGER MINOR UNITS (cents) of `unit.currency`; never floats.
 * - `percent` values are FRACTIONS (0.4523 = 45.23 %), rounded to 6 decimals.
 * - `days` values are days, rounded to 2 decimals.
 * - `count` values are integers.
 * - `ratio` values are plain multiples (2.5 = 2.5x), rounded to 4 decimals.
 * - `null` means "no value" and the KPI's `status`/`note` says why (n/a, unavailable, missing rate).
 * - Months are `YYYY-MM` strings in the company's fiscal calendar; dates are `YYYY-MM-DD`.
 */
import { z } from 'zod';

/** Stable snake_case ids of every KPI the engine produces (the contract with UI and exports). */
export const KPI_IDS = [
  'net_revenue',
  'cogs',
  'gross_margin',
  'gross_margin_pct',
  'opex',
  'ebitda',
  'cash',
  'ar_total',
  'ar_aging',
  'dso_days',
  'ap_total',
  'dpo_days',
  'inventory_value',
  'inventory_days_of_supply',
  'pipeline_weighted',
  'pipeline_coverage',
  'win_rate',
  'orders_count',
  'average_order_value',
  'revenue_by_channel',
  'top10_customer_share',
  'csat',
  'budget_variance',
] as const;

/** Schema of a KPI id. */
export const KpiIdSchema = z.enum(KPI_IDS);
/** One of {@link KPI_IDS}. */
export type KpiId = z.infer<typeof KpiIdSchema>;

/** ISO 4217 currency code, e.g. `EUR`. */
export const CurrencyCodeSchema = z.string().regex(/^[A-Z]{3}$/);

/** `YYYY-MM` month key. */
export const MonthKeySchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** `YYYY-MM-DD` calendar date. */
export const DateKeySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** How to read a KPI's numbers (see the file header for the value conventions). */
export const UnitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('money'), currency: CurrencyCodeSchema }),
  z.object({ kind: z.literal('percent') }),
  z.object({ kind: z.literal('days') }),
  z.object({ kind: z.literal('count') }),
  z.object({ kind: z.literal('ratio') }),
]);
/** Unit of a KPI value. */
export type Unit = z.infer<typeof UnitSchema>;

/**
 * Whether a KPI could be computed:
 * - `ok`: computed from complete data;
 * - `partial`: computed but some input was missing (see `note`);
 * - `unavailable`: a source model was not synced or no input exists (e.g. no budget imported);
 * - `missing_rate`: a currency translation needed a rate the cache does not have (never guessed);
 * - `not_applicable`: mathematically undefined (e.g. margin % on zero revenue).
 */
export const KpiStatusSchema = z.enum(['ok', 'partial', 'unavailable', 'missing_rate', 'not_applicable']);
/** See {@link KpiStatusSchema}. */
export type KpiStatus = z.infer<typeof KpiStatusSchema>;

/** A nullable number (money minor units, fraction, days, count or ratio depending on the unit). */
export const KpiNumberSchema = z.number().nullable();

/** One point of the 13-month trend (oldest first, ending with the report month). */
export const TrendPointSchema = z.object({ month: MonthKeySchema, value: KpiNumberSchema });
/** See {@link TrendPointSchema}. */
export type TrendPoint = z.infer<typeof TrendPointSchema>;

/**
 * One line of a KPI breakdown (channels, aging buckets, top customers, budget lines).
 * Money breakdowns always sum exactly to the KPI's value for the same column.
 */
export const BreakdownRowSchema = z.object({
  /** Stable key, e.g. a crm.team id (`team:3`), `unassigned`, an aging bucket id, a partner id. */
  key: z.string(),
  label: z.string(),
  month: KpiNumberSchema,
  ytd: KpiNumberSchema,
  /** Optional extra measures for this row (e.g. `{ orders: 12 }`), same unit rules as the KPI. */
  extra: z.record(z.string(), z.number().nullable()).optional(),
});
/** See {@link BreakdownRowSchema}. */
export type BreakdownRow = z.infer<typeof BreakdownRowSchema>;

/** A KPI with its comparison columns, trend and breakdown. */
export const KpiSchema = z.object({
  id: KpiIdSchema,
  unit: UnitSchema,
  status: KpiStatusSchema,
  /** Human explanation when status is not `ok` (e.g. "crm.lead was not synced"). */
  note: z.string().optional(),
  /** Value for the report month (flow KPIs) or as of month-end (balance KPIs). */
  month: KpiNumberSchema,
  /** Quarter-to-date in the company's fiscal calendar (flows) or same as month (balances). */
  qtd: KpiNumberSchema,
  /** Fiscal year-to-date (flows: sum; ratios recomputed from YTD sums; balances: month-end). */
  ytd: KpiNumberSchema,
  /** Last twelve months ending with the report month. */
  ltm: KpiNumberSchema,
  /** Same month last year. */
  priorYearMonth: KpiNumberSchema,
  /** Same YTD window one year earlier. */
  priorYearYtd: KpiNumberSchema,
  /** 13 monthly values, oldest first, the last one is the report month. */
  trend: z.array(TrendPointSchema),
  breakdown: z.array(BreakdownRowSchema).optional(),
});
/** See {@link KpiSchema}. */
export type Kpi = z.infer<typeof KpiSchema>;

/** Every KPI keyed by id (all ids are always present; missing data shows in `status`). */
export const KpiSetSchema = z.record(KpiIdSchema, KpiSchema);
/** See {@link KpiSetSchema}. */
export type KpiSet = Record<KpiId, Kpi>;

/** Aging bucket ids, by days past due as of month-end (inclusive bounds). */
export const AGING_BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
/** One of {@link AGING_BUCKETS}. */
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** One row of a statement (P&L or balance sheet summary); money in minor units. */
export const StatementRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** Indentation level for rendering (0 = section/total). */
  level: z.number().int().min(0),
  isTotal: z.boolean(),
  month: KpiNumberSchema,
  ytd: KpiNumberSchema,
  priorYearMonth: KpiNumberSchema,
  priorYearYtd: KpiNumberSchema,
});
/** See {@link StatementRowSchema}. */
export type StatementRow = z.infer<typeof StatementRowSchema>;

/** Balance-sheet summary row: closing balances, money in minor units (assets positive, liabilities/equity positive). */
export const BalanceRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  level: z.number().int().min(0),
  isTotal: z.boolean(),
  closing: KpiNumberSchema,
  priorMonthClosing: KpiNumberSchema,
  priorFiscalYearClosing: KpiNumberSchema,
});
/** See {@link BalanceRowSchema}. */
export type BalanceRow = z.infer<typeof BalanceRowSchema>;

/** Severity of a data-quality finding; `error` blocks the "final" board-pack gate. */
export const SeveritySchema = z.enum(['error', 'warning', 'info']);

/** Codes of the data-quality checks run with every report. */
export const DATA_QUALITY_CODES = [
  'unposted_entries',
  'missing_fx_rate',
  'unbalanced_entry',
  'unmapped_account',
  'stale_draft_invoice',
  'negative_stock',
  'intercompany_mismatch',
  'model_not_synced',
] as const;
/** Schema of a data-quality code. */
export const DataQualityCodeSchema = z.enum(DATA_QUALITY_CODES);

/** One data-quality finding (a check that found something). */
export const DataQualityFindingSchema = z.object({
  code: DataQualityCodeSchema,
  severity: SeveritySchema,
  /** Odoo company id, or null for group-level findings (e.g. FX rates). */
  companyId: z.number().int().nullable(),
  message: z.string(),
  count: z.number().int().min(0),
  /** Odoo model of the sample records (e.g. `account.move`). */
  model: z.string(),
  /** Up to 20 Odoo record ids, for drill-down. */
  sampleIds: z.array(z.number().int()),
});
/** See {@link DataQualityFindingSchema}. */
export type DataQualityFinding = z.infer<typeof DataQualityFindingSchema>;

/** A source model the sync skipped (e.g. no access) and the KPIs that therefore say "unavailable". */
export const AvailabilityNoteSchema = z.object({
  model: z.string(),
  reason: z.string(),
  kpis: z.array(KpiIdSchema),
});
/** See {@link AvailabilityNoteSchema}. */
export type AvailabilityNote = z.infer<typeof AvailabilityNoteSchema>;

/** Fiscal/period context of one company's figures. */
export const PeriodInfoSchema = z.object({
  month: MonthKeySchema,
  monthStart: DateKeySchema,
  monthEnd: DateKeySchema,
  quarterStart: DateKeySchema,
  fiscalYearStart: DateKeySchema,
  fiscalYearEnd: DateKeySchema,
  /** The 13 trend months, oldest first. */
  trendMonths: z.array(MonthKeySchema),
});
/** See {@link PeriodInfoSchema}. */
export type PeriodInfo = z.infer<typeof PeriodInfoSchema>;

/** Report for one Odoo company in its own (functional) currency. */
export const CompanyReportSchema = z.object({
  companyId: z.number().int(),
  name: z.string(),
  currency: CurrencyCodeSchema,
  /** IANA timezone used to cut datetimes into months. */
  timezone: z.string(),
  period: PeriodInfoSchema,
  kpis: KpiSetSchema,
  pnl: z.array(StatementRowSchema),
  balanceSheet: z.array(BalanceRowSchema),
});
/** See {@link CompanyReportSchema}. */
export type CompanyReport = z.infer<typeof CompanyReportSchema>;

/**
 * One FX rate used in translation: presentation-currency units per 1 unit of `from`
 * (the multiplier), as a decimal string to keep it exact. `null` = missing in the cache.
 */
export const FxRateUsedSchema = z.object({
  from: CurrencyCodeSchema,
  to: CurrencyCodeSchema,
  month: MonthKeySchema,
  kind: z.enum(['average', 'closing']),
  rate: z.string().nullable(),
});
/** See {@link FxRateUsedSchema}. */
export type FxRateUsed = z.infer<typeof FxRateUsedSchema>;

/**
 * Currency translation difference of one company at the report month-end, presentation minor units.
 * Identity: translatedNetAssets = translatedEquityAtHistorical + translatedRetainedEarnings + cta.
 */
export const CtaRowSchema = z.object({
  companyId: z.number().int(),
  currency: CurrencyCodeSchema,
  /** Net assets (assets − liabilities) in the company's currency at month-end. */
  netAssetsFunctional: z.number().int(),
  /** Net assets at the closing rate. */
  translatedNetAssets: z.number().int().nullable(),
  /** Contributed equity (equity accounts) at historical rates (monthly average of each movement). */
  translatedEquityAtHistorical: z.number().int().nullable(),
  /** Cumulative P&L, each month at its own average rate. */
  translatedRetainedEarnings: z.number().int().nullable(),
  /** Cumulative translation adjustment (the balancing figure). */
  cta: z.number().int().nullable(),
  /** CTA movement during the report month. */
  ctaMovementMonth: z.number().int().nullable(),
});
/** See {@link CtaRowSchema}. */
export type CtaRow = z.infer<typeof CtaRowSchema>;

/** One intercompany pair (seller → buyer) with both sides compared before elimination. */
export const IntercompanyPairSchema = z.object({
  sellerCompanyId: z.number().int(),
  buyerCompanyId: z.number().int(),
  /** Seller's revenue from the buyer in the month, presentation minor units. */
  sellerRevenue: z.number().int().nullable(),
  /** Buyer's cost booked from the seller in the month, presentation minor units. */
  buyerCost: z.number().int().nullable(),
  /** Seller's receivable on the buyer at month-end, presentation minor units. */
  sellerReceivable: z.number().int().nullable(),
  /** Buyer's payable to the seller at month-end, presentation minor units. */
  buyerPayable: z.number().int().nullable(),
  /** sellerRevenue − buyerCost. */
  revenueDifference: z.number().int().nullable(),
  /** sellerReceivable − buyerPayable. */
  balanceDifference: z.number().int().nullable(),
  status: z.enum(['matched', 'mismatch']),
  sampleMoveIds: z.array(z.number().int()),
});
/** See {@link IntercompanyPairSchema}. */
export type IntercompanyPair = z.infer<typeof IntercompanyPairSchema>;

/** Intercompany identification and what was eliminated in the consolidated view. */
export const IntercompanySchema = z.object({
  pairs: z.array(IntercompanyPairSchema),
  /** Revenue removed from consolidated net revenue for the month / YTD (presentation minor units). */
  eliminatedRevenueMonth: z.number().int(),
  eliminatedRevenueYtd: z.number().int(),
  /** Receivables removed from consolidated AR at month-end. */
  eliminatedReceivables: z.number().int(),
  /** Payables removed from consolidated AP at month-end. */
  eliminatedPayables: z.number().int(),
});
/** See {@link IntercompanySchema}. */
export type Intercompany = z.infer<typeof IntercompanySchema>;

/** One company's contribution to a consolidated figure, translated. */
export const ContributionSchema = z.object({
  companyId: z.number().int(),
  kpi: KpiIdSchema,
  month: KpiNumberSchema,
  ytd: KpiNumberSchema,
});
/** See {@link ContributionSchema}. */
export type Contribution = z.infer<typeof ContributionSchema>;

/** The consolidated group in the presentation currency. */
export const ConsolidatedReportSchema = z.object({
  currency: CurrencyCodeSchema,
  companyIds: z.array(z.number().int()),
  kpis: KpiSetSchema,
  pnl: z.array(StatementRowSchema),
  balanceSheet: z.array(BalanceRowSchema),
  /** Per company, per money KPI: the translated (pre-elimination) amounts that, with eliminations, sum to the group. */
  contributions: z.array(ContributionSchema),
  fxRates: z.array(FxRateUsedSchema),
  cta: z.array(CtaRowSchema),
  /** Sum of the companies' CTA (presentation minor units), null if a rate is missing. */
  ctaTotal: z.number().int().nullable(),
  intercompany: IntercompanySchema,
  /**
   * How the group budget was formed from the entity budgets: `intercompany_eliminated` when the budget
   * file names the companies' intercompany sales (taken off revenue and COGS like the actuals),
   * `entity_sum` when it does not (intercompany sales stay in the group budget). Absent without a budget.
   */
  budgetBasis: z.enum(['intercompany_eliminated', 'entity_sum']).optional(),
});
/** See {@link ConsolidatedReportSchema}. */
export type ConsolidatedReport = z.infer<typeof ConsolidatedReportSchema>;

/** Where a report's figures were read from (see {@link ReportResultSchema}'s `source`). */
export const ReportSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('live') }),
  z.object({ kind: z.literal('snapshot'), closedAt: z.string(), contentHash: z.string() }),
]);
/** See {@link ReportSourceSchema}. */
export type ReportSource = z.infer<typeof ReportSourceSchema>;

/** What `buildReport` returns and `boardpack report --json` prints. */
export const ReportResultSchema = z.object({
  /** Bumped on breaking changes of this model. */
  schemaVersion: z.literal(1),
  month: MonthKeySchema,
  generatedAt: z.string(),
  presentationCurrency: CurrencyCodeSchema,
  companies: z.array(CompanyReportSchema),
  consolidated: ConsolidatedReportSchema.nullable(),
  dataQuality: z.array(DataQualityFindingSchema),
  availability: z.array(AvailabilityNoteSchema),
  /**
   * Where the figures came from: a closed month's immutable snapshot (frozen at `closedAt`, ISO time)
   * or the live cache. Optional: set by the app's `reports.get`, absent from a bare computation.
   */
  source: ReportSourceSchema.optional(),
});
/** See {@link ReportResultSchema}. */
export type ReportResult = z.infer<typeof ReportResultSchema>;

/** Options of a report request (shared by the CLI, RPC and board-pack export). */
export const ReportRequestSchema = z.object({
  month: MonthKeySchema,
  /** Odoo company ids, or 'all'. */
  companies: z.union([z.array(z.number().int()), z.literal('all')]),
  /** Presentation currency of the consolidated view; defaults to the first company's currency. */
  currency: CurrencyCodeSchema.optional(),
  /** IANA timezone override for cutting datetimes (default: the company's/user's Odoo tz, else UTC). */
  tz: z.string().optional(),
  /** Draft invoices older than this many days are flagged (default 30). */
  staleDraftDays: z.number().int().min(0).optional(),
});
/** See {@link ReportRequestSchema}. */
export type ReportRequest = z.infer<typeof ReportRequestSchema>;

/** One record behind a figure (drill-down); amounts of the rows sum exactly to the figure. */
export const DrilldownRowSchema = z.object({
  model: z.string(),
  id: z.number().int(),
  label: z.string(),
  date: z.string().nullable(),
  partner: z.string().nullable(),
  /** Sales channel (the move's sales team, or "No channel") for revenue figures; null where channels do not apply. */
  channel: z.string().nullable(),
  /** Contribution to the figure, in the figure's unit (money minor units, or count). */
  amount: z.number(),
});
/** See {@link DrilldownRowSchema}. */
export type DrilldownRow = z.infer<typeof DrilldownRowSchema>;

/** Index into {@link DrilldownColumnsSchema} `strings`; -1 stands for null. */
const StringRefColumnSchema = z.array(z.number().int().min(-1));

/**
 * The drill-down rows as columns, one array per field (row i is element i of each), so 100,000 rows
 * cross the transport without repeating keys: repeating text fields (model, date, partner, channel)
 * are indexes into one table of distinct strings; labels, unique per record, are plain strings.
 * `channel` is present only for figures that have channels. Pack and unpack with
 * shared/reports/drilldown-columns.
 */
export const DrilldownColumnsSchema = z.object({
  strings: z.array(z.string()),
  model: StringRefColumnSchema,
  id: z.array(z.number().int()),
  label: z.array(z.string()),
  date: StringRefColumnSchema,
  partner: StringRefColumnSchema,
  channel: StringRefColumnSchema.optional(),
  amount: z.array(z.number()),
});
/** See {@link DrilldownColumnsSchema}. */
export type DrilldownColumns = z.infer<typeof DrilldownColumnsSchema>;

/** The drill-down of one figure. */
export const DrilldownSchema = z.object({
  companyId: z.number().int(),
  kpi: KpiIdSchema,
  /** Breakdown key when drilling a breakdown row (e.g. an aging bucket). */
  key: z.string().optional(),
  column: z.enum(['month', 'ytd']),
  unit: UnitSchema,
  total: z.number(),
  /** Number of rows (the length of every column). */
  count: z.number().int().min(0),
  columns: DrilldownColumnsSchema,
});
/** See {@link DrilldownSchema}. */
export type Drilldown = z.infer<typeof DrilldownSchema>;
