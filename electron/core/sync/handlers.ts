import type { HandlersFor } from '../rpc/handlers';
import type { CoreServices } from '../services';
import { nextScheduledRun } from '../workspace/schedule';
import { readSyncHistory } from '../workspace/sync-runner';
import type { Workspace } from '../workspace/workspace';

/** Handlers of `sync.*`: start/cancel the background run, its live status, the cache's run log. */
export function createSyncHandlers(services: CoreServices, workspace: Workspace): HandlersFor<'sync.start' | 'sync.cancel' | 'sync.status' | 'sync.history'> {
  return {
    'sync.start': async ({ full, companies }) => {
      const profile = workspace.requireActive();
      const { runId } = workspace.sync.start({
        profileId: profile.id,
        cache: workspace.cacheFor(profile.id),
        connection: () => workspace.connectionFor(profile.id),
        full,
        companies: companies ?? profile.companies ?? undefined,
      });
      workspace.changed('sync.started');
      return { runId };
    },
    'sync.cancel': async () => ({ cancelled: workspace.sync.cancel() }),
    'sync.status': async () => {
      const profile = workspace.requireActive();
      const schedule = workspace.settings.get().schedule;
      const last = readSyncHistory(workspace.cacheFor(profile.id), 1)[0];
      const next = nextScheduledRun(schedule, last ? new Date(last.startedAt) : null, services.clock.now());
      return {
        ...workspace.sync.status(profile.id),
        schedule: {
          enabled: schedule.enabled,
          everyMinutes: schedule.everyMinutes,
          nextRunAt: next?.toISOString() ?? null,
          note: schedule.enabled ? `Every ${schedule.everyMinutes} min, ${schedule.from}-${schedule.to}, when online and idle.` : 'Automatic sync is off (Settings > Schedule).',
        },
      };
    },
    'sync.history': async ({ limit }) => {
      const profile = workspace.requireActive();
      return { runs: readSyncHistory(workspace.cacheFor(profile.id), limit) };
    },
  };
}
