import { reportPeriods } from '../../../shared/period/period';
import type { HandlersFor } from '../rpc/handlers';
import type { CoreServices } from '../services';
import type { Workspace } from '../workspace/workspace';
import { defaultTimezone, loadCompany } from './context';
import { drilldown } from './drilldown';
import { buildReport } from './index';

/** Handlers of `reports.*`: the reporting engine over the active profile's cache. */
export function createReportsHandlers(services: CoreServices, workspace: Workspace): HandlersFor<'reports.get' | 'reports.drilldown'> {
  const activeDb = () => workspace.cacheFor(workspace.requireActive().id).db;
  return {
    'reports.get': async ({ month, companies, currency }) => {
      const settings = workspace.settings.get();
      return buildReport(activeDb(), {
        month, companies,
        currency: currency ?? settings.presentationCurrency ?? undefined,
        tz: settings.timezone ?? undefined,
        staleDraftDays: settings.staleDraftDays,
      }, { clock: services.clock });
    },
    'reports.drilldown': async ({ month, companyId, kpi, column, key }) => {
      const db = activeDb();
      // The same timezone choice as buildReport: the user's override, else the synced Odoo user tz.
      const company = loadCompany(db, companyId, workspace.settings.get().timezone ?? defaultTimezone(db));
      const periods = reportPeriods(month, { lastMonth: company.fiscalLastMonth });
      return drilldown(db, company, { kpi, column, key, months: column === 'ytd' ? periods.ytd : [month] });
    },
  };
}
