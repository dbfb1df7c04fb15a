import { AppError } from '../../../shared/rpc/errors';
import type { HandlersFor } from '../rpc/handlers';
import type { CoreServices } from '../services';
import { DEMO_PROFILE_ID, type Workspace } from './workspace';

/** Handlers of `workspace.*` and `demo.*`: thin wrappers over the workspace. */
export function createWorkspaceHandlers(
  services: CoreServices,
  workspace: Workspace,
): HandlersFor<'workspace.getState' | 'workspace.selectProfile' | 'workspace.checkOnline' | 'demo.start'> {
  return {
    'workspace.getState': () => workspace.state(),
    'workspace.selectProfile': async ({ profileId }) => {
      workspace.profiles.setActive(workspace.profiles.require(profileId).id);
      workspace.changed('profile.selected');
      return workspace.state();
    },
    'workspace.checkOnline': async (_input, ctx) => {
      await workspace.checkOnline(ctx.signal);
      return workspace.state();
    },
    'demo.start': async ({ scale }, ctx) => {
      const server = await workspace.ensureDemoServer(scale);
      // Generation runs to the end once started (the server is kept for the next start); a cancel received
      // meanwhile stops here, before the demo becomes the active connection or a sync begins.
      if (ctx.signal.aborted) throw new AppError('cancelled', 'The demo company was not opened: cancelled.', { hint: 'Choose "Explore the demo company" again when ready.' });
      const profile = workspace.profiles.upsert({
        id: DEMO_PROFILE_ID, name: 'Demo company', kind: 'demo', url: server.url, db: server.db, login: server.login,
        protocol: 'auto', companies: null, keySavedAt: null, demoScale: scale,
      }, services.clock.now());
      workspace.profiles.setActive(profile.id);
      workspace.changed('demo.started');
      const { runId } = workspace.sync.start({
        profileId: profile.id, cache: workspace.cacheFor(profile.id), connection: () => workspace.connectionFor(profile.id), full: false,
      });
      return { profileId: profile.id, runId, url: server.url };
    },
  };
}
