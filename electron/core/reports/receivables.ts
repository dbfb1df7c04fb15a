import type { AgingBucket } from '../../../shared/reports/types';
import { agingBucket } from '../../../shared/reports/kpi-math';
import type { DateKey, MonthKey } from '../../../shared/period/period';
import type { ReadonlyDb } from './context';

/** One receivable (or payable) journal item still open at the as-of date. */
export interface OpenItem {
  lineId: number;
  moveId: number;
  moveName: string;
  date: DateKey;
  dueDate: DateKey;
  partnerId: number | null;
  partnerName: string | null;
  /** Residual as of the date, company currency minor units, debit-positive. */
  residual: number;
  bucket: AgingBucket;
}

/** Aging buckets (money, debit-positive) plus the items behind them. */
export interface Aging {
  asOf: DateKey;
  buckets: Record<AgingBucket, number>;
  total: number;
  items: OpenItem[];
}

/**
 * Open items of an account type AS OF a date, rebuilt from partial reconciliations dated on or
 * before it (odoo-api.md §7.11): residual = balance − Σ partials as debit side + Σ partials as credit
 * side, counting only posted lines dated ≤ D and partials with max_date ≤ D. Odoo's stored
 * amount_residual is "as of today" and must not be used for a past month-end.
 */
export function openItemsAsOf(db: ReadonlyDb, companyId: number, accountType: 'asset_receivable' | 'liability_payable', asOf: DateKey): Aging {
  // Residuals are computed in SQL and zero ones dropped there: most receivable lines of a long
  // history are settled, and only the open ones need to reach JavaScript.
  const rows = db
    .prepare<{ company: number; asOf: string; accountType: string }, Omit<OpenItem, 'bucket'>>(
      `SELECT * FROM (
         SELECT l.id AS lineId, l.move_id AS moveId, l.move_name AS moveName, l.date AS date,
                COALESCE(l.date_maturity, l.date) AS dueDate, l.partner_id AS partnerId, l.partner_name AS partnerName,
                l.balance
                  - COALESCE((SELECT SUM(p.amount) FROM odoo_partial_reconcile p
                               WHERE p.sync_company_id = l.sync_company_id AND p.debit_move_id = l.id AND p.max_date <= @asOf), 0)
                  + COALESCE((SELECT SUM(p.amount) FROM odoo_partial_reconcile p
                               WHERE p.sync_company_id = l.sync_company_id AND p.credit_move_id = l.id AND p.max_date <= @asOf), 0) AS residual
           FROM odoo_move_line l
          WHERE l.sync_company_id = @company AND l.company_id = @company AND l.parent_state = 'posted' AND l.date <= @asOf
            AND l.account_id IN (SELECT id FROM odoo_account WHERE sync_company_id = @company AND account_type = @accountType))
        WHERE residual <> 0`,
    )
    .all({ company: companyId, asOf, accountType });
  const buckets: Record<AgingBucket, number> = { current: 0, d1_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0 };
  const items: OpenItem[] = [];
  let total = 0;
  for (const row of rows) {
    const bucket = agingBucket(asOf, row.dueDate);
    buckets[bucket] += row.residual;
    total += row.residual;
    items.push({ ...row, bucket });
  }
  return { asOf, buckets, total, items };
}

/** Monthly document totals (company currency minor units, incl. VAT) used by DSO and DPO. */
export interface DocumentTotals {
  /** out_invoice − out_refund, by invoice_date month. */
  creditSales(month: MonthKey): number;
  /** in_invoice − in_refund, by invoice_date month, positive. */
  purchases(month: MonthKey): number;
}

/** Loads posted customer/vendor document totals by month (one grouped query). */
export function loadDocumentTotals(db: ReadonlyDb, companyId: number, lastDay: DateKey): DocumentTotals {
  const rows = db
    .prepare<[number, number, string], { month: MonthKey; type: string; total: number }>(
      `SELECT substr(invoice_date, 1, 7) AS month, move_type AS type, SUM(amount_total_signed) AS total
         FROM odoo_move
        WHERE sync_company_id = ? AND company_id = ? AND state = 'posted' AND invoice_date <= ?
          AND move_type IN ('out_invoice', 'out_refund', 'in_invoice', 'in_refund')
        GROUP BY month, move_type`,
    )
    .all(companyId, companyId, lastDay);
  const sales = new Map<MonthKey, number>();
  const purchases = new Map<MonthKey, number>();
  for (const row of rows) {
    // amount_total_signed: + for out_invoice/in_refund, − for out_refund/in_invoice (odoo-api.md §7.1).
    if (row.type.startsWith('out_')) sales.set(row.month, (sales.get(row.month) ?? 0) + row.total);
    else purchases.set(row.month, (purchases.get(row.month) ?? 0) - row.total);
  }
  return { creditSales: (m) => sales.get(m) ?? 0, purchases: (m) => purchases.get(m) ?? 0 };
}
