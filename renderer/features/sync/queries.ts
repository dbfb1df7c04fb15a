import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';

/** Query keys of the sync center. */
export const syncKeys = {
  all: ['sync'] as const,
  status: () => [...syncKeys.all, 'status'] as const,
  history: () => [...syncKeys.all, 'history'] as const,
};

export function useSyncStatus(enabled = true) {
  const api = useApi();
  return useQuery({ queryKey: syncKeys.status(), queryFn: () => api.call('sync.status', {}), enabled });
}

export function useSyncHistory() {
  const api = useApi();
  return useQuery({ queryKey: syncKeys.history(), queryFn: () => api.call('sync.history', { limit: 50 }) });
}
