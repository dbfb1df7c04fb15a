/**
 * Differences of Odoo 17 and 18 from the recorded 19.0 schema (odoo-api.md §3.4, §7, §9 and §10.11).
 * Each patch removes fields that did not exist yet and adds the older ones.
 */
import type { FieldRow } from './field-spec';

export type SimVersion = 17 | 18 | 19;

interface Patch {
  remove?: string[];
  add?: FieldRow[];
  /** Replace a selection list (same field name, older values). */
  selections?: Record<string, Array<[string, string]>>;
}

const paymentState17: Array<[string, string]> = [
  ['not_paid', 'Not Paid'], ['in_payment', 'In Payment'], ['paid', 'Paid'], ['partial', 'Partially Paid'],
  ['reversed', 'Reversed'], ['invoicing_legacy', 'Invoicing App Legacy'],
];

const common17and18: Record<string, Patch> = {
  'account.move': { selections: { payment_state: paymentState17 } },
  'sale.order.line': {
    remove: ['product_uom_id'],
    add: [['product_uom', 'many2one', 'Unit of Measure', 'S', 'uom.uom']],
  },
  'crm.stage': { remove: ['team_ids'], add: [['team_id', 'many2one', 'Sales Team', 'S', 'crm.team']] },
  'stock.quant': {
    remove: ['package_id'],
    add: [['package_id', 'many2one', 'Package', 'S', 'stock.quant.package']],
  },
  'account.full.reconcile': {
    add: [
      ['name', 'char', 'Number', 'SR'],
      ['exchange_move_id', 'many2one', 'Exchange Move', 'S', 'account.move'],
    ],
  },
  'account.account': { remove: ['active'], add: [['deprecated', 'boolean', 'Deprecated', 'S']] },
};

export const versionPatches: Record<17 | 18, Record<string, Patch>> = {
  18: common17and18,
  17: {
    ...common17and18,
    'account.account': {
      remove: ['active', 'company_ids', 'code_store', 'placeholder_code'],
      add: [
        ['deprecated', 'boolean', 'Deprecated', 'S'],
        ['company_id', 'many2one', 'Company', 'SR', 'res.company'],
        ['code', 'char', 'Code', 'SR'],
      ],
    },
    'account.move': {
      remove: ['origin_payment_id', 'matched_payment_ids', 'invoice_currency_rate', 'amount_untaxed_in_currency_signed'],
      add: [['payment_id', 'many2one', 'Payment', 'S', 'account.payment']],
      selections: { payment_state: paymentState17 },
    },
    'account.payment': {
      remove: ['memo'],
      add: [['ref', 'char', 'Reference', 'S']],
      selections: { state: [['draft', 'Draft'], ['posted', 'Posted'], ['cancel', 'Cancelled']] },
    },
    'product.template': {
      remove: ['is_storable'],
      add: [['detailed_type', 'selection', 'Product Type', 'SR', [['consu', 'Consumable'], ['service', 'Service'], ['product', 'Storable Product']]]],
      selections: { type: [['consu', 'Consumable'], ['service', 'Service'], ['product', 'Storable Product']] },
    },
    'product.product': {
      remove: ['is_storable'],
      add: [['detailed_type', 'selection', 'Product Type', 'R', [['consu', 'Consumable'], ['service', 'Service'], ['product', 'Storable Product']]]],
      selections: { type: [['consu', 'Consumable'], ['service', 'Service'], ['product', 'Storable Product']] },
    },
    'crm.lead': { remove: ['won_status'] },
  },
};
