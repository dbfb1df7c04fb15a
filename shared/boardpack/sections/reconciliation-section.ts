import type { Block, TableColumn, TableRow } from '../model';
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

const CHANNEL_NAMES: Record<string, string> = { shopify: 'Shopify', woocommerce: 'WooCommerce', marketplace: 'Marketplace', stripe: 'Stripe', amazon: 'Amazon', paypal: 'PayPal', odoo: 'Odoo' };

/** The printed name of a channel id ("woocommerce" -> "WooCommerce"); unknown ids are capitalised. */
export function channelName(channel: string): string {
  return CHANNEL_NAMES[channel.toLowerCase()] ?? (channel.length > 0 ? channel[0]?.toUpperCase() + channel.slice(1) : channel);
}

/** "refund not booked" -> "Refund not booked". */
function sentenceCase(text: string): string {
  return text.length > 0 ? `${text[0]?.toUpperCase()}${text.slice(1)}` : text;
}

/**
 * E-commerce reconciliation summary per channel and the open exceptions. Counts and amounts share a row, so the
 * count columns are typed per cell through separate rows-per-unit tables: one for counts, one for amounts.
 * Amounts stay in each channel's own currency (stated per row), in full units.
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
    label: channelName(channel.channel),
    kind: 'detail',
    unit: 'count',
    texts: { currency: channel.currency },
    values: { shop_count: channel.shopCount, matched: channel.matchedCount, exceptions: channel.exceptionCount },
  }));
  const amountRows: TableRow[] = recon.channels.map((channel, index) => ({
    key: `a${index + 1}`,
    label: channelName(channel.channel),
    kind: 'detail',
    unit: 'amount',
    texts: { currency: channel.currency },
    values: { shop_total: channel.shopTotal, odoo_total: channel.odooTotal },
  }));
  return [
    { type: 'table', id: 'recon_counts', title: 'Orders matched per channel', unitLabel: 'orders', labelHeader: 'Channel', columns: countColumns, rows: completeTable(countColumns, countRows) },
    {
      type: 'table',
      id: 'recon_amounts',
      title: 'Shop against Odoo per channel',
      unitLabel: 'channel currency',
      labelHeader: 'Channel',
      scale: 'units',
      columns: amountColumns,
      rows: completeTable(amountColumns, amountRows),
    },
    exceptionsTable(context),
  ];
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
    label: channelName(exception.channel),
    kind: 'detail',
    unit: 'amount',
    texts: { reference: exception.reference, category: sentenceCase(exception.category), description: exception.description, currency: exception.currency },
    values: { amount: exception.amount },
  }));
  return {
    type: 'table',
    id: 'recon_exceptions',
    title: `Open exceptions (${exceptions.length})`,
    unitLabel: 'channel currency',
    labelHeader: 'Channel',
    scale: 'units',
    columns,
    rows: completeTable(columns, rows),
  };
}
