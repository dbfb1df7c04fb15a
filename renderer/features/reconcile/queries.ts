import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';

/** Query keys of the reconciliation workspace. */
export const reconcileKeys = {
  all: ['reconcile'] as const,
  month: (month: string) => [...reconcileKeys.all, 'month', month] as const,
  /** The active cache's channel rules (Settings); under `all` so one invalidation covers rules and results. */
  channelRules: (profileId: string) => [...reconcileKeys.all, 'channelRules', profileId] as const,
};

/**
 * Marks every reconciliation result stale after a write that changes how they come out (a channel
 * rule, the Settings defaults): the next read re-runs the matcher in the core.
 */
export function invalidateReconciliation(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: reconcileKeys.all });
}

export function useReconciliation(month: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: month ? reconcileKeys.month(month) : [...reconcileKeys.all, 'none'],
    queryFn: () => api.call('reconcile.results', { month: month! }),
    enabled: month !== null,
  });
}
