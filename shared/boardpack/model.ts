import type { EChartsOption } from 'echarts';
import type { KpiStatus } from '../reports/types';

/**
 * The neutral board-pack document: one model, rendered by the Excel and PDF exporters and previewed by the UI,
 * so the three can never disagree. Plain data (JSON-serialisable), no behaviour.
 *
 * Number conventions inside the model:
 * - `amount` figures are integer minor units of the document currency (cents for EUR), exact;
 * - `percent` figures are fractions (0.123 = 12.3 %), `points` are percentage points (1.2 = +1.2 pp);
 * - `days`, `months`, `count` and `multiple` (2.5 = 2.5x) figures are plain numbers;
 * - `null` means "not available" (no budget, ratio over zero): rendered blank in tables and "n/a" on tiles.
 */

/** The two pack templates: the full board pack and the stripped-down sales managers' pack. */
export type TemplateId = 'board' | 'sales';

/** A pack stays a draft (watermarked) until it passes the final gate. */
export type PackStatus = 'draft' | 'final';

/** Every section a template can contain, in no particular order (templates fix the order). */
export type SectionId =
  | 'cover'
  | 'contents'
  | 'executive-summary'
  | 'pnl'
  | 'balance-sheet'
  | 'cash'
  | 'receivables'
  | 'sales-pipeline'
  | 'inventory'
  | 'reconciliation'
  | 'data-quality'
  | 'appendix'
  | 'pipeline'
  | 'channel-sales'
  | 'top-customers';

/** What a figure measures; decides its display format in both renderers. */
export type ValueUnit = 'amount' | 'percent' | 'points' | 'days' | 'months' | 'count' | 'multiple';

/** Display scaling for amounts: full units, thousands or millions (one decimal). */
export type AmountScale = 'units' | 'k' | 'm';

/** A figure of the pack; see the module comment for units. */
export type Figure = number | null;

/** Which direction is good for a KPI: decides the Better/(Worse) colouring of changes. */
export type GoodDirection = 'higher' | 'lower' | 'neutral';

/** One headline KPI on the executive summary. Changes are absolute differences in the KPI's own unit. */
export interface KpiTile {
  /** Stable id, also used for the Excel named range `KPI_<id>`. */
  id: string;
  label: string;
  unit: ValueUnit;
  /** The engine's status of the KPI: anything but `ok` comes with a `note` saying why in plain words. */
  status: KpiStatus;
  /** Why the value is missing or partial ("No customer-satisfaction survey imported"); shown instead of "n/a". */
  note?: string;
  /** Unit stated next to amount values ("EUR k"); empty for other units, which carry their own sign (%, d, x). */
  unitLabel: string;
  value: Figure;
  /** Value of the prior month (the "prior period"). */
  prior: Figure;
  /** Budget for the month; null when no budget is loaded. */
  budget: Figure;
  /** Why there is no budget figure ("no budget imported", "not budgeted"); absent when `budget` is set. */
  budgetNote?: string;
  /** value - prior (null when either is missing). */
  changeVsPrior: Figure;
  /** value - budget (null when either is missing). */
  changeVsBudget: Figure;
  good: GoodDirection;
  /** The 13-month trend, oldest first, ending with the reported month (null for a month without data). */
  sparkline: Figure[];
  sparklineLabels: string[];
  /** Short explanation of the definition, shown under the tile and in the glossary. */
  definition: string;
}

/** Comparison columns of a table. `measure` columns hold data; the others are formulas over two measure columns. */
export type TableColumn =
  | { kind: 'text'; key: string; label: string; group?: string; /** Right-aligned text holding figures (exact FX rates). */ align?: 'right' }
  | { kind: 'measure'; key: string; label: string; group?: string }
  | { kind: 'variance'; key: string; label: string; group?: string; a: string; b: string }
  | { kind: 'variancePct'; key: string; label: string; group?: string; a: string; b: string };

/** A row's role: detail rows carry data, subtotals and totals are sums of other rows, ratios divide two rows. */
export type RowKind = 'heading' | 'detail' | 'subtotal' | 'total' | 'ratio';

/** One term of a subtotal: a row above, added or subtracted. */
export interface SumTerm {
  row: string;
  sign: 1 | -1;
}

/** One table row. `values` holds every numeric column (measures and computed ones) so renderers never recompute. */
export interface TableRow {
  key: string;
  label: string;
  kind: RowKind;
  unit: ValueUnit;
  /** Figures by column key (measure, variance and variancePct columns). */
  values: Record<string, Figure>;
  /** Text cells by column key; text may come from outside (partner names) and is treated as untrusted. */
  texts?: Record<string, string>;
  /** subtotal/total: the rows (by key) whose signed sum this row is (gross margin = revenue - COGS). */
  sumOf?: SumTerm[];
  /** Which direction is favourable; variances are Better/(Worse): positive always means favourable. */
  good?: 'higher' | 'lower';
  /** ratio: numerator / denominator rows (by key). */
  ratioOf?: { numerator: string; denominator: string };
  /** Visual indentation level (0 = flush). */
  indent?: number;
  /** Overrides the table's amount scale for this row (average order value in full units inside a EUR k table). */
  scale?: AmountScale;
}

/** A table block with its comparison columns; `unitLabel` is stated in the header ("EUR k"). */
export interface TableBlock {
  type: 'table';
  /** Unique within the document; keys the Data sheet rows in Excel. */
  id: string;
  title: string;
  unitLabel: string;
  /** Header of the label column (defaults to the unit label, e.g. "EUR k"). */
  labelHeader?: string;
  /** Overrides the document's amount scale (e.g. reconciliation differences in full units). */
  scale?: AmountScale;
  columns: TableColumn[];
  rows: TableRow[];
  /** Footnote markers that apply to this table. */
  footnoteRefs?: string[];
}

/** A chart: an ECharts option from shared/charts, rendered by the UI, to SVG for the PDF and PNG for Excel. */
export interface ChartBlock {
  type: 'chart';
  id: string;
  title: string;
  option: EChartsOption;
  /** Intended size in CSS pixels (the renderers scale it). */
  width: number;
  height: number;
}

/** The six (or more) KPI tiles of the executive summary. */
export interface KpiTilesBlock {
  type: 'kpis';
  tiles: KpiTile[];
}

/** Commentary written by the finance lead for a section and month. */
export interface CommentaryBlock {
  type: 'commentary';
  text: string;
  author?: string;
  updatedAt?: string;
}

/** A plain paragraph generated by the builder (e.g. "No open exceptions."). */
export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
  tone?: 'normal' | 'muted' | 'warning';
}

export type Block = TableBlock | ChartBlock | KpiTilesBlock | CommentaryBlock | ParagraphBlock;

/** One section of the pack, in template order. Disabled sections stay in the model but are not rendered. */
export interface Section {
  id: SectionId;
  title: string;
  enabled: boolean;
  blocks: Block[];
}

/** A footnote: FX method and rates, DSO method, data freshness, rounding. */
export interface Footnote {
  marker: string;
  text: string;
}

/** Who marked the pack final, when, and the waiver text if data-quality checks did not pass. */
export interface FinalMark {
  by: string;
  at: string;
  waiver?: string;
}

/** The whole pack. */
export interface BoardPackDocument {
  schemaVersion: 1;
  template: TemplateId;
  status: PackStatus;
  title: string;
  /** "Northwind Group (consolidated)" or a company name. */
  entityLabel: string;
  companyIds: number[];
  period: {
    /** YYYY-MM */
    month: string;
    /** "Month ended 31 March 2026" */
    label: string;
    /** Short labels for the last 12 months, oldest first ("Apr 25" ... "Mar 26"). */
    trailingLabels: string[];
  };
  currency: string;
  /** Minor-unit digits of the currency (2 for EUR, 0 for JPY). */
  currencyDecimals: number;
  scale: AmountScale;
  version: string;
  snapshot: {
    /** ISO timestamp of the snapshot; also the document date of both files (determinism). */
    createdAt: string;
    /** Content hash of the snapshot (hex). */
    hash: string;
  };
  /** Per-source data cut-off shown on the cover ("Odoo: 2026-04-02 06:00 UTC"). */
  dataCutoff: string[];
  preparedBy?: string;
  final?: FinalMark;
  sections: Section[];
  footnotes: Footnote[];
}
