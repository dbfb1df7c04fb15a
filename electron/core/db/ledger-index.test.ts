import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { openCache } from './open';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-ledger-index-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const plan = (db: { prepare(sql: string): { all(...args: unknown[]): unknown[] } }, sql: string, ...args: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');

describe('migration 0006: covering index of the posted ledger', () => {
  it('serves the ledger fold, the revenue scan and the unbalanced-entry check from the index alone', () => {
    const cache = openCache(join(dir, 'c.sqlite'), { logger: silentLogger });
    const ledger = plan(cache.db, `SELECT account_id, date, SUM(balance), MAX(display_type = 'cogs') FROM odoo_move_line
      WHERE sync_company_id = ? AND company_id = ? AND parent_state = 'posted' AND date <= ? GROUP BY date, account_id`, 1, 1, '2026-01-31');
    expect(ledger).toContain('COVERING INDEX odoo_move_line_ledger');
    // Grouped in index order: no temporary sort of the ledger.
    expect(ledger).not.toContain('TEMP B-TREE');
    const revenue = plan(cache.db, `SELECT substr(date, 1, 7), move_id, partner_id, MAX(partner_name), SUM(balance) FROM odoo_move_line
      WHERE sync_company_id = ? AND company_id = ? AND parent_state = 'posted' AND date BETWEEN ? AND ? AND account_id IN (SELECT value FROM json_each(?))
      GROUP BY 1, move_id, partner_id`, 1, 1, '2025-01-01', '2026-01-31', '[1]');
    expect(revenue).toContain('COVERING INDEX odoo_move_line_ledger');
    const unbalanced = plan(cache.db, `SELECT move_id FROM odoo_move_line WHERE sync_company_id = ? AND company_id = ? AND parent_state = 'posted' AND date <= ?
      GROUP BY move_id HAVING SUM(balance) <> 0`, 1, 1, '2026-01-31');
    expect(unbalanced).toContain('COVERING INDEX odoo_move_line_ledger');
    cache.close();
  });
});
