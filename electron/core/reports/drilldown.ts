import { AppError } from '../../../shared/rpc/errors';
import { monthEnd, monthStart, type MonthKey } from '../../../shared/period/period';
import { localMonthOf, utcBoundsOfDates } from '../../../shared/period/timezone';
import { packDrilldownRows } from '../../../shared/reports/drilldown-columns';
import type { Drilldown, DrilldownRow, KpiId } from '../../../shared/reports/types';
import type { BsClass, PnlCategory } from './classification';
import { type CompanyInfo, type ReadonlyDb } from './context';
import { openItemsAsOf } from './receivables';
import { channelOf, NO_CHANNEL } from './sales';

/** What to drill into. `column: 'ytd'` covers the fiscal YTD months given in `months`. */
export interface DrilldownRequest {
  kpi: KpiId;
  /** Months of the column (one month, or the YTD months). */
  months: readonly MonthKey[];
  column: 'month' | 'ytd';
  /** Breakdown key: an aging bucket for ar_aging, a channel key (`team:3`, `unassigned`) for revenue_by_channel/orders_count. */
  key?: string;
}

const FLOW_KPIS: Partial<Record<KpiId, { cats: PnlCategory[]; sign: 1 | -1 }>> = {
  net_revenue: { cats: ['revenue'], sign: -1 },
  revenue_by_channel: { cats: ['revenue'], sign: -1 },
  cogs: { cats: ['cogs'], sign: 1 },
  opex: { cats: ['opex'], sign: 1 },
};
const BALANCE_KPIS: Partial<Record<KpiId, { cls: BsClass; sign: 1 | -1 }>> = {
  cash: { cls: 'cash', sign: 1 },
  ar_total: { cls: 'receivables', sign: 1 },
  ap_total: { cls: 'payables', sign: -1 },
  inventory_value: { cls: 'inventory', sign: 1 },
};

interface LineRow {
  id: number;
  moveName: string | null;
  name: string | null;
  date: string;
  partner: string | null;
  balance: number;
  teamId: number | null;
  teamName: string | null;
}

/**
 * Journal items of the accounts in [from, to]. `withChannel` joins the move for its sales team (the
 * channel); a receivables list of 100,000 items then reads the journal items alone. `teamKey` keeps
 * one channel (`team:3`, `unassigned`).
 */
function lineRows(db: ReadonlyDb, company: CompanyInfo, accountIds: number[], from: string | null, to: string, sign: 1 | -1, withChannel: boolean, teamKey?: string): DrilldownRow[] {
  const team = withChannel
    ? { columns: 'm.team_id AS teamId, m.team_name AS teamName', join: 'LEFT JOIN odoo_move m ON m.sync_company_id = l.sync_company_id AND m.id = l.move_id' }
    : { columns: 'NULL AS teamId, NULL AS teamName', join: '' };
  const rows = db
    .prepare<[number, number, string, string, string], LineRow>(
      `SELECT l.id, l.move_name AS moveName, l.name, l.date, l.partner_name AS partner, l.balance, ${team.columns}
         FROM odoo_move_line l ${team.join}
        WHERE l.sync_company_id = ? AND l.company_id = ? AND l.parent_state = 'posted' AND l.date BETWEEN ? AND ?
          AND l.account_id IN (SELECT value FROM json_each(?)) ORDER BY l.date, l.id`,
    )
    .all(company.id, company.id, from ?? '0000-00-00', to, JSON.stringify(accountIds));
  const kept = teamKey === undefined ? rows : rows.filter((r) => (teamKey === NO_CHANNEL.key ? r.teamId === null : `team:${r.teamId}` === teamKey));
  return kept.map((r) => ({
      model: 'account.move.line', id: r.id, label: [r.moveName, r.name].filter(Boolean).join(' · '), date: r.date, partner: r.partner,
      channel: withChannel ? channelOf(r.teamId, r.teamName).label : null, amount: sign * r.balance,
    }));
}

/**
 * Lists the records behind one figure of a company, in the figure's unit, such that the amounts
 * sum exactly to the figure (journal items for GL figures, open items for aging, orders for counts),
 * packed into columns for the transport. Revenue figures and order counts carry each record's channel.
 */
export function drilldown(db: ReadonlyDb, company: CompanyInfo, request: DrilldownRequest): Drilldown {
  const first = request.months[0];
  const last = request.months[request.months.length - 1];
  if (first === undefined || last === undefined) throw new AppError('validation', 'Drill-down needs at least one month.');
  const money = { kind: 'money' as const, currency: company.currency };
  let rows: DrilldownRow[];
  let unit: Drilldown['unit'] = money;
  let withChannel = false;
  const flow = FLOW_KPIS[request.kpi];
  const balance = BALANCE_KPIS[request.kpi];
  if (flow) {
    const ids = [...company.accounts.values()].filter((a) => a.pnl !== null && flow.cats.includes(a.pnl)).map((a) => a.id);
    withChannel = flow.cats.includes('revenue');
    rows = lineRows(db, company, ids, monthStart(first), monthEnd(last), flow.sign, withChannel, request.kpi === 'revenue_by_channel' ? request.key : undefined);
  } else if (balance) {
    const ids = [...company.accounts.values()].filter((a) => a.bs === balance.cls).map((a) => a.id);
    rows = lineRows(db, company, ids, null, monthEnd(last), balance.sign, false);
  } else if (request.kpi === 'ar_aging') {
    rows = openItemsAsOf(db, company.id, 'asset_receivable', monthEnd(last))
      .items.filter((i) => request.key === undefined || i.bucket === request.key)
      .map((i) => ({ model: 'account.move.line', id: i.lineId, label: i.moveName, date: i.dueDate, partner: i.partnerName, channel: null, amount: i.residual }));
  } else if (request.kpi === 'orders_count') {
    unit = { kind: 'count' };
    withChannel = true;
    const bounds = utcBoundsOfDates(monthStart(first), monthEnd(last), company.timezone);
    const orders = db
      .prepare<[number, number, string, string], { id: number; name: string; dateOrder: string; partner: string | null; teamId: number | null; teamName: string | null }>(
        `SELECT id, name, date_order AS dateOrder, partner_name AS partner, team_id AS teamId, team_name AS teamName FROM odoo_sale_order
          WHERE sync_company_id = ? AND company_id = ? AND state = 'sale' AND date_order >= ? AND date_order < ? ORDER BY date_order, id`,
      )
      .all(company.id, company.id, bounds.start, bounds.end);
    const wanted = new Set(request.months);
    rows = orders
      .filter((o) => wanted.has(localMonthOf(o.dateOrder, company.timezone)))
      .filter((o) => request.key === undefined || (request.key === 'unassigned' ? o.teamId === null : `team:${o.teamId}` === request.key))
      .map((o) => ({ model: 'sale.order', id: o.id, label: o.name, date: o.dateOrder, partner: o.partner, channel: channelOf(o.teamId, o.teamName).label, amount: 1 }));
  } else {
    throw new AppError('validation', `Drill-down is not available for ${request.kpi}.`, {
      hint: 'Drill into net_revenue, revenue_by_channel, cogs, opex, cash, ar_total, ar_aging, ap_total, inventory_value or orders_count.',
    });
  }
  const total = rows.reduce((s, r) => s + r.amount, 0);
  return { companyId: company.id, kpi: request.kpi, key: request.key, column: request.column, unit, total, count: rows.length, columns: packDrilldownRows(rows, withChannel) };
}
