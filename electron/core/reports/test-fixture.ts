import type Database from 'better-sqlite3';

/**
 * A tiny two-company group written straight into a real cache file (all migrations applied), with
 * hand-computable figures: an EUR parent (id 1, FY = calendar) and a GBP subsidiary (id 2, FY ends
 * March), one intercompany sale, a payment matched after month-end, a 23:30 order on the last day.
 */
export function seedTwoCompanyGroup(db: Database.Database): void {
  const insert = (table: string, rows: Record<string, unknown>[]): void => {
    for (const row of rows) {
      const cols = Object.keys(row);
      db.prepare(`INSERT INTO ${table} (${cols.join(',')}) VALUES (${cols.map((c) => `@${c}`).join(',')})`).run(row);
    }
  };
  const both = (f: (c: number) => Record<string, unknown>[]): Record<string, unknown>[] => [...f(1), ...f(2)];
  insert('sync_source', [{ id: 1, url: 'http://127.0.0.1', db: 'fixture', connected_at: '2025-05-01 00:00:00', user_tz: 'Europe/Berlin' }]);
  insert('odoo_company', both((s) => [
    { sync_company_id: s, id: 1, name: 'EU GmbH', currency_id: 126, currency_name: 'EUR', partner_id: 101, fiscalyear_last_month: 12 },
    { sync_company_id: s, id: 2, name: 'UK Ltd', currency_id: 147, currency_name: 'GBP', partner_id: 102, fiscalyear_last_month: 3 },
  ]));
  insert('odoo_currency', both((s) => [
    { sync_company_id: s, id: 126, name: 'EUR', decimal_places: 2 },
    { sync_company_id: s, id: 147, name: 'GBP', decimal_places: 2 },
    { sync_company_id: s, id: 1, name: 'USD', decimal_places: 2 },
  ]));
  // Company 1's table: GBP per 1 EUR. 0.8 until 15 March, 0.9 from 16 March.
  insert('odoo_currency_rate', [
    { sync_company_id: 1, id: 1, name: '2024-01-01', currency_id: 147, currency_name: 'GBP', company_id: 1, rate: 0.8 },
    { sync_company_id: 1, id: 2, name: '2025-03-16', currency_id: 147, currency_name: 'GBP', company_id: 1, rate: 0.9 },
    { sync_company_id: 2, id: 3, name: '2024-01-01', currency_id: 126, currency_name: 'EUR', company_id: 2, rate: 1.25 },
  ]);
  const chart = (c: number, base: number): Record<string, unknown>[] =>
    [
      ['101401', 'Bank', 'asset_cash'],
      ['121000', 'Receivable', 'asset_receivable'],
      ['110100', 'Stock Valuation', 'asset_current'],
      ['211000', 'Payable', 'liability_payable'],
      ['400000', 'Sales', 'income'],
      ['500000', 'COGS', 'expense_direct_cost'],
      ['600000', 'Opex', 'expense'],
      ['301000', 'Capital', 'equity'],
      ['441000', 'FX gain', 'income_other'],
    ].map(([code, name, type], i) => ({ sync_company_id: c, id: base + i, code, name, account_type: type, active: 1 }));
  insert('odoo_account', [...chart(1, 1), ...chart(2, 11)]);
  insert('odoo_partner', both((s) => [
    { sync_company_id: s, id: 101, name: 'EU GmbH', commercial_partner_id: 101, is_company: 1 },
    { sync_company_id: s, id: 102, name: 'UK Ltd', commercial_partner_id: 102, is_company: 1 },
    { sync_company_id: s, id: 201, name: 'Acme AG', commercial_partner_id: 201, is_company: 1 },
    { sync_company_id: s, id: 211, name: 'Jane at Acme', commercial_partner_id: 201, parent_id: 201, is_company: 0 },
    { sync_company_id: s, id: 202, name: 'Brit Co', commercial_partner_id: 202, is_company: 1 },
  ]));

  const moves: Record<string, unknown>[] = [];
  const lines: Record<string, unknown>[] = [];
  let lineId = 1;
  const move = (
    c: number,
    id: number,
    date: string,
    type: string,
    state: string,
    partner: number | null,
    team: [number, string] | null,
    items: [account: number, balance: number, extra?: Record<string, unknown>][],
    total = 0,
  ): void => {
    moves.push({
      sync_company_id: c, id, name: `M${id}`, date, state, move_type: type, company_id: c, partner_id: partner, commercial_partner_id: partner === 211 ? 201 : partner,
      invoice_date: type === 'entry' ? null : date, team_id: team?.[0] ?? null, team_name: team?.[1] ?? null, amount_total_signed: total,
      // No taxes in this fixture: the untaxed total equals the total.
      amount_untaxed_signed: type === 'entry' ? 0 : total,
    });
    for (const [account, balance, extra] of items) {
      lines.push({
        sync_company_id: c, id: lineId++, move_id: id, move_name: `M${id}`, date, parent_state: state, company_id: c, account_id: account,
        partner_id: partner, balance, debit: Math.max(balance, 0), credit: Math.max(-balance, 0), ...extra,
      });
    }
  };
  // Company 1 (EUR): accounts 1 bank, 2 AR, 3 stock, 4 AP, 5 sales, 6 COGS, 7 opex, 8 capital.
  move(1, 1, '2025-01-10', 'entry', 'posted', null, null, [[1, 10_000_000], [8, -10_000_000]]);
  move(1, 2, '2025-02-01', 'entry', 'posted', null, null, [[3, 20_000], [1, -20_000]]);
  move(1, 3, '2025-03-05', 'out_invoice', 'posted', 211, [1, 'Direct Sales'], [[2, 10_000, { date_maturity: '2025-03-20' }], [5, -10_000]], 10_000);
  move(1, 4, '2025-03-10', 'out_invoice', 'posted', 102, null, [[2, 5_000, { date_maturity: '2025-04-09' }], [5, -5_000]], 5_000);
  move(1, 5, '2025-03-12', 'entry', 'posted', null, null, [[6, 4_000, { display_type: 'cogs' }], [3, -4_000, { display_type: 'cogs' }]]);
  move(1, 6, '2025-03-25', 'entry', 'posted', 201, null, [[1, 6_000], [2, -6_000, { date_maturity: '2025-03-25' }]]);
  move(1, 7, '2025-04-05', 'entry', 'posted', 201, null, [[1, 4_000], [2, -4_000, { date_maturity: '2025-04-05' }]]);
  move(1, 8, '2025-03-20', 'in_invoice', 'posted', null, null, [[7, 3_000], [4, -3_000, { date_maturity: '2025-04-19' }]], -3_000);
  move(1, 9, '2025-03-15', 'entry', 'draft', null, null, [[7, 999], [1, -999]]);
  move(1, 10, '2024-03-10', 'out_invoice', 'posted', 201, [1, 'Direct Sales'], [[2, 7_000, { date_maturity: '2024-04-09' }], [5, -7_000]], 7_000);
  move(1, 11, '2024-04-01', 'entry', 'posted', 201, null, [[1, 7_000], [2, -7_000]]);
  // Company 2 (GBP): accounts 11 bank, 12 AR, 13 stock, 14 AP, 15 sales, 16 COGS, 17 opex, 18 capital.
  move(2, 51, '2025-01-05', 'entry', 'posted', null, null, [[11, 50_000], [18, -50_000]]);
  move(2, 52, '2025-03-10', 'in_invoice', 'posted', 101, null, [[16, 4_500], [14, -4_500, { date_maturity: '2025-04-10' }]], -4_500);
  move(2, 53, '2025-03-15', 'out_invoice', 'posted', 202, [2, 'Web Shop'], [[12, 20_000, { date_maturity: '2025-04-14' }], [15, -20_000]], 20_000);
  insert('odoo_move', moves);
  insert('odoo_move_line', lines);
  const lineOf = (moveId: number, account: number): number => Number(lines.find((l) => l.move_id === moveId && l.account_id === account)?.id);
  insert('odoo_partial_reconcile', [
    { sync_company_id: 1, id: 1, debit_move_id: lineOf(3, 2), credit_move_id: lineOf(6, 2), amount: 6_000, max_date: '2025-03-25', company_id: 1 },
    { sync_company_id: 1, id: 2, debit_move_id: lineOf(3, 2), credit_move_id: lineOf(7, 2), amount: 4_000, max_date: '2025-04-05', company_id: 1 },
    { sync_company_id: 1, id: 3, debit_move_id: lineOf(10, 2), credit_move_id: lineOf(11, 2), amount: 7_000, max_date: '2024-04-01', company_id: 1 },
  ]);
  insert('odoo_sale_order', [
    // 23:30 in Berlin (UTC+2 since 30 March) on 31 March: still March locally.
    { sync_company_id: 1, id: 1, name: 'S1', state: 'sale', date_order: '2025-03-31 21:30:00', company_id: 1, team_id: 1, team_name: 'Direct Sales', currency_name: 'EUR', currency_rate: 1, amount_untaxed: 10_000 },
    // 00:30 on 1 April in Berlin: April locally although 31 March in UTC.
    { sync_company_id: 1, id: 2, name: 'S2', state: 'sale', date_order: '2025-03-31 22:30:00', company_id: 1, team_id: 1, team_name: 'Direct Sales', currency_name: 'EUR', currency_rate: 1, amount_untaxed: 5_000 },
    { sync_company_id: 1, id: 3, name: 'S3', state: 'cancel', date_order: '2025-03-10 10:00:00', company_id: 1, team_id: 1, team_name: 'Direct Sales', currency_name: 'EUR', currency_rate: 1, amount_untaxed: 999 },
    // A USD order converted with its stored rate (USD per 1 EUR).
    { sync_company_id: 1, id: 4, name: 'S4', state: 'sale', date_order: '2025-03-20 10:00:00', company_id: 1, team_id: 2, team_name: 'Web Shop', currency_name: 'USD', currency_rate: 1.25, amount_untaxed: 12_500 },
  ]);
  insert('odoo_stage', both((s) => [
    { sync_company_id: s, id: 1, name: 'New', is_won: 0 },
    { sync_company_id: s, id: 4, name: 'Won', is_won: 1 },
  ]));
  insert('odoo_lead', [
    { sync_company_id: 1, id: 1, type: 'opportunity', stage_id: 1, probability: 50, expected_revenue: 10_000, prorated_revenue: 5_000, company_id: 1, date_deadline: '2025-06-30', active: 1 },
    { sync_company_id: 1, id: 2, type: 'opportunity', stage_id: 4, probability: 100, expected_revenue: 3_000, prorated_revenue: 3_000, company_id: 1, date_closed: '2025-03-10 09:00:00', active: 1, won_status: 'won' },
    { sync_company_id: 1, id: 3, type: 'opportunity', stage_id: 1, probability: 0, expected_revenue: 8_000, prorated_revenue: 0, company_id: 1, date_closed: '2025-03-15 09:00:00', active: 0, won_status: 'lost' },
  ]);
}
