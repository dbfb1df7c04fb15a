import { agingOption, revenueTrendOption } from '../../charts';
import type { Kpi } from '../../reports/types';
import { chartAmount } from '../display-values';
import { formatAmount } from '../format';
import type { Block } from '../model';
import { budgetsOf } from '../report-view';
import { balanceSheetTable, pnlTable } from './statements';
import type { SectionContext } from './context';
import { agingTable } from './aging-table';
import { kpiTableWithNotes } from './kpi-tables';

function trendChart(context: SectionContext, id: string, title: string, kpi: Kpi | undefined, seriesIsAmount = true): Block[] {
  if (!kpi) return [];
  const values = kpi.trend.map((point) => (seriesIsAmount ? chartAmount(point.value, context.display.currencyDecimals, context.scale) : point.value));
  return [{ type: 'chart', id, title, width: 900, height: 280, option: revenueTrendOption({ labels: context.trendLabels, actual: values, unitLabel: seriesIsAmount ? context.unitLabel : '' }) }];
}

function missing(text: string): Block {
  return { type: 'paragraph', text, tone: 'muted' };
}

/** P&L: the statement with month and YTD against prior year. */
export function pnlBlocks(context: SectionContext): Block[] {
  if (context.view.pnl.length === 0) return [missing('No P&L lines for this month: the ledger has no posted entries in the period.')];
  return [pnlTable(context.view.pnl, context.unitLabel, budgetsOf(context.view))];
}

/** Balance-sheet summary: month-end against prior month-end and prior fiscal year-end. */
export function balanceSheetBlocks(context: SectionContext): Block[] {
  if (context.view.balanceSheet.length === 0) return [missing('No balance-sheet lines for this month.')];
  return [balanceSheetTable(context.view.balanceSheet, context.unitLabel)];
}

/** Cash: cash, receivables and payables with their comparisons, and the month-end cash trend. */
export function cashBlocks(context: SectionContext): Block[] {
  return [
    ...kpiTableWithNotes('cash', 'Cash and working capital', context.unitLabel, context.view, ['cash', 'ar_total', 'ap_total', 'dso_days', 'dpo_days']),
    ...trendChart(context, 'cash-trend', `Cash at month-end, last 13 months (${context.unitLabel})`, context.view.kpis.cash),
  ];
}

/** Receivables: ageing buckets as of month-end, DSO, and the ageing chart. */
export function receivablesBlocks(context: SectionContext): Block[] {
  const aging = context.view.kpis.ar_aging;
  const blocks: Block[] = [];
  const table = agingTable(context);
  if (table) blocks.push({ ...table, footnoteRefs: ['d'] });
  else blocks.push(missing(`Receivables ageing is not available for this month${aging?.note ? `: ${aging.note}` : '.'}`));
  blocks.push(...kpiTableWithNotes('receivables', 'Receivables and DSO', context.unitLabel, context.view, ['ar_total', 'dso_days']));
  if (aging?.breakdown && aging.breakdown.length > 0) {
    blocks.push({
      type: 'chart',
      id: 'aging',
      title: `Receivables by age (${context.unitLabel})`,
      width: 900,
      height: 260,
      option: agingOption(
        aging.breakdown.map((row) => ({
          label: row.label,
          amount: chartAmount(row.month, context.display.currencyDecimals, context.scale) ?? 0,
          valueText: formatAmount(row.month ?? 0, context.display),
        })),
        context.unitLabel,
      ),
    });
  }
  return blocks;
}

/** Inventory: value and days of supply with the value trend. */
export function inventoryBlocks(context: SectionContext): Block[] {
  return [
    ...kpiTableWithNotes('inventory', 'Inventory', context.unitLabel, context.view, ['inventory_value', 'inventory_days_of_supply']),
    ...trendChart(context, 'inventory-trend', `Inventory value, last 13 months (${context.unitLabel})`, context.view.kpis.inventory_value),
  ];
}
