import { reportPeriods } from '../../../shared/period/period';
import type { ReportResult, ReportSource } from '../../../shared/reports/types';
import type { CacheDb } from '../db/open';
import type { HandlersFor } from '../rpc/handlers';
import type { CoreServices } from '../services';
import type { Workspace } from '../workspace/workspace';
import { defaultTimezone, loadCompany } from './context';
import { drilldown } from './drilldown';
import { buildReport } from './index';
import { createResultMemo, dataStamp } from './report-memo';

/** The data a month's figures are read from, and a stamp that changes exactly when that data does. */
interface MonthData {
  db: CacheDb['db'];
  stamp: string;
  source: ReportSource;
}

/** Handlers of `reports.*`: the reporting engine over the active profile's cache. */
export function createReportsHandlers(services: CoreServices, workspace: Workspace): HandlersFor<'reports.get' | 'reports.drilldown'> {
  /**
   * A closed month reads its immutable snapshot (hash-verified once, handle kept by the workspace), so
   * its tiles never move after a later sync or a new account-mapping rule, like its board pack; an open
   * month reads the live cache.
   */
  const dataFor = (month: string): MonthData => {
    const cache = workspace.cacheFor(workspace.requireActive().id);
    const snapshot = workspace.snapshots.forMonth(cache.file, month);
    if (snapshot) {
      const { meta } = snapshot;
      return { db: snapshot.cache.db, stamp: `snapshot:${snapshot.file}:${meta.content_hash}`, source: { kind: 'snapshot', closedAt: meta.created_at, contentHash: meta.content_hash } };
    }
    return { db: cache.db, stamp: `live:${cache.file}:${dataStamp(cache.db)}`, source: { kind: 'live' } };
  };
  // Reports are pure functions of (request, settings, data): memoised on the data's stamp (a snapshot's
  // content hash never moves; the live cache's stamp moves with every sync, import or mapping write, see
  // dataStamp), so no caller invalidates.
  const reports = createResultMemo<ReportResult>();
  return {
    'reports.get': async ({ month, companies, currency }) => {
      const settings = workspace.settings.get();
      const data = dataFor(month);
      const request = {
        month, companies,
        currency: currency ?? settings.presentationCurrency ?? undefined,
        tz: settings.timezone ?? undefined,
        staleDraftDays: settings.staleDraftDays,
      };
      const key = JSON.stringify([data.stamp, request]);
      return reports.get(key, () => ({ ...buildReport(data.db, request, { clock: services.clock }), source: data.source }));
    },
    'reports.drilldown': async ({ month, companyId, kpi, column, key }) => {
      // The month's own data: a closed month's drill-down sums to its frozen tile.
      const { db } = dataFor(month);
      // The same timezone choice as buildReport: the user's override, else the synced Odoo user tz.
      const company = loadCompany(db, companyId, workspace.settings.get().timezone ?? defaultTimezone(db));
      const periods = reportPeriods(month, { lastMonth: company.fiscalLastMonth });
      return drilldown(db, company, { kpi, column, key, months: column === 'ytd' ? periods.ytd : [month] });
    },
  };
}
