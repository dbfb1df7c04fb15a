import { KpiIdSchema, type KpiId, type ReportResult } from '../reports/types';
import { amountUnitLabel, type AmountDisplay } from './format';
import type { AmountScale, Block, BoardPackDocument, FinalMark, Footnote, PackStatus, Section, SectionId, TemplateId } from './model';
import { longMonthLabel, monthEndedLabel, shortMonthLabel } from './period-labels';
import type { ReconciliationSummaryInput } from './reconciliation-input';
import { budgetsOf, selectView, type PackScope } from './report-view';
import type { SectionContext } from './sections/context';
import { executiveSummaryBlocks } from './sections/executive-summary';
import { balanceSheetBlocks, cashBlocks, inventoryBlocks, pnlBlocks, receivablesBlocks } from './sections/finance-sections';
import { appendixBlocks } from './sections/appendix-section';
import { dataQualityBlocks } from './sections/data-quality-section';
import { reconciliationBlocks } from './sections/reconciliation-section';
import { channelSalesBlocks, pipelineBlocks, salesPipelineBlocks, topCustomersBlocks } from './sections/sales-sections';
import { sectionSpec, TEMPLATE_SECTIONS, templateTitle } from './templates';

/** Commentary written for a section of the month. */
export interface SectionCommentary {
  text: string;
  author?: string;
  updatedAt?: string;
}

/** Options of {@link buildBoardPack}. */
export interface BuildBoardPackOptions {
  template: TemplateId;
  scope: PackScope;
  /** Sections switched off (true = on, the default). */
  sections?: Partial<Record<SectionId, boolean>>;
  commentary?: Partial<Record<SectionId, SectionCommentary>>;
  status: PackStatus;
  final?: FinalMark;
  snapshot: { createdAt: string; hash: string };
  scale?: AmountScale;
  version?: string;
  preparedBy?: string;
  dataCutoff?: string[];
  reconciliation?: ReconciliationSummaryInput;
  budget?: Partial<Record<KpiId, number>>;
}

const CURRENCY_DECIMALS: Record<string, number> = { JPY: 0, KRW: 0, CLP: 0, ISK: 0, HUF: 2, BHD: 3, KWD: 3, OMR: 3, TND: 3, JOD: 3 };

/** Minor-unit digits of an ISO currency (2 unless listed). */
export function currencyDecimals(currency: string): number {
  return CURRENCY_DECIMALS[currency] ?? 2;
}

function monthBudgets(view: ReturnType<typeof selectView>): Partial<Record<KpiId, number>> {
  const result: Partial<Record<KpiId, number>> = {};
  for (const [key, budget] of Object.entries(budgetsOf(view))) {
    const parsed = KpiIdSchema.safeParse(key);
    if (parsed.success && budget?.month !== null && budget?.month !== undefined) result[parsed.data] = budget.month;
  }
  return result;
}

type SectionBuilder = (context: SectionContext) => Block[];

const BUILDERS: Partial<Record<SectionId, SectionBuilder>> = {
  'executive-summary': executiveSummaryBlocks,
  pnl: pnlBlocks,
  'balance-sheet': balanceSheetBlocks,
  cash: cashBlocks,
  receivables: receivablesBlocks,
  'sales-pipeline': salesPipelineBlocks,
  inventory: inventoryBlocks,
  reconciliation: reconciliationBlocks,
  'data-quality': dataQualityBlocks,
  appendix: appendixBlocks,
  pipeline: pipelineBlocks,
  'channel-sales': channelSalesBlocks,
  'top-customers': topCustomersBlocks,
};

/** Sections that show receivables or DSO: only packs containing one carry the DSO method note. */
const RECEIVABLES_SECTIONS: ReadonlySet<SectionId> = new Set(['executive-summary', 'cash', 'receivables']);

/**
 * The pack's footnotes. Only notes about what the template shows: the sales managers' pack gets no cash or
 * receivables detail, and that includes the DSO method note.
 */
function footnotes(context: SectionContext, snapshot: { createdAt: string; hash: string }, sectionIds: readonly SectionId[]): Footnote[] {
  const notes: Footnote[] = [];
  if (context.view.consolidated) {
    notes.push({
      marker: 'a',
      text: sectionIds.includes('balance-sheet')
        ? `Consolidated in ${context.view.currency}: P&L at monthly average rates, balance sheet at month-end closing rates, ` +
          'contributed equity at historical rates; the difference is the currency translation reserve (CTA). Rates: appendix.'
        : `Consolidated in ${context.view.currency}: each company's revenue and orders translated at the monthly average rates from Odoo.`,
    });
  }
  if (sectionIds.some((id) => RECEIVABLES_SECTIONS.has(id))) {
    notes.push({ marker: 'd', text: 'DSO, simple method: receivables at month-end / credit sales incl. VAT of the month x days in the month. Ageing by days past due as of month-end.' });
  }
  const budgetBasis = context.view.consolidated ? context.report.consolidated?.budgetBasis : undefined;
  const groupBudget =
    budgetBasis === 'intercompany_eliminated'
      ? ' The group budget is the translated sum of the entity budgets less their budgeted intercompany sales, eliminated from revenue and cost of sales like the actuals.'
      : budgetBasis === 'entity_sum'
        ? ' The group budget is the translated sum of the entity budgets; intercompany sales are not eliminated from it (the budget file names none).'
        : '';
  notes.push({ marker: 'v', text: `Variances are shown Better/(Worse): a positive variance is always favourable (lower costs, higher revenue).${groupBudget}` });
  notes.push({ marker: 'r', text: `Amounts in ${context.unitLabel}; totals are computed on unrounded figures and may not add due to rounding.` });
  notes.push({ marker: 's', text: `Data as of ${snapshot.createdAt} (data hash ${snapshot.hash.slice(0, 16)}; a closed month carries its snapshot content hash).` });
  return notes;
}

/**
 * Builds the board-pack document from a report: picks the scope (group or company), fills every section of the
 * template in order, attaches the commentary, and states methods and freshness in footnotes. Pure: the same
 * report and options always give the same document.
 */
export function buildBoardPack(report: ReportResult, options: BuildBoardPackOptions): BoardPackDocument {
  const view = selectView(report, options.scope);
  const scale = options.scale ?? 'k';
  const display: AmountDisplay = { scale, currencyDecimals: currencyDecimals(view.currency) };
  const context: SectionContext = {
    report,
    view,
    display,
    scale,
    unitLabel: amountUnitLabel(view.currency, scale),
    trendLabels: view.trendMonths.map(shortMonthLabel),
    ...(options.reconciliation ? { reconciliation: options.reconciliation } : {}),
    budget: options.budget ?? monthBudgets(view),
  };
  const sections: Section[] = TEMPLATE_SECTIONS[options.template].map((id) => {
    const spec = sectionSpec(id);
    const blocks = BUILDERS[id]?.(context) ?? [];
    const commentary = options.commentary?.[id];
    if (commentary && commentary.text.trim() !== '') {
      blocks.push({ type: 'commentary', text: commentary.text, ...(commentary.author ? { author: commentary.author } : {}), ...(commentary.updatedAt ? { updatedAt: commentary.updatedAt } : {}) });
    }
    return { id, title: spec.title, enabled: options.sections?.[id] ?? true, blocks };
  });
  return {
    schemaVersion: 1,
    template: options.template,
    status: options.status,
    title: `${templateTitle(options.template)} \u2013 ${longMonthLabel(report.month)}`,
    entityLabel: view.entityLabel,
    companyIds: view.companyIds,
    period: { month: report.month, label: monthEndedLabel(report.month), trailingLabels: context.trendLabels.slice(-12) },
    currency: view.currency,
    currencyDecimals: display.currencyDecimals,
    scale,
    version: options.version ?? 'v1',
    snapshot: options.snapshot,
    dataCutoff: options.dataCutoff ?? [],
    ...(options.preparedBy ? { preparedBy: options.preparedBy } : {}),
    ...(options.final ? { final: options.final } : {}),
    sections,
    footnotes: footnotes(context, options.snapshot, TEMPLATE_SECTIONS[options.template]),
  };
}
