import { AGING_BUCKETS, type AgingBucket } from '../../../shared/reports/types';
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
  const rows = db
    .prepare(
      `SELECT l.id AS lineId, l.move_id AS moveId, l.move_name AS moveName, l.date AS date,
              COALESCE(l.date_maturity, l.date) AS dueDate, l.partner_id AS partnerId, l.partner_name AS partnerName,
              l.balance
                - COALESCE((SELECT SUM(p.amount) FROM odoo_partial_reconcile p
                             WHERE p.sync_company_id = l.sync_company_id AND p.debit_move_id = l.id AND p.max_date <= @asOf), 0)
                + COALESCE((SELECT SUM(p.amount) FROM odoo_partial_reconcile p
                             WHERE p.sync_company_id = l.sync_company_id AND p.credit_move_id = l.id AND p.max_date <= @asOf), 0) AS residual
         FROM odoo_move_line l
         JOIN odoo_account a ON a.sync_company_id = l.sync_company_id AND a.id = l.account_id
        WHERE l.sync_company_id = @company AND l.company_id = @company AND l.parent_state = 'posted'
          AND l.date <= @asOf AND a.account_type = @accountType`,
    )
    .all({ company: companyId, asOf, accountType }) as Omit<OpenItem, 'bucket'>[];
  const buckets = Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0])) as Record<AgingBucket, number>;
  const items: OpenItem[] = [];
  let total = 0;
  for (const row of rows) {
    if (row.residual === 0) continue;
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
    .prepare(
      `SELECT substr(invoice_date, 1, 7) AS month, move_type AS type, SUM(amount_total_signed) AS total
         FROM odoo_move
        WHERE sync_company_id = ? AND company_id = ? AND state = 'posted' AND invoice_date <= ?
          AND move_type IN ('out_invoice', 'out_refund', 'in_invoice', 'in_refund')
        GROUP BY month, move_type`,
    )
    .all(companyId, companyId, lastDay) as { month: MonthKey; type: string; total: number }[];
  const sales = new Map<MonthKey, number>();
  const purchases = new Map<MonthKey, number>();
  for (const row of rows) {
    // amount_total_signed: + for out_invoice/in_refund, − for out_refund/in_invoice (odoo-api.md §7.1).
    if (row.type.startsWith('out_')) sales.set(row.month, (sales.get(row.month) ?? 0) + row.total);
    else purchases.set(row.month, (purchases.get(row.month) ?? 0) - row.total);
  }
  return { creditSales: (m) => sales.get(m) ?? 0, purchases: (m) => purchases.get(m) ?? 0 };
}
