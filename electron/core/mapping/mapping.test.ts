import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RpcEvent } from '../../../shared/rpc/envelope';
import type { InputOf, MethodName, OutputOf } from '../../../shared/rpc/contract';
import type { Contract } from '../../../shared/rpc/contract';
import { fixedClock } from '../clock';
import { openCache } from '../db/open';
import { createCore, type Core } from '../index';
import { silentLogger } from '../logging/logger';
import { buildReport } from '../reports/index';
import { seedTwoCompanyGroup } from '../reports/test-fixture';
import { createMemorySecretStore } from '../secrets';
import { closeSnapshot, openSnapshot } from '../snapshot/snapshot-file';
import { createProfileStore } from '../workspace/profile-store';

const PROFILE = 'fixture';
const MONTH = '2025-03';

let dataDir: string;
let cacheFile: string;
let core: Core;
let events: RpcEvent[];

/** The fixture group plus two accounts a real chart often has: an interest account Odoo typed as plain
 * expense (so it sits in EBITDA) and a loan-interest account typed expense_other (ambiguous). */
function seed(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const cache = openCache(file, { logger: silentLogger });
  const db = cache.db;
  seedTwoCompanyGroup(db);
  const account = db.prepare('INSERT INTO odoo_account (sync_company_id, id, code, name, account_type, active) VALUES (1, ?, ?, ?, ?, 1)');
  account.run(31, '661000', 'Bank interest and charges', 'expense');
  account.run(32, '642000', 'Loan interest', 'expense_other');
  // An account type the reports do not know (a localisation's own type, or none synced).
  account.run(33, '790000', 'Suspense', null);
  const move = db.prepare("INSERT INTO odoo_move (sync_company_id, id, name, date, state, move_type, company_id) VALUES (1, ?, ?, ?, 'posted', 'entry', 1)");
  const line = db.prepare(
    "INSERT INTO odoo_move_line (sync_company_id, id, move_id, move_name, date, parent_state, company_id, account_id, balance, debit, credit) VALUES (1, ?, ?, ?, ?, 'posted', 1, ?, ?, ?, ?)",
  );
  const post = (moveId: number, date: string, accountId: number, amount: number) => {
    move.run(moveId, `X${moveId}`, date);
    line.run(moveId * 10, moveId, `X${moveId}`, date, accountId, amount, amount, 0);
    line.run(moveId * 10 + 1, moveId, `X${moveId}`, date, 1, -amount, 0, amount);
  };
  post(901, '2025-03-28', 31, 700);
  post(902, '2025-03-28', 32, 250);
  // A closable cache: one finished sync.
  db.prepare("INSERT INTO sync_run (started_at, finished_at, status, full, companies) VALUES ('2025-04-06T00:00:00Z', '2025-04-06T00:01:00Z', 'ok', 1, '[1,2]')").run();
  cache.close();
}

async function call<K extends MethodName>(method: K, params: InputOf<Contract, K>): Promise<OutputOf<Contract, K>> {
  const response = await core.dispatch({ id: 1, method, params });
  if (!response.ok) throw new Error(`${method} failed: ${response.error.code}: ${response.error.message}`);
  return response.value as OutputOf<Contract, K>;
}

async function callError(method: MethodName, params: unknown) {
  const response = await core.dispatch({ id: 1, method, params });
  if (response.ok) throw new Error(`${method} unexpectedly succeeded`);
  return response.error;
}

async function companyFigures() {
  const report = await call('reports.get', { month: MONTH, companies: [1] });
  const company = report.companies.find((c) => c.companyId === 1);
  const row = (key: string) => company?.pnl.find((r) => r.key === key)?.month ?? null;
  return {
    ebitda: company?.kpis.ebitda.month ?? null,
    netResult: row('net_result'),
    interest: row('interest'),
    otherExpense: row('other_expense'),
    unmapped: report.dataQuality.find((f) => f.code === 'unmapped_account' && f.companyId === 1)?.sampleIds ?? [],
  };
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'bp-mapping-'));
  const profiles = createProfileStore(dataDir);
  profiles.upsert({ id: PROFILE, name: 'Fixture', kind: 'odoo', url: 'http://127.0.0.1:9', db: 'fixture', login: null, protocol: 'auto', companies: null, keySavedAt: null }, new Date());
  profiles.setActive(PROFILE);
  cacheFile = profiles.cacheFile(PROFILE);
  seed(cacheFile);
  core = createCore({ dataDir, secrets: createMemorySecretStore(), logger: silentLogger, clock: fixedClock('2025-04-10T09:00:00Z') });
  events = [];
  core.subscribe((event) => events.push(event));
});

afterEach(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('mapping.listAccounts', () => {
  it('lists the chart with the effective category, its source and 12-month posted balances', async () => {
    const listing = await call('mapping.listAccounts', { companyId: 1 });
    expect(listing).toMatchObject({ companyId: 1, companyName: 'EU GmbH', currency: 'EUR', window: { from: '2024-05', to: '2025-04' }, rules: [], inventoryRoles: [], inventorySource: 'detected' });
    const byCode = new Map(listing.accounts.map((a) => [a.code, a]));
    expect(byCode.get('642000')).toMatchObject({ accountType: 'expense_other', category: 'other_expense', bsClass: null, source: 'odoo_type', needsMapping: true, balance: 250 });
    expect(byCode.get('661000')).toMatchObject({ category: 'opex', source: 'odoo_type', needsMapping: false, balance: 700 });
    expect(byCode.get('441000')).toMatchObject({ category: 'other_income', needsMapping: true, balance: 0 });
    // Sales of March 2025 only: the 2024 invoice is outside the window.
    expect(byCode.get('400000')).toMatchObject({ category: 'revenue', balance: -15_000 });
    expect(byCode.get('110100')).toMatchObject({ category: null, bsClass: 'inventory', source: 'detected', sourcePrefix: null });
    expect(listing.categories.find((c) => c.id === 'fx')).toMatchObject({ label: 'FX gains/losses', inEbitda: false });
    expect(listing.accounts.reduce((sum, a) => sum + a.balance, 0)).toBe(0);
  });
});

describe('mapping rules change the reports', () => {
  it('an interest account moved out of opex raises EBITDA by exactly its balance; net result does not move; removing reverts', async () => {
    const before = await companyFigures();
    const preview = await call('mapping.preview', { companyId: 1, codePrefix: '661', category: 'interest' });
    expect(preview).toMatchObject({ changes: [{ code: '661000', from: 'opex', to: 'interest', balance: 700 }], ebitdaDelta: 700, unchanged: 0, balanceSheetIgnored: 0 });

    const listing = await call('mapping.saveRule', { companyId: 1, codePrefix: '661', category: 'interest', note: 'Bank interest is financing' });
    expect(listing.rules).toEqual([expect.objectContaining({ codePrefix: '661', category: 'interest', note: 'Bank interest is financing', accountCount: 1 })]);
    expect(listing.accounts.find((a) => a.code === '661000')).toMatchObject({ category: 'interest', source: 'rule', sourcePrefix: '661' });
    expect(events).toContainEqual({ event: 'workspace.changed', payload: { reason: 'mapping.saved' } });

    const mapped = await companyFigures();
    expect(mapped.ebitda).toBe((before.ebitda ?? 0) + 700);
    expect(mapped.netResult).toBe(before.netResult);
    expect(mapped.interest).toBe((before.interest ?? 0) + 700);

    await call('mapping.removeRule', { companyId: 1, codePrefix: '661' });
    expect(await companyFigures()).toEqual(before);
  });

  it('an expense_other account mapped to interest leaves EBITDA and net result alone and clears its data-quality finding', async () => {
    const before = await companyFigures();
    expect(before.unmapped).toContain(32);
    const preview = await call('mapping.preview', { companyId: 1, codePrefix: '642', category: 'interest' });
    expect(preview).toMatchObject({ changes: [{ code: '642000', from: 'other_expense', to: 'interest' }], ebitdaDelta: 0 });

    const listing = await call('mapping.saveRule', { companyId: 1, codePrefix: '642', category: 'interest' });
    expect(listing.accounts.find((a) => a.code === '642000')).toMatchObject({ category: 'interest', needsMapping: false, source: 'rule' });
    const after = await companyFigures();
    expect(after.ebitda).toBe(before.ebitda);
    expect(after.netResult).toBe(before.netResult);
    expect(after.interest).toBe((before.interest ?? 0) + 250);
    expect(after.otherExpense).toBe((before.otherExpense ?? 0) - 250);
    expect(after.unmapped).not.toContain(32);
  });

  it('the longest prefix wins, and the preview says which accounts a longer rule keeps', async () => {
    await call('mapping.saveRule', { companyId: 1, codePrefix: '661', category: 'interest' });
    const preview = await call('mapping.preview', { companyId: 1, codePrefix: '6', category: 'excluded' });
    // 600000 opex and 642000 other_expense move; 661000 stays with its longer rule.
    expect(preview.changes.map((c) => c.code).sort()).toEqual(['600000', '642000']);
    expect(preview.shadowedByLongerRule).toBe(1);
    expect(preview.ebitdaDelta).toBe(3_000);
    // A P&L rule never moves balance-sheet accounts under its prefix.
    const assets = await call('mapping.preview', { companyId: 1, codePrefix: '1', category: 'excluded' });
    expect(assets).toMatchObject({ changes: [], unchanged: 0, balanceSheetIgnored: 3, ebitdaDelta: 0 });
    // Saving a prefix again replaces its category.
    const replaced = await call('mapping.saveRule', { companyId: 1, codePrefix: '661', category: 'excluded' });
    expect(replaced.rules).toEqual([expect.objectContaining({ codePrefix: '661', category: 'excluded' })]);
  });

  it('an account of unknown type is unclassified until a rule makes it a P&L account', async () => {
    const before = await call('mapping.listAccounts', { companyId: 1 });
    expect(before.accounts.find((a) => a.code === '790000')).toMatchObject({ category: null, bsClass: null, source: 'none', needsMapping: true });
    const after = await call('mapping.saveRule', { companyId: 1, codePrefix: '79', category: 'excluded' });
    expect(after.accounts.find((a) => a.code === '790000')).toMatchObject({ category: 'excluded', bsClass: null, source: 'rule', sourcePrefix: '79', needsMapping: false });
    await call('mapping.removeRule', { companyId: 1, codePrefix: '79' });
    expect(events.filter((e) => e.event === 'workspace.changed').map((e) => e.payload)).toEqual([{ reason: 'mapping.saved' }, { reason: 'mapping.removed' }]);
  });

  it('inventory roles replace detection and can be removed', async () => {
    const saved = await call('mapping.saveInventoryRole', { companyId: 1, codePrefix: '1101' });
    expect(saved.inventorySource).toBe('mapping');
    expect(saved.accounts.find((a) => a.code === '110100')).toMatchObject({ bsClass: 'inventory', source: 'inventory_role', sourcePrefix: '1101' });
    expect(saved.inventoryRoles).toEqual([expect.objectContaining({ codePrefix: '1101', accountCount: 1 })]);
    const removed = await call('mapping.removeInventoryRole', { companyId: 1, codePrefix: '1101' });
    expect(removed.inventorySource).toBe('detected');
  });
});

describe('closed months stay frozen', () => {
  it('a rule saved after closing March does not change the March snapshot or its figures', async () => {
    const snapshot = closeSnapshot(cacheFile, MONTH, { logger: silentLogger });
    const frozen = () => {
      const { cache, meta } = openSnapshot(snapshot.file, { logger: silentLogger });
      try {
        const report = buildReport(cache.db, { month: MONTH, companies: [1] }, { companyTimezones: { 1: 'Europe/Berlin' } });
        const rules = cache.db.prepare('SELECT count(*) FROM app_account_mapping').pluck().get();
        return { hash: meta.content_hash, ebitda: report.companies[0]?.kpis.ebitda.month, rules };
      } finally {
        cache.close();
      }
    };
    const before = frozen();
    await call('mapping.saveRule', { companyId: 1, codePrefix: '661', category: 'interest' });
    expect(frozen()).toEqual(before);
    expect(before.rules).toBe(0);
    // The dashboard of the closed month reads the snapshot too, so its tiles do not move either.
    expect((await companyFigures()).ebitda).toBe(before.ebitda);
  });
});

describe('bad input', () => {
  it('names the field that is wrong', async () => {
    const badPrefix = await callError('mapping.saveRule', { companyId: 1, codePrefix: '6 4', category: 'interest' });
    expect(badPrefix.code).toBe('validation');
    expect(badPrefix.message).toContain('codePrefix');
    const empty = await callError('mapping.saveRule', { companyId: 1, codePrefix: '', category: 'interest' });
    expect(empty.message).toContain('codePrefix');
    const badCategory = await callError('mapping.saveRule', { companyId: 1, codePrefix: '64', category: 'ebitda' });
    expect(badCategory.code).toBe('validation');
    expect(badCategory.message).toContain('category');
    const unknown = await callError('mapping.saveRule', { companyId: 99, codePrefix: '64', category: 'interest' });
    expect(unknown.code).toBe('not_found');
    expect(unknown.hint).toContain('1 (EU GmbH), 2 (UK Ltd)');
    const missing = await callError('mapping.removeRule', { companyId: 1, codePrefix: '64' });
    expect(missing.code).toBe('not_found');
    // Nothing was written by the refused calls.
    expect((await call('mapping.listAccounts', { companyId: 1 })).rules).toEqual([]);
  });
});
