import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';

/** Query keys of the workspace (profiles, active cache, online state). */
export const workspaceKeys = {
  all: ['workspace'] as const,
  state: () => [...workspaceKeys.all, 'state'] as const,
  settings: () => ['settings'] as const,
};

/** The status bar's snapshot age must not go stale while the app sits open, so the state is re-read every minute. */
export const WORKSPACE_REFRESH_MS = 60_000;

export function useWorkspace() {
  const api = useApi();
  return useQuery({ queryKey: workspaceKeys.state(), queryFn: () => api.call('workspace.getState', {}), refetchInterval: WORKSPACE_REFRESH_MS });
}

export function useSettings() {
  const api = useApi();
  return useQuery({ queryKey: workspaceKeys.settings(), queryFn: () => api.call('settings.get', {}) });
}
