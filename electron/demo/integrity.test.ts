// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateInMemory, cents } from './test-support';
import type { SimRecord } from './types';
import { schemaFor } from '../odoo-sim/schema/index';

const g = generateInMemory();
const table = (model: string): SimRecord[] => g.models.get(model) ?? [];
const FIXTURES = join(__dirname, '..', '..', '..', 'shared', 'reference', 'odoo-fixtures');

describe('demo company: ledger integrity (small scale)', () => {
  it('generates a few thousand journal items and every model the app reads', () => {
    const lines = table('account.move.line').length;
    expect(lines).toBeGreaterThan(3000);
    expect(lines).toBeLessThan(20000);
    for (const model of ['res.company', 'res.currency', 'res.currency.rate', 'account.account', 'account.journal', 'res.partner', 'product.product',
      'product.template', 'product.category', 'crm.team', 'crm.stage', 'crm.lead', 'sale.order', 'sale.order.line', 'account.move', 'account.payment',
      'account.partial.reconcile', 'account.full.reconcile', 'stock.warehouse', 'stock.location', 'stock.quant', 'stock.move']) {
      expect(table(model).length, model).toBeGreaterThan(0);
    }
  });

  it('has unique ids per model', () => {
    for (const [model, rows] of g.models) expect(new Set(rows.map((r) => r.id)).size, model).toBe(rows.length);
  });

  it('balances every move; balance = debit − credit; amount_currency has the sign of balance (0 only on exchange lines)', () => {
    const perMove = new Map<number, number>();
    for (const line of table('account.move.line')) {
      const debit = cents(line.debit);
      const credit = cents(line.credit);
      const balance = cents(line.balance);
      const amountCurrency = cents(line.amount_currency);
      expect(balance).toBe(debit - credit);
      expect(debit === 0 || credit === 0).toBe(true);
      if (amountCurrency !== 0) expect(Math.sign(amountCurrency)).toBe(Math.sign(balance));
      if (line.currency_id === line.company_currency_id) expect(amountCurrency).toBe(balance);
      perMove.set(line.move_id as number, (perMove.get(line.move_id as number) ?? 0) + balance);
    }
    expect(perMove.size).toBe(table('account.move').length);
    for (const [moveId, sum] of perMove) expect(sum, `move ${moveId}`).toBe(0);
  });

  it('invoice totals equal their lines, with Odoo signs', () => {
    const linesByMove = new Map<number, SimRecord[]>();
    for (const line of table('account.move.line')) {
      const list = linesByMove.get(line.move_id as number) ?? [];
      list.push(line);
      linesByMove.set(line.move_id as number, list);
    }
    let invoices = 0;
    for (const move of table('account.move')) {
      if (move.move_type === 'entry') continue;
      invoices++;
      const lines = linesByMove.get(move.id)!;
      const sum = (type: string): number => lines.filter((l) => l.display_type === type).reduce((s, l) => s + cents(l.amount_currency), 0);
      const untaxed = Math.abs(sum('product'));
      const tax = Math.abs(sum('tax'));
      expect(cents(move.amount_untaxed)).toBe(untaxed);
      expect(cents(move.amount_tax)).toBe(tax);
      expect(cents(move.amount_total)).toBe(untaxed + tax);
      expect(Math.abs(sum('payment_term'))).toBe(untaxed + tax);
      const signed = cents(move.amount_total_signed);
      if (move.move_type === 'out_invoice' || move.move_type === 'in_refund') expect(signed).toBeGreaterThanOrEqual(0);
      else expect(signed).toBeLessThanOrEqual(0);
      const companyTotal = lines.filter((l) => l.display_type === 'payment_term').reduce((s, l) => s + cents(l.balance), 0);
      expect(Math.abs(signed)).toBe(Math.abs(companyTotal));
    }
    expect(invoices).toBeGreaterThan(500);
  });

  it('amount_residual of every receivable/payable line equals balance minus its partial reconciliations', () => {
    const asDebit = new Map<number, [number, number]>();
    const asCredit = new Map<number, [number, number]>();
    for (const p of table('account.partial.reconcile')) {
      const d = asDebit.get(p.debit_move_id as number) ?? [0, 0];
      asDebit.set(p.debit_move_id as number, [d[0] + cents(p.amount), d[1] + cents(p.debit_amount_currency)]);
      const c = asCredit.get(p.credit_move_id as number) ?? [0, 0];
      asCredit.set(p.credit_move_id as number, [c[0] + cents(p.amount), c[1] + cents(p.credit_amount_currency)]);
    }
    const reconcilable = new Set(table('account.account').filter((a) => a.reconcile).map((a) => a.id));
    let checked = 0;
    for (const line of table('account.move.line')) {
      if (!reconcilable.has(line.account_id as number) || line.parent_state !== 'posted') continue;
      const d = asDebit.get(line.id) ?? [0, 0];
      const c = asCredit.get(line.id) ?? [0, 0];
      expect(cents(line.amount_residual), `line ${line.id}`).toBe(cents(line.balance) - d[0] + c[0]);
      expect(cents(line.amount_residual_currency), `line ${line.id}`).toBe(cents(line.amount_currency) - d[1] + c[1]);
      expect(line.reconciled).toBe(cents(line.amount_residual) === 0 && cents(line.amount_residual_currency) === 0);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
    for (const move of table('account.move')) {
      if (move.move_type === 'entry' || move.state !== 'posted') continue;
      const terms = table('account.move.line').length > 0 ? (move.line_ids as number[]).map((id) => g.byId('account.move.line', id)).filter((l) => l.display_type === 'payment_term') : [];
      expect(cents(move.amount_residual)).toBe(Math.abs(terms.reduce((s, l) => s + cents(l.amount_residual_currency), 0)));
      const expectedState = cents(move.amount_residual) === 0 ? ['paid', 'reversed'] : cents(move.amount_residual) === cents(move.amount_total) ? ['not_paid'] : ['partial'];
      expect(expectedState).toContain(move.payment_state);
    }
  });

  it('books exchange differences for foreign-currency receipts, linked from the main partial', () => {
    const withExchange = table('account.partial.reconcile').filter((p) => p.exchange_move_id !== false);
    expect(withExchange.length).toBeGreaterThan(5);
    for (const p of withExchange) expect(g.byId('account.move', p.exchange_move_id as number).journal_id).toBeTruthy();
  });

  it('stock quant quantities equal the net of done stock moves', () => {
    const net = new Map<string, number>();
    for (const m of table('stock.move')) {
      if (m.state !== 'done') continue;
      net.set(`${String(m.product_id)}:${String(m.location_id)}`, (net.get(`${String(m.product_id)}:${String(m.location_id)}`) ?? 0) - (m.quantity as number));
      net.set(`${String(m.product_id)}:${String(m.location_dest_id)}`, (net.get(`${String(m.product_id)}:${String(m.location_dest_id)}`) ?? 0) + (m.quantity as number));
    }
    const internal = new Set(table('stock.location').filter((l) => l.usage === 'internal' || l.usage === 'transit').map((l) => l.id));
    const quants = table('stock.quant');
    for (const q of quants) expect(q.quantity, `quant ${q.id}`).toBe(net.get(`${String(q.product_id)}:${String(q.location_id)}`));
    for (const [key, qty] of net) {
      const location = Number(key.split(':')[1]);
      if (internal.has(location) && qty !== 0) expect(quants.some((q) => `${String(q.product_id)}:${String(q.location_id)}` === key), key).toBe(true);
      if (internal.has(location)) expect(qty, key).toBeGreaterThanOrEqual(0);
    }
  });

  it('emits only fields that Odoo 19 has (fields_get fixtures)', () => {
    const fixtureOf: Record<string, string> = {
      'account.account': 'account_account', 'account.journal': 'account_journal', 'account.move': 'account_move', 'account.move.line': 'account_move_line',
      'account.partial.reconcile': 'account_partial_reconcile', 'account.payment': 'account_payment', 'crm.lead': 'crm_lead', 'crm.stage': 'crm_stage',
      'crm.team': 'crm_team', 'product.product': 'product_product', 'product.template': 'product_template', 'res.company': 'res_company',
      'res.currency': 'res_currency', 'res.currency.rate': 'res_currency_rate', 'res.partner': 'res_partner', 'sale.order': 'sale_order',
      'sale.order.line': 'sale_order_line', 'stock.location': 'stock_location', 'stock.move': 'stock_move', 'stock.quant': 'stock_quant', 'stock.warehouse': 'stock_warehouse',
    };
    for (const [model, name] of Object.entries(fixtureOf)) {
      const file = name === 'res_currency_rate' ? 'json2_res_currency_rate_fields_get_full.json' : `json2_${name}_fields_get.json`;
      const fields = (JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { response: { body: Record<string, unknown> } }).response.body;
      const emitted = new Set<string>();
      for (const record of table(model)) for (const field of Object.keys(record)) if (!field.includes('@')) emitted.add(field);
      const unknown = [...emitted].filter((f) => !(f in fields));
      expect(unknown, model).toEqual([]);
    }
  });

  it('emits only fields of the simulator schema (Odoo 19), for every model and record', () => {
    for (const [model, rows] of g.models) {
      const schema = schemaFor(19, model);
      expect(schema, model).toBeDefined();
      const keys = new Set<string>();
      for (const record of rows) for (const field of Object.keys(record)) keys.add(field.split('@')[0]!);
      expect([...keys].filter((field) => !schema!.fields.has(field)), model).toEqual([]);
    }
  });

  it('uses Odoo selection keys and encodings', () => {
    for (const m of table('account.move')) {
      expect(['entry', 'out_invoice', 'out_refund', 'in_invoice', 'in_refund']).toContain(m.move_type);
      expect(['draft', 'posted', 'cancel']).toContain(m.state);
      expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    for (const o of table('sale.order')) {
      expect(['draft', 'sent', 'sale', 'cancel']).toContain(o.state);
      expect(o.date_order).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    }
    expect(table('res.company').every((c) => typeof c.fiscalyear_last_month === 'string')).toBe(true);
    expect(table('account.move').some((m) => m.state === 'draft')).toBe(true);
    expect(table('account.move').some((m) => m.state === 'cancel')).toBe(true);
  });
});
