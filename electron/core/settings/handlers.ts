import type { HandlersFor } from '../rpc/handlers';
import type { CoreServices } from '../services';
import type { Workspace } from '../workspace/workspace';

/** Handlers of `settings.*`. */
export function createSettingsHandlers(services: CoreServices, workspace: Workspace): HandlersFor<'settings.get' | 'settings.set'> {
  return {
    'settings.get': async () => ({ ...workspace.settings.get(), dataDir: services.dataDir }),
    'settings.set': async (patch) => {
      const next = workspace.settings.set(patch);
      workspace.changed('settings.saved');
      return { ...next, dataDir: services.dataDir };
    },
  };
}
