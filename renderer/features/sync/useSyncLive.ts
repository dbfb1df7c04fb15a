import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { SyncModelProgress } from '../../../shared/rpc/contracts/sync';
import type { EventPayload } from '../../../shared/rpc/events';
import { useApi } from '../../api/ApiContext';
import { workspaceKeys } from '../workspace/queries';
import { syncKeys, useSyncStatus } from './queries';

export interface LiveSync {
  running: boolean;
  runId: string | null;
  step: number;
  steps: number;
  models: SyncModelProgress[];
  completed: EventPayload<'sync.completed'> | null;
}

/**
 * The running sync as the UI shows it: the status snapshot from the core, then every
 * `sync.progressed` event merged in, until `sync.completed`.
 */
export function useSyncLive(enabled = true): LiveSync {
  const api = useApi();
  const queryClient = useQueryClient();
  const status = useSyncStatus(enabled);
  // Events win once they arrive; before that the core's status snapshot is the truth.
  const [fromEvents, setLive] = useState<LiveSync | null>(null);
  const snapshot: LiveSync = {
    running: status.data?.running ?? false, runId: status.data?.runId ?? null, step: status.data?.step ?? 0, steps: status.data?.steps ?? 0,
    models: status.data?.models ?? [], completed: null,
  };
  const live = fromEvents && (fromEvents.running || fromEvents.completed || !snapshot.running) ? fromEvents : snapshot;

  useEffect(() => {
    const offProgress = api.on('sync.progressed', (event) => {
      setLive((previous) => {
        const current = previous ?? { running: true, runId: event.runId, step: 0, steps: 0, models: [], completed: null };
        const models = current.runId === event.runId ? [...current.models] : [];
        const row: SyncModelProgress = {
          model: event.model, companyId: event.companyId ?? 0, phase: event.phase ?? 'scan', done: event.done, total: event.total,
          ratePerSecond: event.ratePerSecond, etaSeconds: event.etaSeconds,
        };
        const index = models.findIndex((m) => m.model === row.model && m.companyId === row.companyId);
        if (index >= 0) models[index] = row;
        else models.push(row);
        return { running: true, runId: event.runId, step: event.step ?? current.step, steps: event.steps ?? current.steps, models, completed: null };
      });
    });
    const offCompleted = api.on('sync.completed', (event) => {
      setLive((current) => ({ ...(current ?? { runId: event.runId, step: 0, steps: 0, models: [] }), running: false, completed: event }));
      void queryClient.invalidateQueries({ queryKey: syncKeys.all });
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.all });
    });
    return () => {
      offProgress();
      offCompleted();
    };
  }, [api, queryClient]);

  return live;
}
