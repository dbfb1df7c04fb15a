import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';

/** Query keys of the workspace (profiles, active cache, online state). */
export const workspaceKeys = {
  all: ['workspace'] as const,
  state: () => [...workspaceKeys.all, 'state'] as const,
  settings: () => ['settings'] as const,
};

export function useWorkspace() {
  const api = useApi();
  return useQuery({ queryKey: workspaceKeys.state(), queryFn: () => api.call('workspace.getState', {}) });
}

export function useSettings() {
  const api = useApi();
  return useQuery({ queryKey: workspaceKeys.settings(), queryFn: () => api.call('settings.get', {}) });
}
