/**
 * Per-model facts that fields_get does not carry: the human description used in AccessError texts,
 * the default `_order`, and the parent field used by `child_of`.
 */
export interface ModelMeta {
  description: string;
  order: string;
  parentField?: string;
}

export const modelMeta: Record<string, ModelMeta> = {
  'res.company': { description: 'Companies', order: 'sequence, name', parentField: 'parent_id' },
  'res.currency': { description: 'Currency', order: 'active desc, name' },
  'res.currency.rate': { description: 'Currency Rate', order: 'name desc' },
  'res.partner': { description: 'Contact', order: 'complete_name, id desc', parentField: 'parent_id' },
  'res.users': { description: 'User', order: 'name, login' },
  'account.account': { description: 'Account', order: 'code, placeholder_code' },
  'account.journal': { description: 'Journal', order: 'sequence, type, code' },
  'account.move': { description: 'Journal Entry', order: 'date desc, name desc, invoice_date desc, id desc' },
  'account.move.line': { description: 'Journal Item', order: 'date desc, move_name desc, id' },
  'account.partial.reconcile': { description: 'Partial Reconcile', order: 'id' },
  'account.full.reconcile': { description: 'Full Reconcile', order: 'id' },
  'account.payment': { description: 'Payments', order: 'date desc, name desc' },
  'product.product': { description: 'Product Variant', order: 'default_code, name, id' },
  'product.template': { description: 'Product', order: 'is_favorite desc, name, id' },
  'product.category': { description: 'Product Category', order: 'complete_name', parentField: 'parent_id' },
  'crm.team': { description: 'Sales Team', order: 'sequence, id' },
  'crm.stage': { description: 'CRM Stages', order: 'sequence, name, id' },
  'crm.lead': { description: 'Lead/Opportunity', order: 'priority desc, id desc' },
  'sale.order': { description: 'Sales Order', order: 'date_order desc, id desc' },
  'sale.order.line': { description: 'Sales Order Line', order: 'order_id, sequence, id' },
  'stock.warehouse': { description: 'Warehouse', order: 'sequence, id' },
  'stock.location': { description: 'Inventory Locations', order: 'complete_name, id', parentField: 'location_id' },
  'stock.quant': { description: 'Quants', order: 'id' },
  'stock.move': { description: 'Stock Move', order: 'sequence, id' },
  'uom.uom': { description: 'Product Unit of Measure', order: 'sequence, id' },
  'ir.model.data': { description: 'Model Data', order: 'module, model, name' },
  'res.country': { description: 'Country', order: 'name, id' },
  'ir.model': { description: 'Models', order: 'model' },
};
