/**
 * `boardpack import budget`: reads a budget file (CSV/TSV/XLSX, see budget-rows.ts for the
 * columns) into app_budget. Every row read is imported or rejected with its line and a reason.
 * The file name identifies the import: importing a file of the same name again replaces the rows
 * of the earlier import (never duplicates); a (company, KPI/account, month) already budgeted by
 * another file takes this file's amount. All writes happen in one transaction, so a failure
 * leaves the stored budget as it was.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { systemClock, type Clock } from '../../clock';
import { classifyAccounts, loadAccountMappings, type ClassifiedAccount } from '../../reports/classification';
import { budgetKpiOfPrefix } from '../../reports/budget';
import { RowRejection } from '../cell-values';
import { BUDGET_COLUMNS, parseBudgetRow, type AccountKpiResolver, type BudgetLine } from './budget-rows';
import { loadCompanyDirectory } from './company-directory';
import { assertAccounted, type ImportOutcome } from './import-outcome';
import { locateColumns, readTableFile } from './table-file';

/** Options of a budget import. */
export interface ImportBudgetOptions {
  clock?: Clock;
  signal?: AbortSignal;
}

const DESCRIBE =
  'A budget file needs the columns company, month, amount and one of kpi / account / account_or_kpi (one amount per row, month as YYYY-MM).';

function accountResolver(db: Database.Database): AccountKpiResolver {
  const charts = new Map<number, ClassifiedAccount[]>();
  return (companyId, codePrefix) => {
    let chart = charts.get(companyId);
    if (!chart) {
      chart = [...classifyAccounts(db, companyId, loadAccountMappings(db, companyId), []).values()];
      charts.set(companyId, chart);
    }
    const kpi = budgetKpiOfPrefix(chart, codePrefix);
    if (kpi === 'ambiguous') throw new RowRejection(`account "${codePrefix}" covers accounts of more than one KPI (revenue, COGS, opex); use a longer account code`);
    if (kpi === null) {
      const any = chart.some((a) => a.code.startsWith(codePrefix));
      throw new RowRejection(
        any
          ? `account "${codePrefix}" is not a revenue, COGS or operating-expense account of company ${companyId}; budget it by KPI instead`
          : `account "${codePrefix}" matches no account code of company ${companyId}`,
      );
    }
    return kpi;
  };
}

/** Imports one budget file into the cache's app_budget (the cache must be open writable). */
export async function importBudgetFile(db: Database.Database, path: string, options: ImportBudgetOptions = {}): Promise<ImportOutcome> {
  const file = await readTableFile(path, options.signal);
  const columns = locateColumns(file, BUDGET_COLUMNS, DESCRIBE);
  if (columns('kpi') === undefined && columns('account') === undefined && columns('line') === undefined) {
    locateColumns(file, { ...BUDGET_COLUMNS, account_or_kpi: { aliases: BUDGET_COLUMNS.line.aliases, required: true } }, DESCRIBE);
  }
  const companies = loadCompanyDirectory(db);
  const accountKpi = accountResolver(db);
  const rejected: ImportOutcome['rejected'] = [];
  const accepted: BudgetLine[] = [];
  const firstLineOfKey = new Map<string, number>();
  for (const row of file.rows) {
    try {
      const line = parseBudgetRow(row, columns, companies, accountKpi, file.decimalComma);
      const key = `${line.companyId}|${line.targetKind}|${line.target}|${line.month}`;
      const earlier = firstLineOfKey.get(key);
      if (earlier !== undefined) throw new RowRejection(`same company, ${line.targetKind} "${line.target}" and month ${line.month} as line ${earlier}; keep one row per month`);
      firstLineOfKey.set(key, line.line);
      accepted.push(line);
    } catch (error) {
      if (!(error instanceof RowRejection)) throw error;
      rejected.push({ line: row.line, reason: error.message });
    }
  }

  let replaced = 0;
  // With no usable row, keep what an earlier import stored rather than replacing it by nothing.
  if (accepted.length > 0) {
    const importedAt = (options.clock ?? systemClock).now().toISOString();
    const batchId = randomUUID();
    const removeSameFile = db.prepare<[string]>('DELETE FROM app_budget WHERE source_file = ?');
    const overridden = db.prepare<[number, string, string, string], { n: number }>(
      'SELECT COUNT(*) AS n FROM app_budget WHERE company_id = ? AND target_kind = ? AND target = ? AND month = ?',
    );
    const upsert = db.prepare<[string, number, string, string, string, number, string, number, string]>(
      `INSERT INTO app_budget (batch_id, company_id, target_kind, target, month, amount, source_file, source_line, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (company_id, target_kind, target, month) DO UPDATE SET
         batch_id = excluded.batch_id, amount = excluded.amount, source_file = excluded.source_file,
         source_line = excluded.source_line, imported_at = excluded.imported_at`,
    );
    db.transaction(() => {
      replaced += removeSameFile.run(file.fileName).changes;
      for (const l of accepted) {
        replaced += overridden.get(l.companyId, l.targetKind, l.target, l.month)?.n ?? 0;
        upsert.run(batchId, l.companyId, l.targetKind, l.target, l.month, l.amount, file.fileName, l.line, importedAt);
      }
    })();
  }
  const outcome: ImportOutcome = { file: file.fileName, kind: 'budget', read: file.rows.length, imported: accepted.length, rejected, replaced };
  assertAccounted(outcome);
  return outcome;
}
