// The simulator serving the seeded demo company (electron/demo) the way the app reads it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoDataset } from '../demo/index';
import { schemaFor } from './schema/index';
import { startOdooSimulator, type RunningSimulator } from './server';
import { json2 } from './test-helpers';

describe('demo company through the simulator', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startOdooSimulator({ dataset: buildDemoDataset({ scale: 'small', seed: 1 }), version: 19 });
  });
  afterAll(() => sim.close());

  it('stores only fields the Odoo 19 schema has, many2one as ids', () => {
    for (const model of sim.dataset.models()) {
      const schema = schemaFor(19, model);
      expect(schema, model).toBeDefined();
      for (const record of sim.dataset.table(model).slice(0, 200)) {
        for (const [key, value] of Object.entries(record)) {
          const field = schema?.fields.get(key.split('@')[0]);
          expect(field, `${model}.${key}`).toBeDefined();
          if (field?.type === 'many2one') expect(typeof value === 'number' || value === false, `${model}.${key}`).toBe(true);
        }
      }
    }
  });

  it('reads every model with all fields, and per-company counts add up', async () => {
    for (const model of sim.dataset.models()) {
      const reply = await json2(sim, model, 'search_read', { domain: [], limit: 20, context: { active_test: false } });
      expect(reply.status, `${model}: ${reply.text.slice(0, 200)}`).toBe(200);
    }
    const total = (await json2(sim, 'account.move.line', 'search_count', { domain: [] })).json();
    const perCompany = await Promise.all(sim.dataset.table('res.company').map(async (c) => (await json2(sim, 'account.move.line', 'search_count', { domain: [], context: { allowed_company_ids: [c.id] } })).json()));
    expect(perCompany.reduce((a: number, b) => a + Number(b), 0)).toBe(total);
  });

  it('posted journal items balance per company (formatted_read_group)', async () => {
    const groups = (await json2(sim, 'account.move.line', 'formatted_read_group', { domain: [['parent_state', '=', 'posted']], groupby: ['company_id'], aggregates: ['balance:sum', 'debit:sum', '__count'] })).json() as Array<Record<string, number>>;
    expect(groups.length).toBe(sim.dataset.table('res.company').length);
    for (const group of groups) {
      expect(Math.abs(group['balance:sum'])).toBeLessThan(0.005);
      expect(group['debit:sum']).toBeGreaterThan(0);
    }
  });
});
