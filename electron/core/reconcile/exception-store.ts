/**
 * The exceptions workflow: every exception category of every reconciled record gets a row in
 * app_recon_exception (first/last seen), and a person can resolve or ignore it with a note. The
 * decision is keyed by (record, category), so it survives re-imports and re-syncs, and a new kind
 * of problem on the same order opens a new exception instead of hiding under an old decision.
 */
import type Database from 'better-sqlite3';
import type { CategoryCode } from '../../../shared/reconcile/categories';
import { severityOf } from '../../../shared/reconcile/categories';
import type { RecordResult } from '../../../shared/reconcile/result';
import type { ExceptionStatus } from '../../../shared/reconcile/summary';
import { AppError } from '../../../shared/rpc/errors';
import type { Clock } from '../clock';

/** One stored exception with its decision. */
export interface ExceptionRow {
  recordKey: string;
  category: string;
  channel: string;
  month: string;
  status: ExceptionStatus;
  note: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
}

function toRow(row: Record<string, unknown>): ExceptionRow {
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return {
    recordKey: String(row.record_key),
    category: String(row.category),
    channel: String(row.channel),
    month: String(row.month),
    status: String(row.status) === 'resolved' ? 'resolved' : String(row.status) === 'ignored' ? 'ignored' : 'open',
    note: text(row.note),
    decidedBy: text(row.decided_by),
    decidedAt: text(row.decided_at),
    firstSeenAt: String(row.first_seen_at),
    lastSeenAt: String(row.last_seen_at),
  };
}

/**
 * Records the exceptions of a run (new ones open, known ones keep their decision) and returns every
 * decision by key. With `month` (the run covered that whole month), open rows of the month this run
 * no longer reports are removed: a changed channel rule or a corrected Odoo document clears them.
 * Decided rows stay, they hold a person's note.
 */
export function recordExceptions(db: Database.Database, records: readonly RecordResult[], clock: Clock, month?: string): Map<string, ExceptionStatus> {
  const now = clock.now().toISOString();
  const upsert = db.prepare(`
    INSERT INTO app_recon_exception (record_key, category, channel, month, status, first_seen_at, last_seen_at, summary_json)
    VALUES (?, ?, ?, ?, 'open', ?, ?, ?)
    ON CONFLICT (record_key, category) DO UPDATE SET channel = excluded.channel, month = excluded.month,
      last_seen_at = excluded.last_seen_at, summary_json = excluded.summary_json`);
  db.transaction(() => {
    for (const record of records) {
      for (const category of record.categories) {
        if (severityOf(category) !== 'exception') continue;
        const summary = { sourceRef: record.sourceRef, saleOrders: record.saleOrders, invoices: record.invoices, currency: record.currency,
          shopAmount: record.shopAmount, odooAmount: record.odooAmount, difference: record.difference, explanation: record.explanation };
        upsert.run(record.recordKey, category, record.channel, record.month, now, now, JSON.stringify(summary));
      }
    }
    if (month !== undefined) pruneOpen(db, month, records);
  })();
  return loadDecisions(db);
}

function pruneOpen(db: Database.Database, month: string, records: readonly RecordResult[]): void {
  const current = new Set(records.flatMap((record) => record.categories.map((category) => decisionKey(record.recordKey, category))));
  const open = db.prepare("SELECT record_key, category FROM app_recon_exception WHERE month = ? AND status = 'open'").all(month) as Array<{ record_key: string; category: string }>;
  const remove = db.prepare('DELETE FROM app_recon_exception WHERE record_key = ? AND category = ?');
  for (const row of open) if (!current.has(decisionKey(row.record_key, row.category))) remove.run(row.record_key, row.category);
}

/** Every decision, keyed `recordKey\u0000category`. */
export function loadDecisions(db: Database.Database): Map<string, ExceptionStatus> {
  const rows = db.prepare('SELECT record_key, category, status FROM app_recon_exception').all() as Array<Record<string, unknown>>;
  return new Map(rows.map((row) => [decisionKey(String(row.record_key), String(row.category)), toRow({ ...row, channel: '', month: '', first_seen_at: '', last_seen_at: '' }).status]));
}

/** Key of the decision map. */
export function decisionKey(recordKey: string, category: CategoryCode | string): string {
  return `${recordKey}\u0000${category}`;
}

/** What a person decides. */
export interface Decision {
  recordKey: string;
  /** One category, or all exception categories of the record when omitted. */
  category?: string;
  status: ExceptionStatus;
  note: string;
  who: string;
}

/** Resolves, ignores or re-opens exceptions. A note and a name are required to close one. */
export function decideException(db: Database.Database, decision: Decision, clock: Clock): ExceptionRow[] {
  if (decision.status !== 'open' && decision.note.trim() === '') {
    throw new AppError('validation', 'a note is required to resolve or ignore an exception', { hint: 'Say what was done or why it can be ignored (--note).' });
  }
  if (decision.status !== 'open' && decision.who.trim() === '') throw new AppError('validation', 'who decided is required (--who)');
  const where = decision.category ? 'record_key = ? AND category = ?' : 'record_key = ?';
  const args = decision.category ? [decision.recordKey, decision.category] : [decision.recordKey];
  const found = db.prepare(`SELECT * FROM app_recon_exception WHERE ${where}`).all(...args) as Array<Record<string, unknown>>;
  if (found.length === 0) {
    throw new AppError('not_found', `no exception ${decision.recordKey}${decision.category ? ` / ${decision.category}` : ''}`, {
      hint: 'Run `boardpack reconcile` for the month first; record keys look like shopify:#1041 or odoo:S00256.',
    });
  }
  const now = clock.now().toISOString();
  const open = decision.status === 'open';
  db.prepare(`UPDATE app_recon_exception SET status = ?, note = ?, decided_by = ?, decided_at = ? WHERE ${where}`)
    .run(decision.status, open ? null : decision.note.trim(), open ? null : decision.who.trim(), open ? null : now, ...args);
  return (db.prepare(`SELECT * FROM app_recon_exception WHERE ${where} ORDER BY category`).all(...args) as Array<Record<string, unknown>>).map(toRow);
}

/** Stored exceptions, optionally for one month and/or status. */
export function listExceptions(db: Database.Database, filter: { month?: string; status?: ExceptionStatus } = {}): ExceptionRow[] {
  const clauses: string[] = [];
  const args: string[] = [];
  if (filter.month) {
    clauses.push('month = ?');
    args.push(filter.month);
  }
  if (filter.status) {
    clauses.push('status = ?');
    args.push(filter.status);
  }
  const sql = `SELECT * FROM app_recon_exception ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY month, channel, record_key, category`;
  return (db.prepare(sql).all(...args) as Array<Record<string, unknown>>).map(toRow);
}
