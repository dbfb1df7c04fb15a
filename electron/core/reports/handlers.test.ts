import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestCore } from '../workspace/test-core';
import { startFixtureCore } from './fixture-core';

let core: TestCore;
let cacheFile: string;
beforeEach(() => {
  ({ core, cacheFile } = startFixtureCore({ startAt: '2025-04-02T08:00:00Z' }));
});
afterEach(async () => {
  await core.close();
});

describe('reports.get memo', () => {
  it('answers the same request over unchanged data from memory, and recomputes after any write', async () => {
    const first = await core.call('reports.get', { month: '2025-03', companies: 'all' });
    const again = await core.call('reports.get', { month: '2025-03', companies: 'all' });
    // generatedAt comes from a clock that moves on every read: equal means not rebuilt.
    expect(again.generatedAt).toBe(first.generatedAt);
    expect(again).toEqual(first);

    const other = await core.call('reports.get', { month: '2025-03', companies: [1] });
    expect(other.generatedAt).not.toBe(first.generatedAt);
    expect(other.companies.map((c) => c.companyId)).toEqual([1]);

    // Another connection writes the file (a CLI sync, an import): the stamp moves, the report is rebuilt.
    const writer = new Database(cacheFile);
    writer.prepare("UPDATE odoo_company SET name = 'EU Holding GmbH' WHERE id = 1").run();
    writer.close();
    const rebuilt = await core.call('reports.get', { month: '2025-03', companies: 'all' });
    expect(rebuilt.generatedAt).not.toBe(first.generatedAt);
    expect(rebuilt.companies.find((c) => c.companyId === 1)?.name).toBe('EU Holding GmbH');
    expect(rebuilt.companies.find((c) => c.companyId === 2)?.kpis).toEqual(first.companies.find((c) => c.companyId === 2)?.kpis);
  });
});
