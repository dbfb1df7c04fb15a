import { openCache } from '../../electron/core/db/open';
import { silentLogger } from '../../electron/core/logging/logger';
import { buildReport } from '../../electron/core/reports/index';
import { openSnapshot } from '../../electron/core/snapshot/snapshot-file';
import type { ReportResult } from '../../shared/reports/types';

/** The dashboard's six tiles, by KPI id. */
export const TILES = ['net_revenue', 'gross_margin_pct', 'dso_days', 'pipeline_coverage', 'inventory_days_of_supply', 'csat'] as const;

/** The engine's own answer, computed in the test from the same cache file the app reads. */
export function engineReport(cacheFile: string, month: string, companies: number[] | 'all' = 'all'): ReportResult {
  const cache = openCache(cacheFile, { logger: silentLogger, readonly: true });
  try {
    return buildReport(cache.db, { month, companies, staleDraftDays: 30 });
  } finally {
    cache.close();
  }
}

/** The engine's answer from a closed month's snapshot file (hash-verified on open). */
export function snapshotReport(snapshotFile: string, month: string, companies: number[] | 'all' = 'all'): ReportResult {
  const { cache } = openSnapshot(snapshotFile, { logger: silentLogger });
  try {
    return buildReport(cache.db, { month, companies, staleDraftDays: 30 });
  } finally {
    cache.close();
  }
}

/** The consolidated tiles' figures of a report, in TILES order (what the dashboard must show). */
export function consolidatedTiles(report: ReportResult): Record<(typeof TILES)[number], number | null> {
  if (!report.consolidated) throw new Error('the report has no consolidated result');
  const kpis = report.consolidated.kpis;
  return Object.fromEntries(TILES.map((id) => [id, kpis[id].month])) as Record<(typeof TILES)[number], number | null>;
}
