import { pipelineByStageOption, revenueByChannelOption } from '../../charts';
import { chartAmount } from '../display-values';
import type { Block } from '../model';
import type { SectionContext } from './context';
import { breakdownTable, kpiTable } from './kpi-tables';

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
        channels.map((row) => ({ channel: row.label, actual: chartAmount(row.month, context.display.currencyDecimals, context.scale) ?? 0 })),
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
  if (stages.length === 0) return [];
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
          expected: chartAmount(row.extra?.expected ?? row.month, context.display.currencyDecimals, context.scale) ?? 0,
        })),
        context.unitLabel,
      ),
    },
  ];
}

/** Board pack: sales and pipeline by channel. */
export function salesPipelineBlocks(context: SectionContext): Block[] {
  return [
    ...channelTable(context),
    ...channelChart(context),
    kpiTable('sales', 'Orders and pipeline', context.unitLabel, context.view, [
      'orders_count',
      'average_order_value',
      'pipeline_weighted',
      'pipeline_coverage',
      'win_rate',
      'top10_customer_share',
    ]),
  ];
}

/** Sales pack: pipeline. */
export function pipelineBlocks(context: SectionContext): Block[] {
  return [kpiTable('pipeline', 'Pipeline', context.unitLabel, context.view, ['pipeline_weighted', 'pipeline_coverage', 'win_rate']), ...pipelineChart(context)];
}

/** Sales pack: channel sales. */
export function channelSalesBlocks(context: SectionContext): Block[] {
  return [
    ...channelTable(context),
    ...channelChart(context),
    kpiTable('orders', 'Orders', context.unitLabel, context.view, ['net_revenue', 'orders_count', 'average_order_value']),
  ];
}

/** Sales pack: top customers (names come from Odoo partners: untrusted text). */
export function topCustomersBlocks(context: SectionContext): Block[] {
  const table = breakdownTable('customers', 'Top customers by net revenue', context.unitLabel, context.view.kpis.top10_customer_share, 'Top customers total');
  return [
    ...(table ? [table] : [{ type: 'paragraph' as const, text: 'Customer revenue is not available for this month.', tone: 'muted' as const }]),
    kpiTable('concentration', 'Customer concentration', context.unitLabel, context.view, ['top10_customer_share']),
  ];
}
