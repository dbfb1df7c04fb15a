import { SeedBuilder, cents } from '../../../odoo-sim/seed/builder';
import { seedMasterData } from '../../../odoo-sim/seed/master-data';
import type { SimDataset } from '../../../odoo-sim/dataset';

/**
 * A deterministic two-company dataset for sync tests: the simulator's master data plus `perCompany`
 * invoices (with journal items, a sale order and lines, a payment and partial reconcile for every
 * other one), leads (some lost = archived) and stock. Same arguments, same data, every time, so a
 * child process can rebuild exactly what the parent synced.
 */
export function buildSyncFixtureDataset(perCompany = 40): SimDataset {
  const b = new SeedBuilder('2026-10-01 08:00:00');
  const companies = seedMasterData(b);
  let n = 0;
  for (const company of companies) {
    for (let i = 1; i <= perCompany; i++) {
      n++;
      const day = `2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
      const stamp = `${day} 1${i % 10}:00:00`;
      const partner = 10 + (i % 6);
      const product = 1 + (i % 4);
      const untaxed = cents(100 + ((n * 37.13) % 900));
      const tax = cents(untaxed * company.taxRate);
      const total = cents(untaxed + tax);
      const posted = i % 7 !== 0;
      const common = { company_id: company.id, create_date: stamp, write_date: stamp };
      const order = b.add('sale.order', {
        ...common, name: `S${String(n).padStart(5, '0')}`, state: 'sale', locked: false, date_order: `${day} 09:30:00`, partner_id: partner,
        partner_invoice_id: partner, team_id: 1, user_id: 2, currency_id: company.currency, currency_rate: 1,
        amount_untaxed: untaxed, amount_tax: tax, amount_total: total, invoice_status: 'invoiced', client_order_ref: `WEB-${n}`,
      });
      b.add('sale.order.line', {
        ...common, order_id: order, product_id: product, name: `Line ${n}`, product_uom_qty: 2, product_uom_id: 1, product_uom: 1, qty_delivered: 2, qty_invoiced: 2,
        qty_to_invoice: 0, price_unit: cents(untaxed / 2), discount: 0, price_subtotal: untaxed, price_tax: tax, price_total: total, currency_id: company.currency,
        display_type: false, state: 'sale', invoice_status: 'invoiced', order_partner_id: partner, salesman_id: 2,
      });
      const move = b.add('account.move', {
        ...common, name: posted ? `INV/2026/${String(n).padStart(5, '0')}` : '/', date: day, invoice_date: day, invoice_date_due: day, state: posted ? 'posted' : 'draft',
        move_type: 'out_invoice', journal_id: company.journals.sale, currency_id: company.currency, partner_id: partner, commercial_partner_id: partner,
        amount_untaxed: untaxed, amount_tax: tax, amount_total: total, amount_residual: i % 2 ? 0 : total,
        amount_untaxed_signed: untaxed, amount_tax_signed: tax, amount_total_signed: total, amount_residual_signed: i % 2 ? 0 : total,
        amount_total_in_currency_signed: total, payment_state: i % 2 ? 'paid' : 'not_paid', invoice_origin: `S${String(n).padStart(5, '0')}`, ref: false,
      });
      const line = (values: Record<string, string | number | boolean>) =>
        b.add('account.move.line', { ...common, move_id: move, move_name: `INV/${n}`, date: day, parent_state: posted ? 'posted' : 'draft', journal_id: company.journals.sale, partner_id: partner, currency_id: company.currency, company_currency_id: company.currency, reconciled: false, ...values });
      const receivable = line({ account_id: company.accounts.receivable, name: 'receivable', debit: total, credit: 0, balance: total, amount_currency: total, amount_residual: i % 2 ? 0 : total, amount_residual_currency: i % 2 ? 0 : total, display_type: 'payment_term', date_maturity: day });
      line({ account_id: company.accounts.sales, name: `Line ${n}`, debit: 0, credit: untaxed, balance: -untaxed, amount_currency: -untaxed, display_type: 'product', product_id: product, quantity: 2, price_unit: cents(untaxed / 2), price_subtotal: untaxed, price_total: total });
      line({ account_id: company.accounts.tax, name: 'tax', debit: 0, credit: tax, balance: -tax, amount_currency: -tax, display_type: 'tax' });
      if (i % 2 === 1) {
        const payment = b.add('account.payment', { ...common, name: `PAY/${n}`, state: 'paid', payment_type: 'inbound', partner_type: 'customer', partner_id: partner, amount: total, currency_id: company.currency, amount_company_currency_signed: total, date: day, memo: `INV/${n}`, journal_id: company.journals.bank, is_reconciled: true, is_matched: false });
        b.add('account.partial.reconcile', { ...common, debit_move_id: receivable, credit_move_id: receivable, amount: total, debit_amount_currency: total, credit_amount_currency: total, debit_currency_id: company.currency, credit_currency_id: company.currency, max_date: day, exchange_move_id: false, full_reconcile_id: false });
        void payment;
      }
      b.add('crm.lead', {
        ...common, name: `Opportunity ${n}`, type: 'opportunity', stage_id: 1 + (i % 4), probability: i % 4 === 3 ? 100 : 10 * (i % 4), expected_revenue: cents(untaxed * 3),
        prorated_revenue: cents((untaxed * 3 * 10 * (i % 4)) / 100), team_id: 1, user_id: 2, partner_id: partner, date_deadline: day, active: i % 5 !== 0,
        won_status: i % 4 === 3 ? 'won' : i % 5 === 0 ? 'lost' : 'pending', company_currency: company.currency,
      });
      b.add('stock.move', {
        ...common, reference: `WH/OUT/${n}`, state: 'done', product_id: product, product_uom_qty: 2, product_qty: 2, quantity: 2, product_uom: 1, date: `${day} 11:00:00`,
        location_id: company.warehouseStock, location_dest_id: 5, origin: `S${n}`, price_unit: 10, is_inventory: false, value: cents(-untaxed / 3),
      });
    }
    for (let p = 1; p <= 3; p++) {
      b.add('stock.quant', { company_id: company.id, product_id: p, location_id: company.warehouseStock, quantity: 10 * p, reserved_quantity: 0, in_date: '2026-09-30 10:00:00', create_date: '2026-09-30 10:00:00', write_date: '2026-09-30 10:00:00' });
    }
  }
  return b.dataset;
}
