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
  const [live, setLive] = useState<LiveSync>({ running: false, runId: null, step: 0, steps: 0, models: [], completed: null });

  useEffect(() => {
    if (!status.data) return;
    setLive((current) => (current.runId && current.runId === status.data.runId && current.models.length > status.data.models.length
      ? current
      : { ...current, running: status.data.running, runId: status.data.runId, step: status.data.step, steps: status.data.steps, models: status.data.models }));
  }, [status.data]);

  useEffect(() => {
    const offProgress = api.on('sync.progressed', (event) => {
      setLive((current) => {
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
      setLive((current) => ({ ...current, running: false, completed: event }));
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
