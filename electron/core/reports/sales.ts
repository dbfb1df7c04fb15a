import Decimal from 'decimal.js';
import { roundHalfAwayFromZero } from '../../../shared/money/money';
import { monthEnd, monthStart, type MonthKey } from '../../../shared/period/period';
import { localMonthCutter, utcBoundsOfDates } from '../../../shared/period/timezone';
import type { CompanyInfo, ReadonlyDb } from './context';

/** Channel key of journal items / orders without a sales team. */
export const NO_CHANNEL = { key: 'unassigned', label: 'No channel' } as const;

/** A channel (crm.team) as it appears in breakdowns. */
export interface Channel {
  key: string;
  label: string;
}

/** The channel of a sales team (none: "No channel"); the revenue breakdown and the drill-down name channels alike. */
export function channelOf(teamId: number | null, teamName: string | null): Channel {
  return teamId === null ? NO_CHANNEL : { key: `team:${teamId}`, label: teamName ?? `Team ${teamId}` };
}

/** Revenue (income-account journal items, credit-positive) by month, channel and customer. */
export interface RevenueDetail {
  channels: ReadonlyMap<string, Channel>;
  /** Revenue of a channel in a month. */
  byChannel(month: MonthKey, channelKey: string): number;
  /** Revenue by commercial partner over a set of months (for concentration). */
  byCustomer(months: readonly MonthKey[]): Map<number, { name: string; amount: number }>;
  /** Revenue whose customer is one of `partnerIds` (intercompany), in a month. */
  toPartners(month: MonthKey, partnerIds: ReadonlySet<number>): number;
}

/**
 * Loads revenue-account lines grouped by month, the invoice's sales team (the channel) and the
 * commercial partner (contacts of one company count as one customer).
 */
export function loadRevenueDetail(db: ReadonlyDb, company: CompanyInfo, fromMonth: MonthKey, toMonth: MonthKey): RevenueDetail {
  const revenueAccounts = [...company.accounts.values()].filter((a) => a.pnl === 'revenue').map((a) => a.id);
  const rows = db
    .prepare<[number, number, string, string, string], RevenueRow>(
      // Lines are summed per (month, move, partner) before the joins: a move's many revenue lines
      // then cost one lookup of the move and its partner instead of one per line.
      `SELECT g.month, m.team_id AS teamId, m.team_name AS teamName,
              COALESCE(m.commercial_partner_id, p.commercial_partner_id, g.partner_id) AS partnerId,
              COALESCE(m.commercial_partner_name, p.commercial_partner_name, g.partner_name) AS partnerName,
              -SUM(g.balance) AS amount
         FROM (SELECT sync_company_id, substr(date, 1, 7) AS month, move_id, partner_id, MAX(partner_name) AS partner_name, SUM(balance) AS balance
                 FROM odoo_move_line
                WHERE sync_company_id = ? AND company_id = ? AND parent_state = 'posted' AND date BETWEEN ? AND ?
                  AND account_id IN (SELECT value FROM json_each(?))
                GROUP BY month, move_id, partner_id) g
         LEFT JOIN odoo_move m ON m.sync_company_id = g.sync_company_id AND m.id = g.move_id
         LEFT JOIN odoo_partner p ON p.sync_company_id = g.sync_company_id AND p.id = g.partner_id
        GROUP BY month, teamId, partnerId`,
    )
    .all(company.id, company.id, monthStart(fromMonth), monthEnd(toMonth), JSON.stringify(revenueAccounts));
  const channels = new Map<string, Channel>();
  const channelMonth = new Map<string, number>();
  // Per month: revenue by commercial partner, so customer and intercompany lookups touch one month's rows.
  const customersByMonth = new Map<MonthKey, Map<number, { name: string; amount: number }>>();
  for (const row of rows) {
    const channel = channelOf(row.teamId, row.teamName);
    channels.set(channel.key, channel);
    const key = `${row.month}|${channel.key}`;
    channelMonth.set(key, (channelMonth.get(key) ?? 0) + row.amount);
    if (row.partnerId === null) continue;
    let customers = customersByMonth.get(row.month);
    if (!customers) {
      customers = new Map();
      customersByMonth.set(row.month, customers);
    }
    const entry = customers.get(row.partnerId);
    if (entry) entry.amount += row.amount;
    else customers.set(row.partnerId, { name: row.partnerName ?? `Partner ${row.partnerId}`, amount: row.amount });
  }
  return {
    channels,
    byChannel: (month, key) => channelMonth.get(`${month}|${key}`) ?? 0,
    byCustomer(months) {
      const result = new Map<number, { name: string; amount: number }>();
      for (const month of new Set(months)) {
        for (const [partnerId, entry] of customersByMonth.get(month) ?? []) {
          const total = result.get(partnerId);
          if (total) total.amount += entry.amount;
          else result.set(partnerId, { name: entry.name, amount: entry.amount });
        }
      }
      return result;
    },
    toPartners(month, partnerIds) {
      const customers = customersByMonth.get(month);
      let total = 0;
      if (customers) for (const id of partnerIds) total += customers.get(id)?.amount ?? 0;
      return total;
    },
  };
}

interface RevenueRow {
  month: MonthKey;
  teamId: number | null;
  teamName: string | null;
  partnerId: number | null;
  partnerName: string | null;
  amount: number;
}

/** Confirmed sale orders by company-local month and channel. */
export interface OrderStats {
  channels: ReadonlyMap<string, Channel>;
  count(month: MonthKey, channelKey?: string): number;
  /** Σ amount_untaxed converted to company currency (minor units). */
  amount(month: MonthKey, channelKey?: string): number;
}

/**
 * Loads confirmed orders (state 'sale'; 17+ has no 'done') whose UTC `date_order` falls in the
 * company-local months `fromMonth`..`toMonth`. Foreign-currency orders are converted with the rate
 * stored on the order (`currency_rate` = order currency per 1 company currency).
 */
export function loadOrderStats(db: ReadonlyDb, company: CompanyInfo, fromMonth: MonthKey, toMonth: MonthKey): OrderStats {
  const bounds = utcBoundsOfDates(monthStart(fromMonth), monthEnd(toMonth), company.timezone);
  const rows = db
    .prepare<[number, number, string, string], OrderRow>(
      `SELECT date_order AS dateOrder, team_id AS teamId, team_name AS teamName, amount_untaxed AS amount,
              currency_name AS currency, currency_rate AS rate
         FROM odoo_sale_order
        WHERE sync_company_id = ? AND company_id = ? AND state = 'sale' AND date_order >= ? AND date_order < ?`,
    )
    .all(company.id, company.id, bounds.start, bounds.end);
  const monthOf = localMonthCutter(fromMonth, toMonth, company.timezone);
  const channels = new Map<string, Channel>();
  const counts = new Map<string, number>();
  const amounts = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string, by: number): void => {
    map.set(key, (map.get(key) ?? 0) + by);
  };
  for (const row of rows) {
    const month = monthOf(row.dateOrder);
    if (month === null) continue;
    const channel = channelOf(row.teamId, row.teamName);
    channels.set(channel.key, channel);
    const amount = row.amount ?? 0;
    const converted =
      row.currency === null || row.currency === company.currency || !row.rate
        ? amount
        : roundHalfAwayFromZero(new Decimal(amount).dividedBy(new Decimal(String(row.rate))));
    for (const key of [`${month}|*`, `${month}|${channel.key}`]) {
      bump(counts, key, 1);
      bump(amounts, key, converted);
    }
  }
  return {
    channels,
    count: (month, key = '*') => counts.get(`${month}|${key}`) ?? 0,
    amount: (month, key = '*') => amounts.get(`${month}|${key}`) ?? 0,
  };
}

interface OrderRow {
  dateOrder: string;
  teamId: number | null;
  teamName: string | null;
  amount: number | null;
  currency: string | null;
  rate: number | null;
}
