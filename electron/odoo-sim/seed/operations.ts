/** Sales orders with lines, CRM leads (one lost and archived), stock quants and done moves. */
import { cents, type SeedBuilder } from './builder';
import { ADMIN_UID, SALES_TEAM, type CompanySeed } from './master-data';

export function seedOperations(b: SeedBuilder, companies: CompanySeed[]): void {
  const stage = (name: string) => b.dataset.table('crm.stage').find((s) => s.name === name)?.id ?? false;
  let orderNo = 0;
  for (const c of companies) {
    for (let i = 0; i < 4; i++) {
      orderNo += 1;
      const state = ['sale', 'sale', 'draft', 'cancel'][i];
      const partner = 10 + ((i + c.id) % 6);
      const order = b.add('sale.order', {
        name: `S${String(orderNo).padStart(5, '0')}`, state, locked: false, date_order: `2026-${String(3 + i * 2).padStart(2, '0')}-1${i} 09:30:00`,
        validity_date: false, commitment_date: false, partner_id: partner, partner_invoice_id: partner, partner_shipping_id: partner,
        client_order_ref: i === 0 ? `WEB-${1000 + orderNo}` : false, origin: false, company_id: c.id, team_id: SALES_TEAM, user_id: ADMIN_UID,
        pricelist_id: false, currency_id: c.currency, currency_rate: 1, invoice_status: state === 'sale' ? 'to invoice' : 'no',
        delivery_status: state === 'sale' ? 'full' : false, order_line: [], amount_untaxed: 0, amount_tax: 0, amount_total: 0,
      });
      let untaxed = 0;
      for (let k = 0; k < 2; k++) {
        const product = ((i + k) % 4) + 1;
        const price = [4000, 2350, 120, 95][product - 1];
        const qty = 1 + k;
        const subtotal = cents(qty * price);
        untaxed += subtotal;
        const line = b.add('sale.order.line', {
          order_id: order, product_id: product, name: `Product ${product}`, sequence: 10 + k, product_uom_qty: qty, product_uom_id: 1, product_uom: 1,
          qty_delivered: state === 'sale' ? qty : 0, qty_invoiced: 0, qty_to_invoice: state === 'sale' ? qty : 0, price_unit: price, discount: 0,
          price_subtotal: subtotal, price_tax: cents(subtotal * c.taxRate), price_total: cents(subtotal * (1 + c.taxRate)), currency_id: c.currency,
          display_type: false, state, company_id: c.id, invoice_status: state === 'sale' ? 'to invoice' : 'no', order_partner_id: partner, salesman_id: ADMIN_UID,
        });
        b.link('sale.order', order, 'order_line', line);
      }
      const tax = cents(untaxed * c.taxRate);
      b.set('sale.order', order, { amount_untaxed: cents(untaxed), amount_tax: tax, amount_total: cents(untaxed + tax) });
    }
    const leads: Array<[string, string, number, boolean]> = [
      ['Office refit', 'New', 10, true], ['Chairs for HQ', 'Qualified', 30, true], ['Consulting retainer', 'Proposition', 60, true],
      ['Meeting rooms', 'Won', 100, true], ['Lost tender', 'New', 0, false],
    ];
    leads.forEach(([name, stageName, probability, active], i) => {
      const expected = 5000 * (i + 1);
      b.add('crm.lead', {
        name: `${name} (${c.name})`, type: 'opportunity', stage_id: stage(stageName), probability, automated_probability: probability,
        expected_revenue: expected, prorated_revenue: cents((expected * probability) / 100), company_currency: c.currency, company_id: c.id,
        team_id: SALES_TEAM, user_id: ADMIN_UID, partner_id: 10 + i, date_deadline: `2026-12-${String(10 + i).padStart(2, '0')}`,
        date_closed: stageName === 'Won' || !active ? '2026-10-01 10:00:00' : false, date_open: '2026-06-01 08:00:00', active,
        won_status: stageName === 'Won' ? 'won' : active ? 'pending' : 'lost', lost_reason_id: false, priority: '1',
      });
    });
    const customers = b.dataset.table('stock.location').find((l) => l.usage === 'customer')?.id ?? false;
    const inventory = b.dataset.table('stock.location').find((l) => l.usage === 'inventory')?.id ?? false;
    for (let product = 1; product <= 3; product++) {
      const quantity = 10 * product + c.id;
      b.add('stock.quant', { product_id: product, location_id: c.warehouseStock, lot_id: false, package_id: false, owner_id: false, company_id: c.id, quantity, reserved_quantity: 0, inventory_quantity: 0, in_date: '2026-01-02 08:00:00' });
      b.add('stock.move', { product_id: product, product_uom_qty: quantity + 2, quantity: quantity + 2, product_qty: quantity + 2, product_uom: 1, state: 'done', picked: true, date: '2026-01-02 08:00:00', date_deadline: false, location_id: inventory, location_dest_id: c.warehouseStock, picking_id: false, origin: 'Initial inventory', reference: 'Product Quantity Updated', company_id: c.id, sale_line_id: false, price_unit: 0, is_inventory: true, sequence: 10 });
      b.add('stock.move', { product_id: product, product_uom_qty: 2, quantity: 2, product_qty: 2, product_uom: 1, state: 'done', picked: true, date: '2026-04-10 14:00:00', date_deadline: false, location_id: c.warehouseStock, location_dest_id: customers, picking_id: false, origin: false, reference: 'Delivery', company_id: c.id, sale_line_id: false, price_unit: 0, is_inventory: false, sequence: 10 });
    }
  }
}
