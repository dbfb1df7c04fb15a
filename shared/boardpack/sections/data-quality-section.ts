import type { Block, TableColumn, TableRow } from '../model';
import { completeTable } from '../table-math';
import type { SectionContext } from './context';

const CHECK_NAMES: Record<string, string> = {
  missing_fx_rate: 'Missing FX rate',
  unposted_entries: 'Unposted entries',
  unbalanced_entry: 'Unbalanced entry',
  unmapped_account: 'Unmapped account',
  stale_draft_invoice: 'Old draft invoices',
  negative_stock: 'Negative stock',
  intercompany_mismatch: 'Intercompany mismatch',
  model_not_synced: 'Data not synced',
};

const SEVERITY_NAMES = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

/** Data-quality findings and source availability notes. */
export function dataQualityBlocks(context: SectionContext): Block[] {
  const relevant = context.report.dataQuality.filter((finding) => finding.companyId === null || context.view.companyIds.includes(finding.companyId));
  const blocks: Block[] = [];
  if (relevant.length === 0) {
    blocks.push({ type: 'paragraph', text: 'All data-quality checks passed for this month.' });
  } else {
    const columns: TableColumn[] = [
      { kind: 'text', key: 'severity', label: 'Severity' },
      { kind: 'text', key: 'company', label: 'Company' },
      { kind: 'text', key: 'message', label: 'Finding' },
      { kind: 'measure', key: 'count', label: 'Records' },
    ];
    const names = new Map(context.report.companies.map((company) => [company.companyId, company.name]));
    const order = { error: 0, warning: 1, info: 2 } as const;
    const sorted = [...relevant].sort((a, b) => order[a.severity] - order[b.severity] || a.code.localeCompare(b.code) || (a.companyId ?? 0) - (b.companyId ?? 0));
    const rows: TableRow[] = sorted.map((finding, index) => ({
      key: `f${index + 1}`,
      label: CHECK_NAMES[finding.code] ?? finding.code.replace(/_/g, ' '),
      kind: 'detail',
      unit: 'count',
      texts: { severity: SEVERITY_NAMES[finding.severity], company: finding.companyId === null ? 'Group' : (names.get(finding.companyId) ?? String(finding.companyId)), message: finding.message },
      values: { count: finding.count },
    }));
    blocks.push({ type: 'table', id: 'dq', title: 'Data-quality findings', unitLabel: 'records', labelHeader: 'Check', columns, rows: completeTable(columns, rows) });
  }
  for (const note of context.report.availability) {
    blocks.push({ type: 'paragraph', tone: 'warning', text: `${note.model} was not available (${note.reason}); affected: ${note.kpis.join(', ')}.` });
  }
  return blocks;
}
