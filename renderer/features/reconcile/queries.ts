import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';

/** Query keys of the reconciliation workspace. */
export const reconcileKeys = {
  all: ['reconcile'] as const,
  month: (month: string) => [...reconcileKeys.all, 'month', month] as const,
};

export function useReconciliation(month: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: month ? reconcileKeys.month(month) : [...reconcileKeys.all, 'none'],
    queryFn: () => api.call('reconcile.results', { month: month! }),
    enabled: month !== null,
  });
}
