import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useApi } from '../api/ApiContext';
import { workspaceKeys } from '../features/workspace/queries';

/** Once per launch: ask whether the active server answers, so the status bar can say "offline" honestly. */
export function useStartupCheck(activeProfileId: string | null | undefined): void {
  const api = useApi();
  const queryClient = useQueryClient();
  const checked = useRef<string | null>(null);
  useEffect(() => {
    if (!activeProfileId || checked.current === activeProfileId) return;
    checked.current = activeProfileId;
    api.call('workspace.checkOnline', {})
      .then((state) => queryClient.setQueryData(workspaceKeys.state(), state))
      .catch(() => undefined);
  }, [api, queryClient, activeProfileId]);
}
