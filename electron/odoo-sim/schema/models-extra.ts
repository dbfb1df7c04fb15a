/**
 * Models the app reads but no fixture recorded a fields_get for. Fields follow odoo-api.md §7 and the
 * Odoo 19.0 source; only the fields the app and third-party clients use are listed.
 */
import type { FieldRow } from './field-spec';

const audit: FieldRow[] = [
  ['id', 'integer', 'ID', 'SO'],
  ['display_name', 'char', 'Display Name', 'O'],
  ['create_uid', 'many2one', 'Created by', 'SO', 'res.users'],
  ['create_date', 'datetime', 'Created on', 'SO'],
  ['write_uid', 'many2one', 'Last Updated by', 'SO', 'res.users'],
  ['write_date', 'datetime', 'Last Updated on', 'SO'],
];

export const extraFields19: Record<string, FieldRow[]> = {
  'res.users': [
    ...audit,
    ['name', 'char', 'Name', 'OR'],
    ['login', 'char', 'Login', 'SR'],
    ['active', 'boolean', 'Active', 'S'],
    ['partner_id', 'many2one', 'Related Partner', 'SR', 'res.partner'],
    ['company_id', 'many2one', 'Company', 'SR', 'res.company'],
    ['company_ids', 'many2many', 'Companies', 'S', 'res.company'],
    ['email', 'char', 'Email', ''],
    ['tz', 'selection', 'Timezone', '', [['Europe/Brussels', 'Europe/Brussels'], ['Europe/London', 'Europe/London'], ['UTC', 'UTC']]],
    ['lang', 'selection', 'Language', '', [['en_US', 'English (US)']]],
    ['share', 'boolean', 'Share User', 'SO'],
  ],
  'account.full.reconcile': [
    ...audit,
    ['partial_reconcile_ids', 'one2many', 'Reconciliation Parts', 'S', 'account.partial.reconcile'],
    ['reconciled_line_ids', 'one2many', 'Matched Journal Items', 'S', 'account.move.line'],
  ],
  'product.category': [
    ...audit,
    ['name', 'char', 'Name', 'SR'],
    ['complete_name', 'char', 'Complete Name', 'SO'],
    ['parent_id', 'many2one', 'Parent Category', 'S', 'product.category'],
    ['parent_path', 'char', 'Parent Path', 'S'],
    ['child_id', 'one2many', 'Child Categories', 'S', 'product.category'],
  ],
  'uom.uom': [
    ...audit,
    ['name', 'char', 'Unit Name', 'SR'],
    ['active', 'boolean', 'Active', 'S'],
    ['relative_factor', 'float', 'Contains', 'SR'],
    ['relative_uom_id', 'many2one', 'Reference Unit', 'S', 'uom.uom'],
    ['factor', 'float', 'Absolute Quantity', 'SO'],
    ['rounding', 'float', 'Rounding Precision', 'S'],
  ],
  'res.country': [
    ...audit,
    ['name', 'char', 'Country Name', 'SR'],
    ['code', 'char', 'Country Code', 'S'],
    ['currency_id', 'many2one', 'Currency', 'S', 'res.currency'],
  ],
  'ir.model': [
    ...audit,
    ['name', 'char', 'Model Description', 'SR'],
    ['model', 'char', 'Model', 'SR'],
    ['state', 'selection', 'Type', 'SO', [['manual', 'Custom Object'], ['base', 'Base Object']]],
    ['transient', 'boolean', 'Transient Model', 'S'],
  ],
};
