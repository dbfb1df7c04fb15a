import type { Block, TableColumn, TableRow } from '../model';
import { amountUnitLabel } from '../format';
import { completeTable } from '../table-math';
import type { SectionContext } from './context';

const RECON_COLUMNS: TableColumn[] = [
  { kind: 'text', key: 'currency', label: 'Currency' },
  { kind: 'measure', key: 'shop_count', label: 'Shop orders' },
  { kind: 'measure', key: 'matched', label: 'Matched' },
  { kind: 'measure', key: 'exceptions', label: 'Exceptions' },
  { kind: 'measure', key: 'shop_total', label: 'Shop total' },
  { kind: 'measure', key: 'odoo_total', label: 'Odoo total' },
  { kind: 'variance', key: 'difference', label: 'Difference', a: 'odoo_total', b: 'shop_total' },
];

/**
 * E-commerce reconciliation summary per channel and the open exceptions. Counts and amounts share a row, so the
 * count columns are typed per cell through separate rows-per-unit tables: one for counts, one for amounts.
 */
export function reconciliationBlocks(context: SectionContext): Block[] {
  const recon = context.reconciliation;
  if (!recon || (recon.channels.length === 0 && recon.exceptions.length === 0)) {
    return [{ type: 'paragraph', text: 'No e-commerce exports were reconciled for this month.', tone: 'muted' }];
  }
  if (recon.channels.length === 0) return [exceptionsTable(context)];
  const countColumns = RECON_COLUMNS.filter((column) => ['currency', 'shop_count', 'matched', 'exceptions'].includes(column.key));
  const amountColumns = RECON_COLUMNS.filter((column) => ['currency', 'shop_total', 'odoo_total', 'difference'].includes(column.key));
  const countRows: TableRow[] = recon.channels.map((channel, index) => ({
    key: `c${index + 1}`,
    label: channel.channel,
    kind: 'detail',
    unit: 'count',
    texts: { currency: channel.currency },
    values: { shop_count: channel.shopCount, matched: channel.matchedCount, exceptions: channel.exceptionCount },
  }));
  const amountRows: TableRow[] = recon.channels.map((channel, index) => ({
    key: `a${index + 1}`,
    label: channel.channel,
    kind: 'detail',
    unit: 'amount',
    texts: { currency: channel.currency },
    values: { shop_total: channel.shopTotal, odoo_total: channel.odooTotal },
  }));
  const blocks: Block[] = [
    { type: 'table', id: 'recon_counts', title: 'Orders matched per channel', unitLabel: 'count', labelHeader: 'Channel', columns: countColumns, rows: completeTable(countColumns, countRows) },
    {
      type: 'table',
      id: 'recon_amounts',
      title: 'Shop against Odoo per channel',
      unitLabel: amountUnitLabel('channel currency', 'units'),
      labelHeader: 'Channel',
      scale: 'units',
      columns: amountColumns,
      rows: completeTable(amountColumns, amountRows),
    },
  ];
  blocks.push(exceptionsTable(context));
  return blocks;
}

function exceptionsTable(context: SectionContext): Block {
  const exceptions = context.reconciliation?.exceptions ?? [];
  if (exceptions.length === 0) return { type: 'paragraph', text: 'No open reconciliation exceptions.' };
  const columns: TableColumn[] = [
    { kind: 'text', key: 'reference', label: 'Reference' },
    { kind: 'text', key: 'category', label: 'Issue' },
    { kind: 'text', key: 'description', label: 'Detail' },
    { kind: 'text', key: 'currency', label: 'Currency' },
    { kind: 'measure', key: 'amount', label: 'Amount' },
  ];
  const rows: TableRow[] = exceptions.map((exception, index) => ({
    key: `x${index + 1}`,
    label: exception.channel,
    kind: 'detail',
    unit: 'amount',
    texts: { reference: exception.reference, category: exception.category, description: exception.description, currency: exception.currency },
    values: { amount: exception.amount },
  }));
  return { type: 'table', id: 'recon_exceptions', title: `Open exceptions (${exceptions.length})`, unitLabel: 'channel currency', labelHeader: 'Channel', scale: 'units', columns, rows: completeTable(columns, rows) };
}

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
      label: finding.code.replace(/_/g, ' '),
      kind: 'detail',
      unit: 'count',
      texts: { severity: finding.severity, company: finding.companyId === null ? 'Group' : (names.get(finding.companyId) ?? String(finding.companyId)), message: finding.message },
      values: { count: finding.count },
    }));
    blocks.push({ type: 'table', id: 'dq', title: 'Data-quality findings', unitLabel: 'records', labelHeader: 'Check', columns, rows: completeTable(columns, rows) });
  }
  for (const note of context.report.availability) {
    blocks.push({ type: 'paragraph', tone: 'warning', text: `${note.model} was not available (${note.reason}); affected: ${note.kpis.join(', ')}.` });
  }
  return blocks;
}

/** Appendix: FX rates used, the CTA per company, and the methodology notes. */
export function appendixBlocks(context: SectionContext): Block[] {
  const blocks: Block[] = [];
  const group = context.report.consolidated;
  if (context.view.consolidated && group && group.fxRates.length > 0) {
    const columns: TableColumn[] = [
      { kind: 'text', key: 'month', label: 'Month' },
      { kind: 'text', key: 'kind', label: 'Rate type' },
      { kind: 'text', key: 'rate', label: 'Rate' },
    ];
    const sorted = [...group.fxRates].sort((a, b) => a.from.localeCompare(b.from) || a.month.localeCompare(b.month) || a.kind.localeCompare(b.kind));
    const rows: TableRow[] = sorted.map((rate, index) => ({
      key: `fx${index + 1}`,
      label: `${rate.from}/${rate.to}`,
      kind: 'detail',
      unit: 'count',
      texts: { month: rate.month, kind: rate.kind, rate: rate.rate ?? 'missing' },
      values: {},
    }));
    blocks.push({ type: 'table', id: 'fx', title: 'FX rates used (presentation currency per unit)', unitLabel: 'rate', labelHeader: 'Currency pair', columns, rows: completeTable(columns, rows), footnoteRefs: ['a'] });
    const ctaColumns: TableColumn[] = [
      { kind: 'text', key: 'currency', label: 'Currency' },
      { kind: 'measure', key: 'net_assets', label: 'Net assets (translated)' },
      { kind: 'measure', key: 'cta', label: 'CTA' },
      { kind: 'measure', key: 'cta_month', label: 'CTA movement, month' },
    ];
    const names = new Map(context.report.companies.map((company) => [company.companyId, company.name]));
    const ctaDetails: TableRow[] = group.cta.map((row) => ({
      key: `cta${row.companyId}`,
      label: names.get(row.companyId) ?? String(row.companyId),
      kind: 'detail',
      unit: 'amount',
      texts: { currency: row.currency },
      values: { net_assets: row.translatedNetAssets, cta: row.cta, cta_month: row.ctaMovementMonth },
    }));
    const ctaRows: TableRow[] = [...ctaDetails, { key: 'cta_total', label: 'Group', kind: 'total', unit: 'amount', values: {}, sumOf: ctaDetails.map((row) => ({ row: row.key, sign: 1 })) }];
    blocks.push({ type: 'table', id: 'cta', title: 'Currency translation reserve (CTA)', unitLabel: context.unitLabel, columns: ctaColumns, rows: completeTable(ctaColumns, ctaRows) });
  }
  blocks.push({
    type: 'paragraph',
    text:
      'Methodology. Figures come from posted journal items in the month snapshot. P&L measures cover the calendar month in each ' +
      "company's time zone; balances are as of month-end. Year to date runs from the fiscal year start. Ratios are recomputed from sums, never averaged.",
  });
  return blocks;
}
