import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi } from '../api/ApiContext';

/**
 * Keeps every keyed query fresh. A finished sync and any workspace change (a month closed, settings, mapping
 * rules, channel rules, budget imports, a profile switch — from this window, another window or the CLI's
 * writes seen by the core) invalidate all data: only the queries on screen refetch, and the core memoises
 * reports on the cache's data stamp, so an unaffected view costs a lookup.
 */
export function useCoreEvents(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    const offCompleted = api.on('sync.completed', () => {
      void queryClient.invalidateQueries();
    });
    const offChanged = api.on('workspace.changed', () => {
      void queryClient.invalidateQueries();
    });
    return () => {
      offCompleted();
      offChanged();
    };
  }, [api, queryClient]);
}
