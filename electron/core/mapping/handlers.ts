import { formatOdooDatetime, localDateOf } from '../../../shared/period/timezone';
import type { HandlersFor } from '../rpc/handlers';
import { defaultTimezone } from '../reports/context';
import type { CoreServices } from '../services';
import type { Workspace } from '../workspace/workspace';
import { buildMappingListing, previewMappingRule } from './listing';
import { deleteInventoryRole, deleteRule, requireCompany, upsertInventoryRole, upsertRule } from './store';

type MappingMethod =
  | 'mapping.listAccounts'
  | 'mapping.saveRule'
  | 'mapping.removeRule'
  | 'mapping.saveInventoryRole'
  | 'mapping.removeInventoryRole'
  | 'mapping.preview';

/**
 * Handlers of `mapping.*`: the user's account mapping in the active profile's cache. Writes touch only
 * the user tables (app_account_mapping, app_account_role) of the LIVE cache; a closed month's snapshot
 * is a separate read-only file carrying the mapping it was closed with, so its figures never move.
 * Every write announces `workspace.changed` so open screens recompute.
 */
export function createMappingHandlers(services: CoreServices, workspace: Workspace): HandlersFor<MappingMethod> {
  const activeDb = () => workspace.cacheFor(workspace.requireActive().id).db;
  // "Today" in the same zone the reports cut months in: the user's setting, else the synced Odoo user's.
  const today = (db: ReturnType<typeof activeDb>) =>
    localDateOf(formatOdooDatetime(services.clock.now().getTime()), workspace.settings.get().timezone ?? defaultTimezone(db));
  const now = () => services.clock.now().toISOString();
  const listing = (db: ReturnType<typeof activeDb>, companyId: number) => buildMappingListing(db, companyId, today(db));
  // Every write: check the company, write, announce it (open screens recompute), answer the fresh listing.
  const write = (companyId: number, reason: 'mapping.saved' | 'mapping.removed', change: (db: ReturnType<typeof activeDb>) => void) => {
    const db = activeDb();
    requireCompany(db, companyId);
    change(db);
    services.logger.child('mapping').info('account mapping changed', { reason });
    workspace.changed(reason);
    return listing(db, companyId);
  };

  return {
    'mapping.listAccounts': async ({ companyId }) => listing(activeDb(), companyId),
    'mapping.saveRule': async ({ companyId, codePrefix, category, note }) =>
      write(companyId, 'mapping.saved', (db) => upsertRule(db, companyId, { codePrefix, category, note: note || null }, now())),
    'mapping.removeRule': async ({ companyId, codePrefix }) => write(companyId, 'mapping.removed', (db) => deleteRule(db, companyId, codePrefix)),
    'mapping.saveInventoryRole': async ({ companyId, codePrefix, note }) =>
      write(companyId, 'mapping.saved', (db) => upsertInventoryRole(db, companyId, { codePrefix, note: note || null }, now())),
    'mapping.removeInventoryRole': async ({ companyId, codePrefix }) => write(companyId, 'mapping.removed', (db) => deleteInventoryRole(db, companyId, codePrefix)),
    'mapping.preview': async ({ companyId, codePrefix, category }) => {
      const db = activeDb();
      return previewMappingRule(db, companyId, { codePrefix, category }, today(db));
    },
  };
}
