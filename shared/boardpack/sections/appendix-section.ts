import type { FxRateUsed } from '../../reports/types';
import type { Block, TableBlock, TableColumn, TableRow } from '../model';
import { shortMonthLabel } from '../period-labels';
import { completeTable } from '../table-math';
import type { SectionContext } from './context';

const RATE_DECIMALS = 6;

/** A decimal rate string shown with six decimals ("1.190139291451" -> "1.190139"); null is a missing rate. */
export function displayRate(rate: string | null): string {
  if (rate === null) return 'missing';
  const value = Number(rate);
  return Number.isFinite(value) ? value.toFixed(RATE_DECIMALS) : rate;
}

/**
 * The FX rates the translation used, one row per month and one column per currency pair and rate type
 * (average for the P&L, closing for the balance sheet), instead of one long row per rate.
 */
function fxTable(rates: readonly FxRateUsed[]): TableBlock {
  const pairs = [...new Set(rates.map((rate) => `${rate.from}/${rate.to}`))].sort();
  const columns: TableColumn[] = pairs.flatMap((pair): TableColumn[] => [
    { kind: 'text', key: `${pair}:average`, label: 'Average', group: pair, align: 'right' },
    { kind: 'text', key: `${pair}:closing`, label: 'Closing', group: pair, align: 'right' },
  ]);
  const months = [...new Set(rates.map((rate) => rate.month))].sort();
  const rows: TableRow[] = months.map((month) => {
    const texts: Record<string, string> = {};
    for (const rate of rates) if (rate.month === month) texts[`${rate.from}/${rate.to}:${rate.kind}`] = displayRate(rate.rate);
    return { key: `m${month.replace('-', '')}`, label: shortMonthLabel(month), kind: 'detail', unit: 'count', texts, values: {} };
  });
  return {
    type: 'table',
    id: 'fx',
    title: `FX rates used (${rates[0]?.to ?? ''} per unit of currency)`,
    unitLabel: 'rate',
    labelHeader: 'Month',
    columns,
    rows: completeTable(columns, rows),
    footnoteRefs: ['a'],
  };
}

/** Appendix: FX rates used, the CTA per company, and the methodology notes. */
export function appendixBlocks(context: SectionContext): Block[] {
  const blocks: Block[] = [];
  const group = context.report.consolidated;
  if (context.view.consolidated && group && group.fxRates.length > 0) {
    blocks.push(fxTable(group.fxRates));
    blocks.push({ type: 'paragraph', tone: 'muted', text: `Rates shown rounded to ${RATE_DECIMALS} decimals; translation uses the full rate from Odoo. A blank cell is a rate type the month did not need.` });
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
