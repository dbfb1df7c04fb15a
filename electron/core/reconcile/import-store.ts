/**
 * Persisting imports in the cache's user tables: one batch row per file (recognised by SHA-256),
 * canonical records upserted by their natural keys so a repeated or overlapping export updates
 * instead of duplicating. Everything for one file is written in one transaction.
 */
import type Database from 'better-sqlite3';
import { normalizeOrderKey } from '../../../shared/reconcile/keys';
import type { Payout, SettlementLine, ShopOrder } from '../../../shared/reconcile/types';
import type { Clock } from '../clock';
import type { ImportResult, RejectedRow } from '../importers/import-file';

/** What storing one import did. */
export interface StoredImport {
  batchId: number;
  /** True when a file with the same SHA-256 was imported before (nothing was written). */
  duplicate: boolean;
  inserted: number;
  updated: number;
}

/** A recorded import batch. */
export interface ImportBatchRow {
  id: number;
  fileName: string;
  sha256: string;
  format: string;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rejected: RejectedRow[];
  recordsInserted: number;
  recordsUpdated: number;
  importedAt: string;
  importedBy: string | null;
}

/** Stores one parsed file. Idempotent: the same bytes twice change nothing. */
export function storeImport(db: Database.Database, result: ImportResult, clock: Clock, importedBy?: string): StoredImport {
  const existing = db.prepare('SELECT id FROM app_import_batch WHERE sha256 = ?').get(result.sha256) as { id: number } | undefined;
  if (existing) return { batchId: existing.id, duplicate: true, inserted: 0, updated: 0 };
  const now = clock.now().toISOString();
  const insertBatch = db.prepare(`
    INSERT INTO app_import_batch (file_name, sha256, format, size_bytes, encoding, rows_read, rows_imported, rows_rejected,
      rejected_json, records_inserted, records_updated, imported_at, imported_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)`);
  const upsertOrder = db.prepare(`
    INSERT INTO app_shop_order (channel, order_key, order_key_norm, created_local_date, currency, total, data_json, batch_id, updated_at)
    VALUES (@channel, @orderKey, @norm, @date, @currency, @total, @json, @batch, @now)
    ON CONFLICT (channel, order_key) DO UPDATE SET order_key_norm = excluded.order_key_norm, created_local_date = excluded.created_local_date,
      currency = excluded.currency, total = excluded.total, data_json = excluded.data_json, batch_id = excluded.batch_id, updated_at = excluded.updated_at`);
  const upsertLine = db.prepare(`
    INSERT INTO app_settlement_line (source, line_id, order_key, kind, occurred_local_date, currency, gross, data_json, batch_id, updated_at)
    VALUES (@source, @lineId, @orderKey, @kind, @date, @currency, @gross, @json, @batch, @now)
    ON CONFLICT (source, line_id) DO UPDATE SET order_key = excluded.order_key, kind = excluded.kind, occurred_local_date = excluded.occurred_local_date,
      currency = excluded.currency, gross = excluded.gross, data_json = excluded.data_json, batch_id = excluded.batch_id, updated_at = excluded.updated_at`);
  const upsertPayout = db.prepare(`
    INSERT INTO app_payout (source, payout_key, payout_date, currency, total, data_json, batch_id, updated_at)
    VALUES (@source, @payoutKey, @date, @currency, @total, @json, @batch, @now)
    ON CONFLICT (source, payout_key) DO UPDATE SET payout_date = excluded.payout_date, currency = excluded.currency, total = excluded.total,
      data_json = excluded.data_json, batch_id = excluded.batch_id, updated_at = excluded.updated_at`);
  const orderExists = db.prepare('SELECT 1 FROM app_shop_order WHERE channel = ? AND order_key = ?').pluck();
  const lineExists = db.prepare('SELECT 1 FROM app_settlement_line WHERE source = ? AND line_id = ?').pluck();
  const payoutExists = db.prepare('SELECT 1 FROM app_payout WHERE source = ? AND payout_key = ?').pluck();

  return db.transaction((): StoredImport => {
    const batchId = Number(
      insertBatch.run(result.fileName, result.sha256, result.format, result.sizeBytes, result.encoding, result.rowsRead, result.rowsImported,
        result.rowsRejected, JSON.stringify(result.rejected), now, importedBy ?? null).lastInsertRowid,
    );
    let inserted = 0;
    let updated = 0;
    const count = (existed: unknown) => (existed ? (updated += 1) : (inserted += 1));
    for (const order of result.records.shopOrders) {
      count(orderExists.get(order.channel, order.orderKey));
      upsertOrder.run({ channel: order.channel, orderKey: order.orderKey, norm: normalizeOrderKey(order.orderKey), date: order.createdLocalDate,
        currency: order.currency, total: order.total, json: JSON.stringify(order), batch: batchId, now });
    }
    for (const line of result.records.settlementLines) {
      count(lineExists.get(line.source, line.lineId));
      upsertLine.run({ source: line.source, lineId: line.lineId, orderKey: line.orderKey, kind: line.kind, date: line.occurredLocalDate,
        currency: line.currency, gross: line.gross, json: JSON.stringify(line), batch: batchId, now });
    }
    for (const payout of result.records.payouts) {
      count(payoutExists.get(payout.source, payout.payoutKey));
      upsertPayout.run({ source: payout.source, payoutKey: payout.payoutKey, date: payout.payoutDate, currency: payout.currency,
        total: payout.total, json: JSON.stringify(payout), batch: batchId, now });
    }
    db.prepare('UPDATE app_import_batch SET records_inserted = ?, records_updated = ? WHERE id = ?').run(inserted, updated, batchId);
    return { batchId, duplicate: false, inserted, updated };
  })();
}

/** Imported records whose own date falls in [from, to] (inclusive `YYYY-MM-DD`). */
export function loadImported(db: Database.Database, from: string, to: string): { shopOrders: ShopOrder[]; settlementLines: SettlementLine[]; payouts: Payout[] } {
  const parse = <T>(rows: unknown[]): T[] => rows.map((row) => JSON.parse(String(row)) as T);
  return {
    shopOrders: parse<ShopOrder>(db.prepare('SELECT data_json FROM app_shop_order WHERE created_local_date BETWEEN ? AND ? ORDER BY channel, order_key').pluck().all(from, to)),
    settlementLines: parse<SettlementLine>(db.prepare('SELECT data_json FROM app_settlement_line WHERE occurred_local_date BETWEEN ? AND ? ORDER BY source, line_id').pluck().all(from, to)),
    payouts: parse<Payout>(db.prepare('SELECT data_json FROM app_payout WHERE payout_date BETWEEN ? AND ? ORDER BY source, payout_key').pluck().all(from, to)),
  };
}

/** Every recorded import, newest first. */
export function listImports(db: Database.Database): ImportBatchRow[] {
  const rows = db.prepare('SELECT * FROM app_import_batch ORDER BY id DESC').all() as Array<Record<string, unknown>>;
  return rows.map((row) => ({
    id: Number(row.id),
    fileName: String(row.file_name),
    sha256: String(row.sha256),
    format: String(row.format),
    rowsRead: Number(row.rows_read),
    rowsImported: Number(row.rows_imported),
    rowsRejected: Number(row.rows_rejected),
    rejected: JSON.parse(String(row.rejected_json)) as RejectedRow[],
    recordsInserted: Number(row.records_inserted),
    recordsUpdated: Number(row.records_updated),
    importedAt: String(row.imported_at),
    importedBy: row.imported_by === null ? null : String(row.imported_by),
  }));
}
