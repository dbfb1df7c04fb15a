import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectionView } from '../../../shared/boardpack/report-view';
import { openCache, type CacheDb } from '../db/open';
import { silentLogger } from '../logging/logger';
import { buildReport } from './index';
import { seedTwoCompanyGroup } from './test-fixture';

// The dashboard's choice of figures for the header's selection, on reports the engine really builds.
let dir: string;
let cache: CacheDb;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-selection-'));
  const file = join(dir, 'cache.sqlite');
  const writable = openCache(file, { logger: silentLogger });
  seedTwoCompanyGroup(writable.db);
  writable.close();
  cache = openCache(file, { logger: silentLogger, readonly: true });
});
afterAll(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('selectionView', () => {
  it('one company in its own currency shows its own figures', () => {
    const report = buildReport(cache.db, { month: '2025-03', companies: [2] });
    const view = selectionView(report, { consolidated: false, companyId: 2 });
    expect(view).toMatchObject({ currency: 'GBP', entityLabel: 'UK Ltd', consolidated: false });
    expect(view.kpis.net_revenue.month).toBe(report.companies[0]!.kpis.net_revenue.month);
  });

  it('one company in another presentation currency shows the translated figures, labelled as such', () => {
    const own = buildReport(cache.db, { month: '2025-03', companies: [2] });
    const report = buildReport(cache.db, { month: '2025-03', companies: [2], currency: 'EUR' });
    const view = selectionView(report, { consolidated: false, companyId: 2 });
    expect(view.currency).toBe('EUR');
    expect(view.entityLabel).toBe('UK Ltd, translated from GBP');
    expect(view.kpis.net_revenue.month).toBe(report.consolidated!.kpis.net_revenue.month);
    // Translated, not relabelled: the GBP figure differs from the EUR one.
    expect(view.kpis.net_revenue.month).not.toBe(own.companies[0]!.kpis.net_revenue.month);
  });

  it('several companies show the consolidated group', () => {
    const report = buildReport(cache.db, { month: '2025-03', companies: 'all', currency: 'EUR' });
    const view = selectionView(report, { consolidated: true, companyId: 1 });
    expect(view).toMatchObject({ currency: 'EUR', consolidated: true, companyIds: [1, 2] });
  });
});
