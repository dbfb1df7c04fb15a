import { settingTimeZone } from '../../../shared/period/timezone';
import type { HandlersFor } from '../rpc/handlers';
import type { CoreServices } from '../services';
import { nextScheduledRun, scheduleNote } from '../workspace/schedule';
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
      const settings = workspace.settings.get();
      const schedule = settings.schedule;
      // The zone the scheduler itself reads business hours in, so "next run" is the run it will start.
      const timeZone = settingTimeZone(settings.timezone);
      const last = readSyncHistory(workspace.cacheFor(profile.id), 1)[0];
      const next = nextScheduledRun(schedule, last ? new Date(last.startedAt) : null, services.clock.now(), timeZone);
      return {
        ...workspace.sync.status(profile.id),
        schedule: {
          enabled: schedule.enabled,
          everyMinutes: schedule.everyMinutes,
          nextRunAt: next?.toISOString() ?? null,
          timeZone,
          note: scheduleNote(schedule, timeZone),
        },
      };
    },
    'sync.history': async ({ limit }) => {
      const profile = workspace.requireActive();
      return { runs: readSyncHistory(workspace.cacheFor(profile.id), limit) };
    },
  };
}
