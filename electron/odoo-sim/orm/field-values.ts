/**
 * Reads a field's stored value the way Odoo computes it for the current environment: company-dependent
 * values for the current company, product.product fields living on the template, one2many lists from
 * their inverse many2one when the generator did not store them, and display names.
 */
import type { RawValue, SimRecord } from '../dataset';
import type { FieldSpec } from '../schema/index';
import type { SimEnv } from './env';
import { currencyRateFields } from './currency-rates';

/** one2many fields the simulator can rebuild from the inverse many2one: model.field → [comodel, inverse]. */
export const INVERSES: Record<string, [string, string]> = {
  'account.move.line_ids': ['account.move.line', 'move_id'],
  'account.move.invoice_line_ids': ['account.move.line', 'move_id'],
  'sale.order.order_line': ['sale.order.line', 'order_id'],
  'res.company.child_ids': ['res.company', 'parent_id'],
  'res.partner.child_ids': ['res.partner', 'parent_id'],
  'account.full.reconcile.partial_reconcile_ids': ['account.partial.reconcile', 'full_reconcile_id'],
  'account.full.reconcile.reconciled_line_ids': ['account.move.line', 'full_reconcile_id'],
  'stock.location.child_ids': ['stock.location', 'location_id'],
  'product.template.product_variant_ids': ['product.product', 'product_tmpl_id'],
  'res.currency.rate_ids': ['res.currency.rate', 'currency_id'],
};

const INVOICE_LINE_TYPES = new Set(['product', 'line_section', 'line_subsection', 'line_note']);

/** Per-call cache of inverse indexes (parent id → child ids), built on first use. */
export class InverseCache {
  private readonly indexes = new Map<string, Map<number, number[]>>();

  children(env: SimEnv, key: string, parentId: number): number[] {
    const inverse = INVERSES[key];
    if (!inverse) return [];
    let index = this.indexes.get(key);
    if (!index) {
      index = new Map();
      const [comodel, field] = inverse;
      const onlyInvoiceLines = key === 'account.move.invoice_line_ids';
      for (const child of env.dataset.table(comodel)) {
        const parent = child[field];
        if (typeof parent !== 'number') continue;
        if (onlyInvoiceLines && !INVOICE_LINE_TYPES.has(String(child.display_type))) continue;
        const list = index.get(parent);
        if (list) list.push(child.id);
        else index.set(parent, [child.id]);
      }
      this.indexes.set(key, index);
    }
    return index.get(parentId) ?? [];
  }
}

/** The empty value Odoo returns for a field type. */
export function emptyValue(type: FieldSpec['type']): RawValue {
  if (type === 'integer' || type === 'float' || type === 'monetary') return 0;
  if (type === 'one2many' || type === 'many2many') return [];
  return false;
}

function isCompanyDependent(model: string, field: FieldSpec): boolean {
  return field.company_dependent || (model === 'account.account' && field.name === 'code');
}

/** The stored (not wire-encoded) value of `field` on `record`, resolved for the environment. */
export function fieldValue(env: SimEnv, model: string, record: SimRecord, field: FieldSpec, inverses?: InverseCache): RawValue {
  const name = field.name;
  if (isCompanyDependent(model, field)) {
    const perCompany = record[`${name}@${env.companyId}`];
    if (perCompany !== undefined) return perCompany;
  }
  let value: RawValue | undefined = record[name];
  if (value === undefined) {
    if (name === 'display_name') return displayName(env, model, record);
    if (model === 'product.product' && typeof record.product_tmpl_id === 'number') {
      const template = env.dataset.get('product.template', record.product_tmpl_id);
      if (template && template[name] !== undefined) value = template[name];
    }
    if (value === undefined && (model === 'res.currency' || model === 'res.currency.rate')) {
      value = currencyRateFields(env, model, record, name);
    }
    if (value === undefined && field.type === 'one2many' && inverses) value = inverses.children(env, `${model}.${name}`, record.id);
  }
  return value === undefined || value === null ? emptyValue(field.type) : value;
}

/** display_name: the stored one, else name-like fields, else Odoo's "model,id" fallback. */
export function displayName(env: SimEnv, model: string, record: SimRecord): string {
  if (typeof record.display_name === 'string') return record.display_name;
  if (model === 'product.product') {
    const template = typeof record.product_tmpl_id === 'number' ? env.dataset.get('product.template', record.product_tmpl_id) : undefined;
    const name = typeof record.name === 'string' ? record.name : typeof template?.name === 'string' ? template.name : '';
    return typeof record.default_code === 'string' && record.default_code ? `[${record.default_code}] ${name}` : name;
  }
  for (const key of ['complete_name', 'name', 'login']) {
    const value = record[key];
    if (typeof value === 'string' && value) return value;
  }
  return `${model},${record.id}`;
}
