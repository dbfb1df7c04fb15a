// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { generateInMemory, cents } from './test-support';
import type { SimRecord } from './types';

const g = generateInMemory();
const table = (model: string): SimRecord[] => g.models.get(model) ?? [];
const key = g.answerKey;
const accountType = new Map(table('account.account').map((a) => [a.id, a.account_type as string]));
const accountCode = new Map(table('account.account').map((a) => [a.id, a.code as string]));
const posted = table('account.move.line').filter((l) => l.parent_state === 'posted');
const lastDayOf = (month: string): string => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

function sumWhere(companyId: number, pred: (l: SimRecord) => boolean): number {
  let total = 0;
  for (const l of posted) if (l.company_id === companyId && pred(l)) total += cents(l.balance);
  return total;
}

describe('answer key equals sums over the generated records (independent recomputation)', () => {
  it('covers every company and 24 months ending with the end month', () => {
    expect(key.companies.map((c) => c.currency)).toEqual(['EUR', 'GBP']);
    for (const c of key.companies) {
      expect(c.months).toHaveLength(24);
      expect(c.months[23]!.month).toBe(key.end_month);
    }
  });

  it('P&L figures per company and month', () => {
    for (const company of key.companies) {
      for (const m of company.months) {
        const inMonth = (l: SimRecord, type: string): boolean => (l.date as string).startsWith(m.month) && accountType.get(l.account_id as number) === type;
        expect(m.net_revenue, `${company.name} ${m.month} revenue`).toBe(-sumWhere(company.id, (l) => inMonth(l, 'income')));
        expect(m.cogs).toBe(sumWhere(company.id, (l) => inMonth(l, 'expense_direct_cost')));
        expect(m.opex).toBe(sumWhere(company.id, (l) => inMonth(l, 'expense')));
        expect(m.depreciation).toBe(sumWhere(company.id, (l) => inMonth(l, 'expense_depreciation')));
        expect(m.other_income).toBe(-sumWhere(company.id, (l) => inMonth(l, 'income_other')));
        expect(m.other_expense).toBe(sumWhere(company.id, (l) => inMonth(l, 'expense_other')));
        expect(m.gross_margin).toBe(m.net_revenue - m.cogs);
        expect(m.ebitda).toBe(m.net_revenue - m.cogs - m.opex);
        expect(m.intercompany_sales).toBe(-sumWhere(company.id, (l) => (l.date as string).startsWith(m.month) && accountCode.get(l.account_id as number) === '400200'));
        expect(m.net_revenue).toBeGreaterThan(0);
      }
    }
  });

  it('balance-sheet figures as of each month-end', () => {
    for (const company of key.companies) {
      for (const m of company.months) {
        const end = lastDayOf(m.month);
        const upTo = (l: SimRecord, type: string): boolean => (l.date as string) <= end && accountType.get(l.account_id as number) === type;
        expect(m.cash, `${company.name} ${m.month} cash`).toBe(sumWhere(company.id, (l) => upTo(l, 'asset_cash')));
        expect(m.ar_total).toBe(sumWhere(company.id, (l) => upTo(l, 'asset_receivable')));
        expect(m.ap_total).toBe(-sumWhere(company.id, (l) => upTo(l, 'liability_payable')));
        expect(m.inventory_value).toBe(sumWhere(company.id, (l) => (l.date as string) <= end && accountCode.get(l.account_id as number) === '110100'));
        expect(m.cash).toBeGreaterThan(0);
        expect(m.inventory_value).toBeGreaterThan(0);
      }
    }
  });

  it('AR ageing as of month-end rebuilt from partial reconciliations dated ≤ month-end, by due date', () => {
    const partials = table('account.partial.reconcile');
    for (const company of key.companies) {
      const receivables = posted.filter((l) => l.company_id === company.id && accountType.get(l.account_id as number) === 'asset_receivable');
      for (const m of company.months) {
        const end = lastDayOf(m.month);
        const matched = new Map<number, number>();
        for (const p of partials) {
          if ((p.max_date as string) > end || p.company_id !== company.id) continue;
          matched.set(p.debit_move_id as number, (matched.get(p.debit_move_id as number) ?? 0) - cents(p.amount));
          matched.set(p.credit_move_id as number, (matched.get(p.credit_move_id as number) ?? 0) + cents(p.amount));
        }
        const buckets = { current: 0, d1_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0 };
        for (const l of receivables) {
          if ((l.date as string) > end) continue;
          const residual = cents(l.balance) + (matched.get(l.id) ?? 0);
          if (residual === 0) continue;
          const due = (l.date_maturity || l.date) as string;
          const overdue = (Date.parse(end) - Date.parse(due)) / 86_400_000;
          if (overdue <= 0) buckets.current += residual;
          else if (overdue <= 30) buckets.d1_30 += residual;
          else if (overdue <= 60) buckets.d31_60 += residual;
          else if (overdue <= 90) buckets.d61_90 += residual;
          else buckets.d90_plus += residual;
        }
        expect(m.ar_aging, `${company.name} ${m.month}`).toEqual(buckets);
        expect(Object.values(m.ar_aging).reduce((a, b) => a + b, 0)).toBe(m.ar_total);
      }
    }
    const last = key.companies[0]!.months[23]!;
    expect(last.ar_aging.d90_plus + last.ar_aging.d61_90 + last.ar_aging.d31_60).toBeGreaterThan(0);
  });

  it('revenue by channel (invoice team) sums to net revenue; order counts by team in company-local months', () => {
    const teamName = new Map(table('crm.team').map((t) => [t.id, t.name as string]));
    const moveTeam = new Map(table('account.move').map((mv) => [mv.id, mv.team_id]));
    for (const company of key.companies) {
      const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: company.timezone, year: 'numeric', month: '2-digit' });
      for (const m of company.months) {
        const byChannel: Record<string, number> = {};
        for (const l of posted) {
          if (l.company_id !== company.id || !(l.date as string).startsWith(m.month) || accountType.get(l.account_id as number) !== 'income') continue;
          const team = moveTeam.get(l.move_id as number);
          const name = team ? teamName.get(team as number)! : 'No channel';
          byChannel[name] = (byChannel[name] ?? 0) - cents(l.balance);
        }
        expect(m.revenue_by_channel).toEqual(byChannel);
        const counts: Record<string, number> = { 'Direct Sales': 0, 'Web Shop': 0, Marketplace: 0 };
        for (const o of table('sale.order')) {
          if (o.company_id !== company.id || o.state !== 'sale') continue;
          const local = fmt.format(new Date(`${(o.date_order as string).replace(' ', 'T')}Z`)).slice(0, 7);
          const team = o.team_id ? teamName.get(o.team_id as number)! : 'No channel';
          if (local === m.month) counts[team] = (counts[team] ?? 0) + 1;
        }
        expect(m.orders_count, `${company.name} ${m.month}`).toEqual(counts);
      }
    }
  });

  it('weighted pipeline = open opportunities expected_revenue × probability (end month only)', () => {
    for (const company of key.companies) {
      const open = table('crm.lead').filter((l) => l.company_id === company.id && l.type === 'opportunity' && l.active && l.won_status === 'pending');
      const weighted = open.reduce((s, l) => s + Math.round(cents(l.expected_revenue) * (l.probability as number) / 100), 0);
      expect(company.months[23]!.pipeline_weighted).toBe(weighted);
      expect(weighted).toBeGreaterThan(0);
      expect(company.months.slice(0, 23).every((m) => m.pipeline_weighted === null)).toBe(true);
    }
  });

  it('intercompany purchases = untaxed bills from the parent; stock GL = quants × company standard cost', () => {
    const parent = key.companies[0]!;
    const parentPartner = table('res.company').find((c) => c.id === parent.id)!.partner_id;
    for (const company of key.companies.slice(1)) {
      for (const m of company.months) {
        const bills = table('account.move').filter((mv) => mv.company_id === company.id && mv.move_type === 'in_invoice' && mv.state === 'posted' && mv.partner_id === parentPartner && (mv.date as string).startsWith(m.month));
        expect(m.intercompany_purchases).toBe(bills.reduce((s, b) => s + cents(b.amount_untaxed), 0));
      }
    }
    for (const company of key.companies) {
      const warehouses = new Set(table('stock.location').filter((l) => l.company_id === company.id && l.usage === 'internal').map((l) => l.id));
      const stockValue = table('stock.quant').filter((q) => warehouses.has(q.location_id as number))
        .reduce((s, q) => s + (q.quantity as number) * cents(g.byId('product.product', q.product_id as number)[`standard_price@${company.id}`]), 0);
      expect(company.months[23]!.inventory_value, company.name).toBe(stockValue);
    }
  });

  it('intercompany: both sides carry the same amount; planted timing mismatches cross month-end', () => {
    const moves = table('account.move');
    expect(key.intercompany_mismatches.length).toBeGreaterThanOrEqual(2);
    for (const mm of key.intercompany_mismatches) {
      const invoice = moves.find((mv) => mv.name === mm.seller_document && mv.company_id === mm.seller_company_id)!;
      const bill = moves.find((mv) => mv.ref === mm.seller_document && mv.company_id === mm.buyer_company_id && mv.move_type === 'in_invoice')!;
      expect(invoice.date).toBe(mm.seller_date);
      expect(bill.date).toBe(mm.buyer_date);
      expect((bill.date as string).slice(0, 7)).not.toBe((invoice.date as string).slice(0, 7));
      expect(cents(invoice.amount_total)).toBe(mm.amount);
      expect(cents(bill.amount_total)).toBe(mm.amount);
    }
    const icInvoices = moves.filter((mv) => mv.company_id === key.companies[0]!.id && mv.move_type === 'out_invoice' && typeof mv.ref === 'string' && mv.ref.startsWith('IC-'));
    expect(icInvoices.length).toBeGreaterThan(20);
    for (const inv of icInvoices) {
      const bill = moves.find((mv) => mv.ref === inv.name && mv.move_type === 'in_invoice')!;
      expect(cents(bill.amount_total)).toBe(cents(inv.amount_total));
      expect(bill.currency_id).toBe(inv.currency_id);
    }
  });

  it('lists the FX rates used: closing = the last daily rate, average = mean of the daily rates', () => {
    const rates = table('res.currency.rate');
    const currencyName = new Map(table('res.currency').map((c) => [c.id, c.name as string]));
    for (const entry of key.fx_rates) {
      const rows = rates.filter((r) => r.company_id === entry.company_id && currencyName.get(r.currency_id as number) === entry.currency && (r.name as string).startsWith(entry.month));
      const end = lastDayOf(entry.month);
      expect(rows.find((r) => r.name === end)!.rate).toBe(entry.closing_rate);
      const mean = rows.reduce((s, r) => s + (r.rate as number), 0) / rows.length;
      expect(entry.average_rate).toBeCloseTo(mean, 9);
    }
    expect(key.fx_rates.length).toBe(2 * 24);
  });
});
