import { reportPeriods } from '../../../shared/period/period';
import type { ReportResult } from '../../../shared/reports/types';
import type { HandlersFor } from '../rpc/handlers';
import type { CoreServices } from '../services';
import type { Workspace } from '../workspace/workspace';
import { defaultTimezone, loadCompany } from './context';
import { drilldown } from './drilldown';
import { buildReport } from './index';
import { createResultMemo, dataStamp } from './report-memo';

/** Handlers of `reports.*`: the reporting engine over the active profile's cache. */
export function createReportsHandlers(services: CoreServices, workspace: Workspace): HandlersFor<'reports.get' | 'reports.drilldown'> {
  const activeCache = () => workspace.cacheFor(workspace.requireActive().id);
  // Reports are pure functions of (request, settings, cache data): memoised on the cache's data
  // stamp, which every sync, import or mapping write moves (see dataStamp), so no caller invalidates.
  const reports = createResultMemo<ReportResult>();
  return {
    'reports.get': async ({ month, companies, currency }) => {
      const settings = workspace.settings.get();
      const cache = activeCache();
      const request = {
        month, companies,
        currency: currency ?? settings.presentationCurrency ?? undefined,
        tz: settings.timezone ?? undefined,
        staleDraftDays: settings.staleDraftDays,
      };
      const key = JSON.stringify([cache.file, dataStamp(cache.db), request]);
      return reports.get(key, () => buildReport(cache.db, request, { clock: services.clock }));
    },
    'reports.drilldown': async ({ month, companyId, kpi, column, key }) => {
      const db = activeCache().db;
      // The same timezone choice as buildReport: the user's override, else the synced Odoo user tz.
      const company = loadCompany(db, companyId, workspace.settings.get().timezone ?? defaultTimezone(db));
      const periods = reportPeriods(month, { lastMonth: company.fiscalLastMonth });
      return drilldown(db, company, { kpi, column, key, months: column === 'ytd' ? periods.ytd : [month] });
    },
  };
}
