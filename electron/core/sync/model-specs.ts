import { bool, date, datetime, ids, int, json, m2o, money, real, text, type ModelSpec } from './column-spec';

const companyM2o = m2o('company');
const currencyM2o = m2o('currency');
const recordCurrency = { field: 'currency_id' };

/**
 * Every synced model, in dependency order (currencies before the amounts that need their decimals).
 * The order is the sync plan; the columns must match migration 0001 (a test checks it).
 */
export const MODEL_SPECS: readonly ModelSpec[] = [
  {
    model: 'res.company', table: 'odoo_company',
    columns: [text('name'), currencyM2o, m2o('parent'), m2o('partner'), m2o('country'), int('fiscalyear_last_month'), int('fiscalyear_last_day'), bool('active'), int('sequence')],
  },
  {
    model: 'res.currency', table: 'odoo_currency',
    columns: [text('name'), text('symbol'), text('full_name'), real('rounding'), int('decimal_places'), text('position'), bool('active')],
  },
  {
    model: 'res.currency.rate', table: 'odoo_currency_rate',
    columns: [date('name'), currencyM2o, companyM2o, real('rate'), real('company_rate'), real('inverse_company_rate')],
  },
  {
    model: 'account.account', table: 'odoo_account',
    columns: [
      text('code'), text('name'), text('account_type'), companyM2o, ids('company_ids', 'company_ids', 'company_id'), currencyM2o,
      bool('reconcile'), bool('non_trade'),
      {
        kind: 'derived', column: 'active', fields: ['active', 'deprecated'],
        derive: (record, present) => (present.has('active') ? (record.active === false ? 0 : 1) : record.deprecated === true ? 0 : 1),
      },
    ],
  },
  {
    model: 'account.journal', table: 'odoo_journal',
    columns: [text('name'), text('code'), text('type'), companyM2o, currencyM2o, m2o('default_account'), bool('active'), int('sequence')],
  },
  {
    model: 'res.partner', table: 'odoo_partner',
    columns: [
      text('name'), bool('is_company'), m2o('parent'), m2o('commercial_partner'), companyM2o, text('type'),
      int('customer_rank'), int('supplier_rank'), text('vat'), text('ref'), text('email'), m2o('country'), bool('active'),
    ],
  },
  {
    model: 'product.product', table: 'odoo_product',
    columns: [
      text('name'), text('default_code'), text('barcode'), m2o('product_tmpl'), m2o('categ'), text('type'),
      {
        kind: 'derived', column: 'is_storable', fields: ['is_storable', 'detailed_type'],
        derive: (record, present) => (present.has('is_storable') ? (record.is_storable === true ? 1 : 0) : record.detailed_type === 'product' ? 1 : 0),
      },
      real('list_price'), real('standard_price'), m2o('uom'), companyM2o, bool('sale_ok'), bool('purchase_ok'), bool('active'),
    ],
  },
  {
    model: 'product.category', table: 'odoo_product_category',
    columns: [text('name'), text('complete_name'), m2o('parent')],
  },
  {
    model: 'crm.team', table: 'odoo_team',
    columns: [text('name'), companyM2o, m2o('user'), real('invoiced_target'), bool('active'), int('sequence')],
  },
  {
    model: 'crm.stage', table: 'odoo_stage',
    columns: [text('name'), int('sequence'), bool('is_won'), bool('fold'), ids('team_ids', 'team_ids', 'team_id')],
  },
  {
    model: 'sale.order', table: 'odoo_sale_order',
    columns: [
      text('name'), text('state'), bool('locked'), datetime('date_order'), date('validity_date'), datetime('commitment_date'),
      m2o('partner'), m2o('partner_invoice'), text('client_order_ref'), text('origin'), companyM2o, m2o('team'), m2o('user'),
      currencyM2o, real('currency_rate'),
      money('amount_untaxed', recordCurrency), money('amount_tax', recordCurrency), money('amount_total', recordCurrency),
      text('invoice_status'), text('delivery_status'),
    ],
  },
  {
    model: 'sale.order.line', table: 'odoo_sale_order_line',
    columns: [
      m2o('order'), m2o('product'), text('name'), real('product_uom_qty'), m2o('product_uom', 'product_uom_id', 'product_uom'),
      real('qty_delivered'), real('qty_invoiced'), real('qty_to_invoice'), real('price_unit'), real('discount'),
      money('price_subtotal', recordCurrency), money('price_tax', recordCurrency), money('price_total', recordCurrency),
      money('untaxed_amount_invoiced', recordCurrency), money('untaxed_amount_to_invoice', recordCurrency),
      currencyM2o, text('display_type'), text('state'), text('invoice_status'), companyM2o, m2o('order_partner'), m2o('salesman'),
    ],
  },
  {
    model: 'account.move', table: 'odoo_move',
    columns: [
      text('name'), text('ref'), date('date'), text('state'), text('move_type'), m2o('journal'), companyM2o, m2o('company_currency'),
      currencyM2o, m2o('partner'), m2o('commercial_partner'), date('invoice_date'), date('invoice_date_due'),
      text('invoice_origin'), text('payment_reference'),
      money('amount_untaxed', recordCurrency), money('amount_tax', recordCurrency), money('amount_total', recordCurrency),
      money('amount_residual', recordCurrency), money('amount_total_in_currency_signed', recordCurrency),
      money('amount_untaxed_signed', 'company'), money('amount_tax_signed', 'company'), money('amount_total_signed', 'company'),
      money('amount_residual_signed', 'company'),
      real('invoice_currency_rate'), text('payment_state'), m2o('reversed_entry'), m2o('invoice_user'), m2o('team'),
      m2o('origin_payment', 'origin_payment_id', 'payment_id'),
    ],
  },
  {
    model: 'account.move.line', table: 'odoo_move_line',
    columns: [
      m2o('move'), date('date'), date('invoice_date'), date('date_maturity'), text('parent_state'), m2o('journal'), companyM2o,
      m2o('company_currency'), m2o('account'), m2o('partner'), text('name'),
      money('debit', 'company'), money('credit', 'company'), money('balance', 'company'), money('amount_currency', recordCurrency),
      currencyM2o, money('amount_residual', 'company'), money('amount_residual_currency', recordCurrency), bool('reconciled'),
      m2o('full_reconcile'), text('matching_number'), text('display_type'), m2o('product'), real('quantity'), real('price_unit'),
      real('discount'), money('price_subtotal', recordCurrency), money('price_total', recordCurrency), m2o('tax_line'),
      json('analytic_distribution'),
    ],
  },
  {
    model: 'account.partial.reconcile', table: 'odoo_partial_reconcile',
    columns: [
      m2o('debit_move'), m2o('credit_move'), money('amount', 'company'),
      money('debit_amount_currency', { field: 'debit_currency_id' }), money('credit_amount_currency', { field: 'credit_currency_id' }),
      m2o('debit_currency'), m2o('credit_currency'), date('max_date'), m2o('exchange_move'), m2o('full_reconcile'), companyM2o,
    ],
  },
  {
    model: 'account.payment', table: 'odoo_payment',
    columns: [
      text('name'), text('state'), text('payment_type'), text('partner_type'), m2o('partner'), money('amount', recordCurrency),
      currencyM2o, money('amount_company_currency_signed', 'company'), date('date'), text('memo', 'ref'), text('payment_reference'),
      m2o('journal'), companyM2o, m2o('move'), bool('is_reconciled'), bool('is_matched'),
    ],
  },
  {
    model: 'crm.lead', table: 'odoo_lead',
    columns: [
      text('name'), text('type'), m2o('stage'), real('probability'), money('expected_revenue', 'company'),
      money('prorated_revenue', 'company'), m2o('company_currency', 'company_currency'), companyM2o, m2o('team'), m2o('user'),
      m2o('partner'), date('date_deadline'), datetime('date_closed'), datetime('date_open'), datetime('date_conversion'),
      datetime('create_date'), m2o('lost_reason'), text('won_status'), bool('active'),
    ],
  },
  {
    model: 'stock.warehouse', table: 'odoo_warehouse',
    columns: [text('name'), text('code'), companyM2o, m2o('view_location'), m2o('lot_stock'), bool('active')],
  },
  {
    model: 'stock.location', table: 'odoo_location',
    columns: [text('name'), text('complete_name'), text('usage'), m2o('location'), companyM2o, m2o('warehouse'), bool('active')],
  },
  {
    model: 'stock.quant', table: 'odoo_quant',
    columns: [m2o('product'), m2o('location'), m2o('lot'), companyM2o, real('quantity'), real('reserved_quantity'), datetime('in_date')],
  },
  {
    model: 'stock.move', table: 'odoo_stock_move',
    columns: [
      text('reference'), text('state'), m2o('product'), real('product_uom_qty'), real('product_qty'), real('quantity'),
      m2o('product_uom', 'product_uom', 'product_uom_id'), datetime('date'), datetime('date_deadline'), m2o('location'),
      m2o('location_dest'), m2o('picking'), m2o('picking_type'), text('origin'), companyM2o, m2o('warehouse'), m2o('sale_line'),
      real('price_unit'), bool('is_inventory'), money('value', 'company'),
    ],
  },
];

/** The spec of one Odoo model, if synced. */
export function specFor(model: string): ModelSpec | undefined {
  return MODEL_SPECS.find((spec) => spec.model === model);
}
