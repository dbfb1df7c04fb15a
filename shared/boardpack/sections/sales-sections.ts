import { pipelineByStageOption, revenueByChannelOption } from '../../charts';
import { chartAmount } from '../display-values';
import { formatAmount } from '../format';
import type { Block, TableColumn, TableRow } from '../model';
import { completeTable } from '../table-math';
import type { SectionContext } from './context';
import { breakdownTable, kpiTableWithNotes } from './kpi-tables';

function channelChart(context: SectionContext): Block[] {
  const channels = context.view.kpis.revenue_by_channel?.breakdown ?? [];
  if (channels.length === 0) return [];
  return [
    {
      type: 'chart',
      id: 'revenue-by-channel',
      title: `Net revenue by channel, month (${context.unitLabel})`,
      width: 900,
      height: 260,
      option: revenueByChannelOption(
        channels.map((row) => ({
          channel: row.label,
          actual: chartAmount(row.month, context.display.currencyDecimals, context.scale) ?? 0,
          valueText: formatAmount(row.month ?? 0, context.display),
        })),
        context.unitLabel,
      ),
    },
  ];
}

function channelTable(context: SectionContext): Block[] {
  const table = breakdownTable('channels', 'Net revenue by channel', context.unitLabel, context.view.kpis.revenue_by_channel, 'Total net revenue');
  return table ? [table] : [{ type: 'paragraph', text: 'Revenue by channel is not available for this month.', tone: 'muted' }];
}

function pipelineChart(context: SectionContext): Block[] {
  const stages = context.view.kpis.pipeline_weighted?.breakdown ?? [];
  // One bucket is not a distribution: the table already says it.
  if (stages.length < 2) return [];
  return [
    {
      type: 'chart',
      id: 'pipeline-by-stage',
      title: `Open pipeline by stage (${context.unitLabel})`,
      width: 900,
      height: 260,
      option: pipelineByStageOption(
        stages.map((row) => ({
          stage: row.label,
          weighted: chartAmount(row.month, context.display.currencyDecimals, context.scale) ?? 0,
          valueText: formatAmount(row.month ?? 0, context.display),
          ...(row.extra?.expected !== undefined && row.extra.expected !== null ? { expected: chartAmount(row.extra.expected, context.display.currencyDecimals, context.scale) ?? 0 } : {}),
        })),
        context.unitLabel,
      ),
    },
  ];
}

/** Board pack: sales and pipeline by channel; tables first so both fit one page, the chart after them. */
export function salesPipelineBlocks(context: SectionContext): Block[] {
  return [
    ...channelTable(context),
    ...kpiTableWithNotes('sales', 'Orders and pipeline', context.unitLabel, context.view, [
      'orders_count',
      'average_order_value',
      'pipeline_weighted',
      'pipeline_coverage',
      'win_rate',
      'top10_customer_share',
    ]),
    ...channelChart(context),
  ];
}

/** Sales pack: pipeline. */
export function pipelineBlocks(context: SectionContext): Block[] {
  return [...kpiTableWithNotes('pipeline', 'Pipeline', context.unitLabel, context.view, ['pipeline_weighted', 'pipeline_coverage', 'win_rate']), ...pipelineChart(context)];
}

/** Sales pack: channel sales. */
export function channelSalesBlocks(context: SectionContext): Block[] {
  return [
    ...channelTable(context),
    ...kpiTableWithNotes('orders', 'Orders', context.unitLabel, context.view, ['net_revenue', 'orders_count', 'average_order_value']),
    ...channelChart(context),
  ];
}

/**
 * Sales pack: the ten largest customers by net revenue over the last twelve months (names come from Odoo
 * partners: untrusted text), their total, all customers, and the concentration ratio as a formula.
 */
export function topCustomersBlocks(context: SectionContext): Block[] {
  const share = context.view.kpis.top10_customer_share;
  const revenue = context.view.kpis.net_revenue;
  const customers = (share?.breakdown ?? []).filter((row) => row.extra?.ltm !== undefined && row.extra.ltm !== null);
  const blocks: Block[] = [];
  if (customers.length > 0) {
    const columns: TableColumn[] = [{ kind: 'measure', key: 'ltm', label: 'Last 12 months' }];
    const details: TableRow[] = customers.map((row, index) => ({ key: `c${index + 1}`, label: row.label, kind: 'detail', unit: 'amount', values: { ltm: row.extra?.ltm ?? null } }));
    const rows: TableRow[] = [
      ...details,
      { key: 'top', label: `Top ${customers.length} customers`, kind: 'subtotal', unit: 'amount', values: {}, sumOf: details.map((row) => ({ row: row.key, sign: 1 })) },
      { key: 'all', label: 'All customers (net revenue)', kind: 'detail', unit: 'amount', values: { ltm: revenue?.ltm ?? null } },
      { key: 'share', label: 'Share of the top customers', kind: 'ratio', unit: 'percent', values: {}, ratioOf: { numerator: 'top', denominator: 'all' } },
    ];
    blocks.push({ type: 'table', id: 'customers', title: 'Top customers by net revenue, last 12 months', unitLabel: context.unitLabel, labelHeader: 'Customer', columns, rows: completeTable(columns, rows) });
  } else {
    blocks.push({ type: 'paragraph', text: 'Customer revenue is not available for this month.', tone: 'muted' });
  }
  blocks.push(...kpiTableWithNotes('concentration', 'Customer concentration', context.unitLabel, context.view, ['top10_customer_share']));
  return blocks;
}
