import type { SectionId, TemplateId } from './model';

/** A section slot of a template: its id and the title printed in the pack. */
export interface SectionSpec {
  id: SectionId;
  title: string;
  /** Excel sheet name (≤ 31 characters, none of []:*?/\). */
  sheetName: string;
}

const SPECS: Record<SectionId, SectionSpec> = {
  cover: { id: 'cover', title: 'Cover', sheetName: 'Cover' },
  contents: { id: 'contents', title: 'Contents', sheetName: 'Contents' },
  'executive-summary': { id: 'executive-summary', title: 'Executive summary', sheetName: 'Summary' },
  pnl: { id: 'pnl', title: 'Profit and loss', sheetName: 'P&L' },
  'balance-sheet': { id: 'balance-sheet', title: 'Balance sheet summary', sheetName: 'Balance sheet' },
  cash: { id: 'cash', title: 'Cash', sheetName: 'Cash' },
  receivables: { id: 'receivables', title: 'Receivables ageing', sheetName: 'Receivables' },
  'sales-pipeline': { id: 'sales-pipeline', title: 'Sales and pipeline by channel', sheetName: 'Sales' },
  inventory: { id: 'inventory', title: 'Inventory', sheetName: 'Inventory' },
  reconciliation: { id: 'reconciliation', title: 'E-commerce reconciliation', sheetName: 'Reconciliation' },
  'data-quality': { id: 'data-quality', title: 'Data-quality notes', sheetName: 'Data quality' },
  appendix: { id: 'appendix', title: 'Appendix: FX rates and methodology', sheetName: 'Appendix' },
  pipeline: { id: 'pipeline', title: 'Pipeline', sheetName: 'Pipeline' },
  'channel-sales': { id: 'channel-sales', title: 'Sales by channel', sheetName: 'Channel sales' },
  'top-customers': { id: 'top-customers', title: 'Top customers', sheetName: 'Top customers' },
};

/**
 * Section order per template, following the board-pack reference (§4): the board pack runs from the executive
 * summary through the statements to data quality and the appendix; the sales managers' pack has no cash or
 * receivables detail.
 */
export const TEMPLATE_SECTIONS: Record<TemplateId, readonly SectionId[]> = {
  board: [
    'cover',
    'contents',
    'executive-summary',
    'pnl',
    'balance-sheet',
    'cash',
    'receivables',
    'sales-pipeline',
    'inventory',
    'reconciliation',
    'data-quality',
    'appendix',
  ],
  sales: ['cover', 'contents', 'pipeline', 'channel-sales', 'top-customers'],
};

/** Title and sheet name of a section. */
export function sectionSpec(id: SectionId): SectionSpec {
  return SPECS[id];
}

/** Human name of a template, printed on the cover. */
export function templateTitle(template: TemplateId): string {
  return template === 'board' ? 'Board pack' : 'Sales managers pack';
}
