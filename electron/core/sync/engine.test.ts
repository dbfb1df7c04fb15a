import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromMajor } from '../../../shared/money/money';
import { startOdooSimulator, type RunningSimulator } from '../../odoo-sim/server';
import { openCache } from '../db/open';
import { silentLogger } from '../logging/logger';
import { createOdooClient } from '../odoo/client';
import { MODEL_SPECS } from './model-specs';
import { clientConfigFor, hashOf, syncInto } from './test-support/harness';
import { buildSyncFixtureDataset } from './test-support/sync-fixture-dataset';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-sync-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const COMPANIES = [1, 2];

describe('full sync', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startOdooSimulator({ dataset: buildSyncFixtureDataset(30) });
  });
  afterAll(() => sim.close());

  it('equals the simulator: per model and company, the same ids and the same amount sums', async () => {
    const file = join(dir, 'full.sqlite');
    const report = await syncInto(file, sim);
    expect(report.status).toBe('ok');
    expect(report.models).toHaveLength(MODEL_SPECS.length * COMPANIES.length);
    expect(report.models.filter((m) => m.skipped)).toEqual([]);

    const client = createOdooClient(clientConfigFor(sim), { logger: silentLogger });
    const cache = openCache(file, { logger: silentLogger, readonly: true });
    expect(cache.db.prepare('SELECT DISTINCT decimal_places FROM odoo_currency').pluck().all()).toEqual([2]);
    let checkedAmounts = 0;
    for (const spec of MODEL_SPECS) {
      const money = spec.columns.flatMap((c) => (c.kind === 'money' ? [c.column] : []));
      for (const companyId of COMPANIES) {
        const context = { allowed_company_ids: [companyId], active_test: false };
        const remoteIds = await client.search(spec.model, [], { order: 'id asc' }, { context });
        const localIds = cache.db.prepare(`SELECT id FROM ${spec.table} WHERE sync_company_id = ? ORDER BY id`).pluck().all(companyId);
        expect(localIds, `${spec.model} company ${companyId}`).toEqual(remoteIds);
        expect(await client.searchCount(spec.model, [], { context })).toBe(localIds.length);
        if (money.length === 0) continue;
        const remote = await client.searchRead(spec.model, { fields: money, domain: [] }, { context });
        for (const column of money) {
          const expected = remote.reduce((sum, r) => sum + (typeof r[column] === 'number' ? fromMajor(r[column] as number, 2) : 0), 0);
          const actual = cache.db.prepare(`SELECT coalesce(sum(${column}), 0) FROM ${spec.table} WHERE sync_company_id = ?`).pluck().get(companyId);
          expect(actual, `${spec.model}.${column} company ${companyId}`).toBe(expected);
          if (expected !== 0) checkedAmounts++;
        }
      }
    }
    expect(checkedAmounts).toBeGreaterThan(30);
    // Archived records are synced and flagged.
    expect(cache.db.prepare('SELECT count(*) FROM odoo_lead WHERE active = 0').pluck().get()).toBeGreaterThan(0);
    expect(cache.db.prepare('SELECT count(*) FROM odoo_partner WHERE active = 0').pluck().get()).toBeGreaterThan(0);
    const run = cache.db.prepare("SELECT status, calls FROM sync_run ORDER BY id DESC LIMIT 1").get();
    expect(run).toEqual({ status: 'ok', calls: report.calls });
    cache.close();
  });
});

describe('incremental sync', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startOdooSimulator({ dataset: buildSyncFixtureDataset(30) });
  });
  afterAll(() => sim.close());

  it('costs exactly one search_read and one search_count per model and company when nothing changed', async () => {
    const file = join(dir, 'nochange.sqlite');
    expect((await syncInto(file, sim)).status).toBe('ok');
    sim.requestLog.reset();
    const again = await syncInto(file, sim);
    expect(again.status).toBe('ok');
    for (const m of again.models) expect(m.calls, `${m.model} company ${m.company_id}`).toBe(2);
    const modelCalls = again.models.reduce((n, m) => n + m.calls, 0);
    expect(modelCalls).toBe(2 * MODEL_SPECS.length * COMPANIES.length);
    // Everything else is connect(): /web/version, context_get, the user, the companies.
    expect(again.calls - modelCalls).toBeLessThanOrEqual(4);
    const log = sim.requestLog.all();
    expect(log).toHaveLength(again.calls);
    const syncCalls = log.slice(log.length - modelCalls);
    expect(new Set(syncCalls.map((e) => e.method))).toEqual(new Set(['search_count', 'search_read']));
  });

  it('after creates, writes, archivals, deletions and a late commit equals a fresh full sync', async () => {
    const file = join(dir, 'incremental.sqlite');
    expect((await syncInto(file, sim)).status).toBe('ok');
    const ds = sim.dataset;
    const wm = openCache(file, { logger: silentLogger, readonly: true });
    const watermark = wm.db.prepare("SELECT write_date FROM sync_watermark WHERE model = 'account.move' AND company_id = 1").pluck().get() as string;
    wm.close();

    ds.setClock(() => new Date('2026-11-20T10:00:00Z'));
    const move = ds.table('account.move').find((m) => m.company_id === 1);
    if (!move) throw new Error('no move');
    ds.write('account.move', [move.id], { amount_total: 999.99, amount_total_signed: 999.99, ref: 'changed' });
    const newPartner = ds.create('res.partner', { name: 'New Customer', is_company: true, company_id: false, active: true, customer_rank: 1, supplier_rank: 0, type: 'contact', commercial_partner_id: false, parent_id: false, country_id: 21, email: false, vat: false, ref: false });
    ds.write('res.partner', [newPartner], { commercial_partner_id: newPartner });
    const lead = ds.table('crm.lead').find((l) => l.active === true);
    if (!lead) throw new Error('no lead');
    ds.write('crm.lead', [lead.id], { active: false, won_status: 'lost', probability: 0 });
    const doomed = ds.table('account.move').filter((m) => m.company_id === 2)[3];
    const doomedLines = ds.table('account.move.line').filter((l) => l.move_id === doomed.id).map((l) => l.id);
    ds.unlink('account.move', [doomed.id]);
    ds.unlink('account.move.line', doomedLines);
    // A transaction that started before the last sync's high-water mark and committed after it.
    const lateMs = Date.parse(`${watermark.replace(' ', 'T')}Z`) - 5 * 60_000;
    ds.setClock(() => new Date(lateMs));
    const order = ds.table('sale.order').find((o) => o.company_id === 1);
    if (!order) throw new Error('no order');
    ds.write('sale.order', [order.id], { amount_total: 1234.56, client_order_ref: 'late commit' });

    const report = await syncInto(file, sim);
    expect(report.status).toBe('ok');
    const byModel = (model: string, company: number) => report.models.find((m) => m.model === model && m.company_id === company);
    expect(byModel('account.move', 2)?.deleted).toBe(1);
    expect(byModel('account.move.line', 2)?.deleted).toBe(3);

    const fresh = join(dir, 'fresh.sqlite');
    expect((await syncInto(fresh, sim)).status).toBe('ok');
    expect(hashOf(file)).toBe(hashOf(fresh));

    const cache = openCache(file, { logger: silentLogger, readonly: true });
    expect(cache.db.prepare('SELECT amount_total, ref FROM odoo_move WHERE sync_company_id = 1 AND id = ?').get(move.id)).toEqual({ amount_total: 99999, ref: 'changed' });
    expect(cache.db.prepare('SELECT count(*) FROM odoo_move WHERE id = ?').pluck().get(doomed.id)).toBe(0);
    expect(cache.db.prepare('SELECT client_order_ref FROM odoo_sale_order WHERE sync_company_id = 1 AND id = ?').pluck().get(order.id)).toBe('late commit');
    expect(cache.db.prepare('SELECT active FROM odoo_lead WHERE id = ?').pluck().get(lead.id)).toBe(0);
    expect(cache.db.prepare('SELECT count(*) FROM odoo_partner WHERE id = ?').pluck().get(newPartner)).toBe(2);
    cache.close();
  });
});
