import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardPackDocument } from '../../../shared/boardpack/model';
import { AppError } from '../../../shared/rpc/errors';
import { openCache } from '../db/open';
import { silentLogger } from '../logging/logger';
import { seedTwoCompanyGroup } from '../reports/test-fixture';
import { buildPackDocument, buildPackReport, exportBoardPack, packReconciliation } from './export-pack';
import { saveCommentary } from './pack-store';
import { closePackSource, openPackSource } from './pack-source';
import { resolvePackTarget, type PackCompanies } from './pack-target';

const MONTH = '2025-03';

/**
 * Adds a third company (id 3, "NL BV", EUR) to the two-company fixture: a copy of company 1's synced
 * rows under its own sync scope and company id, with its own partner, so the group has three
 * members and companies 1 and 2 are untouched.
 */
function addThirdCompany(db: Database.Database): void {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'odoo\\_%' ESCAPE '\\'").all().map((t) => t.name);
  for (const table of tables) {
    const columns = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all().map((c) => c.name);
    if (!columns.includes('sync_company_id')) continue;
    const select = columns.map((c) => (c === 'sync_company_id' ? '3' : c === 'company_id' ? 'CASE company_id WHEN 1 THEN 3 ELSE company_id END' : c));
    db.prepare(`INSERT INTO ${table} (${columns.join(',')}) SELECT ${select.join(',')} FROM ${table} WHERE sync_company_id = 1`).run();
  }
  db.prepare("UPDATE odoo_company SET id = 3, name = 'NL BV', partner_id = 103 WHERE sync_company_id = 3 AND id = 1").run();
  db.prepare("INSERT INTO odoo_company (sync_company_id, id, name, currency_id, currency_name, partner_id, fiscalyear_last_month) SELECT sync_company_id, 3, 'NL BV', 126, 'EUR', 103, 12 FROM odoo_company WHERE id = 2 AND sync_company_id IN (1, 2)").run();
}

function seedCache(path: string, third: boolean): void {
  const cache = openCache(path, { logger: silentLogger });
  seedTwoCompanyGroup(cache.db);
  if (third) addThirdCompany(cache.db);
  cache.db.prepare("INSERT INTO sync_run (started_at, finished_at, status, full, companies) VALUES ('2025-04-02 05:00:00', '2025-04-02 05:10:00', 'ok', 1, ?)").run(third ? '1,2,3' : '1,2');
  cache.close();
}

function packOf(cacheFile: string, companies: PackCompanies): BoardPackDocument {
  const source = openPackSource(cacheFile, MONTH, silentLogger);
  try {
    const { target, report } = buildPackReport(source, MONTH, companies, 'EUR');
    const reconciliation = packReconciliation(source, MONTH, 'board', target);
    return buildPackDocument(source, report, { month: MONTH, scope: target, template: 'board', ...(reconciliation ? { reconciliation } : {}) });
  } finally {
    closePackSource(source);
  }
}

/** The figures of a pack: every section's blocks (tables, tiles, charts), without the cover's identity. */
const figures = (doc: BoardPackDocument) => JSON.stringify(doc.sections.filter((section) => section.id !== 'cover'));

let dir: string;
let twoCompanies: string;
let threeCompanies: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-subset-'));
  twoCompanies = join(dir, 'two.sqlite');
  threeCompanies = join(dir, 'three.sqlite');
  seedCache(twoCompanies, false);
  seedCache(threeCompanies, true);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('board pack for a subset of companies', () => {
  it('resolves requests: one company is that company, every company is the group, unknown ids are refused by name', () => {
    expect(resolvePackTarget([1, 2, 3], [2])).toEqual({ kind: 'company', companyId: 2 });
    expect(resolvePackTarget([1, 2, 3], [3, 1, 3])).toEqual({ kind: 'subset', companyIds: [1, 3] });
    expect(resolvePackTarget([1, 2, 3], [3, 2, 1])).toEqual({ kind: 'consolidated' });
    expect(() => resolvePackTarget([1, 2, 3], [1, 7])).toThrow(AppError);
    expect(() => resolvePackTarget([1, 2, 3], [1, 7])).toThrow(/Company 7 is not in this cache/);
  });

  it('a subset of one company is that company\'s pack, figure for figure', () => {
    const single = packOf(threeCompanies, 2);
    const subset = packOf(threeCompanies, [2]);
    expect(subset.entityLabel).toBe('UK Ltd');
    expect(figures(subset)).toBe(figures(single));
  });

  it('two of three companies consolidate exactly those two: the same figures as the group of a cache holding only them', () => {
    const subset = packOf(threeCompanies, [1, 2]);
    const groupOfTwo = packOf(twoCompanies, 'all');
    const wholeGroup = packOf(threeCompanies, 'all');
    expect(subset.entityLabel).toBe('Consolidated: EU GmbH, UK Ltd (2 of 3 companies)');
    expect(figures(subset)).toBe(figures(groupOfTwo));
    // The third company really changes the group's figures, so the subset did leave it out.
    expect(figures(wholeGroup)).not.toBe(figures(groupOfTwo));
    expect(wholeGroup.entityLabel).toMatch(/EU GmbH, UK Ltd, NL BV/);
  });

  it('keeps a subset\'s commentary apart from the group\'s and names the files after the companies', async () => {
    const writable = openCache(threeCompanies, { logger: silentLogger });
    saveCommentary(writable.db, { month: MONTH, scope: { kind: 'subset', companyIds: [1, 2] }, section: 'pnl', text: 'EU and UK only.', at: '2025-04-02T08:00:00Z' });
    writable.close();
    const pnlCommentary = (doc: BoardPackDocument) => {
      const block = doc.sections.find((section) => section.id === 'pnl')?.blocks.find((candidate) => candidate.type === 'commentary');
      return block?.type === 'commentary' ? block.text : null;
    };
    expect(pnlCommentary(packOf(threeCompanies, [2, 1]))).toBe('EU and UK only.');
    expect(pnlCommentary(packOf(threeCompanies, 'all'))).toBeNull();

    const files = await exportBoardPack({ cacheFile: threeCompanies, month: MONTH, company: [1, 2], currency: 'EUR', template: 'board', formats: ['xlsx'], outDir: join(dir, 'out'), logger: silentLogger });
    expect(files.map((file) => file.path)).toEqual([join(dir, 'out', `boardpack-board-companies-1-2-${MONTH}.xlsx`)]);
  });
});
