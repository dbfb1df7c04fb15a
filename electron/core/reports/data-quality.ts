import { monthEnd, monthStart, type MonthKey } from '../../../shared/period/period';
import { formatAmount } from '../../../shared/boardpack/format';
import type { DataQualityFinding, IntercompanyPair } from '../../../shared/reports/types';
import type { CompanyInfo, ReadonlyDb, SkippedModels } from './context';

const SAMPLE = 20;

function finding(
  base: Omit<DataQualityFinding, 'count' | 'sampleIds'>,
  ids: number[],
): DataQualityFinding | null {
  return ids.length === 0 ? null : { ...base, count: ids.length, sampleIds: ids.slice(0, SAMPLE) };
}

function ids(db: ReadonlyDb, sql: string, ...params: unknown[]): number[] {
  return db
    .prepare<unknown[], { id: number }>(sql)
    .all(...params)
    .map((r) => r.id);
}

/** Subtracts days from a YYYY-MM-DD date. */
function minusDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) - days)).toISOString().slice(0, 10);
}

/**
 * The data-quality checks run with every report (they feed the board pack's "final" gate):
 * unposted entries dated in the month, unbalanced posted entries, accounts that need a mapping,
 * draft invoices older than `staleDays` at month-end, negative stock, models the sync skipped.
 */
export function companyDataQuality(db: ReadonlyDb, company: CompanyInfo, month: MonthKey, staleDays: number, skipped: SkippedModels): DataQualityFinding[] {
  const c = company.id;
  const start = monthStart(month);
  const end = monthEnd(month);
  const found: (DataQualityFinding | null)[] = [];
  found.push(
    finding(
      { code: 'unposted_entries', severity: 'error', companyId: c, model: 'account.move', message: `${company.name}: draft journal entries dated in ${month} are not in the figures; post or delete them.` },
      ids(db, "SELECT id FROM odoo_move WHERE sync_company_id = ? AND company_id = ? AND state = 'draft' AND date BETWEEN ? AND ? ORDER BY id", c, c, start, end),
    ),
  );
  found.push(
    finding(
      { code: 'unbalanced_entry', severity: 'error', companyId: c, model: 'account.move', message: `${company.name}: posted entries whose debits and credits differ.` },
      ids(
        db,
        // Served by the covering ledger index (migration 0006): the move's lines are read from the index alone.
        `SELECT move_id AS id FROM odoo_move_line WHERE sync_company_id = ? AND company_id = ? AND parent_state = 'posted' AND date <= ?
          GROUP BY move_id HAVING SUM(balance) <> 0 ORDER BY move_id`,
        c,
        c,
        end,
      ),
    ),
  );
  const needsMapping = [...company.accounts.values()].filter((a) => a.needsMapping).map((a) => a.id);
  if (needsMapping.length > 0) {
    found.push(
      finding(
        {
          code: 'unmapped_account',
          severity: 'warning',
          companyId: c,
          model: 'account.account',
          message: `${company.name}: accounts used this fiscal year whose type does not say whether they are FX, interest, tax or fees; map them in Settings → Account mapping (or \`boardpack mapping set\`) so EBITDA is right.`,
        },
        ids(
          db,
          `SELECT DISTINCT account_id AS id FROM odoo_move_line WHERE sync_company_id = ? AND company_id = ? AND parent_state = 'posted'
            AND date BETWEEN ? AND ? AND account_id IN (SELECT value FROM json_each(?)) ORDER BY account_id`,
          c,
          c,
          minusDays(end, 365),
          end,
          JSON.stringify(needsMapping),
        ),
      ),
    );
  }
  found.push(
    finding(
      { code: 'stale_draft_invoice', severity: 'warning', companyId: c, model: 'account.move', message: `${company.name}: draft invoices or bills older than ${staleDays} days at month-end.` },
      ids(
        db,
        `SELECT id FROM odoo_move WHERE sync_company_id = ? AND company_id = ? AND state = 'draft' AND move_type <> 'entry'
          AND COALESCE(invoice_date, date) < ? ORDER BY id`,
        c,
        c,
        minusDays(end, staleDays),
      ),
    ),
  );
  found.push(
    finding(
      { code: 'negative_stock', severity: 'warning', companyId: c, model: 'stock.quant', message: `${company.name}: negative on-hand quantities in internal locations.` },
      ids(
        db,
        `SELECT q.id FROM odoo_quant q JOIN odoo_location l ON l.sync_company_id = q.sync_company_id AND l.id = q.location_id
          WHERE q.sync_company_id = ? AND q.company_id = ? AND l.usage = 'internal' AND q.quantity < 0 ORDER BY q.id`,
        c,
        c,
      ),
    ),
  );
  for (const [model, reason] of skipped) {
    found.push({ code: 'model_not_synced', severity: 'warning', companyId: c, model, message: `${company.name}: ${model} was not synced (${reason}); KPIs that need it are unavailable.`, count: 1, sampleIds: [] });
  }
  return found.filter((f): f is DataQualityFinding => f !== null);
}

/** A difference in words: "1,151.98 EUR" (magnitude, currency decimals, en separators like the exports), or "unknown" without a rate. */
function differenceText(minor: number | null, currency: string, decimals: number): string {
  if (minor === null) return 'an unknown amount (no FX rate)';
  return `${formatAmount(Math.abs(minor), { scale: 'units', currencyDecimals: decimals })} ${currency}`;
}

/**
 * The intercompany-mismatch message, naming both companies and giving the differences as amounts
 * of the presentation currency: "Intercompany EU GmbH → UK Ltd: revenue differs from the buyer's cost by 1,151.98 EUR …".
 */
export function intercompanyMismatchMessage(pair: IntercompanyPair, companyName: (id: number) => string, currency: string, decimals: number): string {
  const zero = (minor: number | null): boolean => minor === 0;
  const parts: string[] = [];
  if (!zero(pair.revenueDifference)) parts.push(`revenue differs from the buyer's cost by ${differenceText(pair.revenueDifference, currency, decimals)}`);
  if (!zero(pair.balanceDifference)) parts.push(`the receivable differs from the buyer's payable by ${differenceText(pair.balanceDifference, currency, decimals)}`);
  return `Intercompany ${companyName(pair.sellerCompanyId)} → ${companyName(pair.buyerCompanyId)}: ${parts.join(' and ')} before elimination; check that both sides booked the same invoice.`;
}
