import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi } from '../api/ApiContext';
import { workspaceKeys } from '../features/workspace/queries';

/** Keeps every keyed query fresh: a finished sync invalidates all data, a workspace change the shell. */
export function useCoreEvents(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    const offCompleted = api.on('sync.completed', () => {
      void queryClient.invalidateQueries();
    });
    const offChanged = api.on('workspace.changed', () => {
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.all });
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.settings() });
    });
    return () => {
      offCompleted();
      offChanged();
    };
  }, [api, queryClient]);
}
