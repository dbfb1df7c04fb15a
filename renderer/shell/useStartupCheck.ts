import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi } from '../api/ApiContext';
import { workspaceKeys } from '../features/workspace/queries';

/** A laptop moves between networks while the app stays open; five minutes keeps "online" honest without chatter. */
export const ONLINE_RECHECK_MS = 5 * 60_000;

/**
 * Asks whether the active server answers, so the status bar can say "offline" honestly: at launch and
 * on a profile switch, whenever the operating system reports the network came or went, and every five minutes.
 */
export function useStartupCheck(activeProfileId: string | null | undefined): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!activeProfileId) return undefined;
    let inflight: AbortController | null = null;
    const check = () => {
      inflight?.abort();
      const controller = new AbortController();
      inflight = controller;
      api.call('workspace.checkOnline', {}, { signal: controller.signal })
        .then((state) => queryClient.setQueryData(workspaceKeys.state(), state))
        // A failed check is itself reported in the state's onlineProblem; nothing more to show here.
        .catch(() => undefined);
    };
    check();
    const timer = window.setInterval(check, ONLINE_RECHECK_MS);
    window.addEventListener('online', check);
    window.addEventListener('offline', check);
    return () => {
      inflight?.abort();
      window.clearInterval(timer);
      window.removeEventListener('online', check);
      window.removeEventListener('offline', check);
    };
  }, [api, queryClient, activeProfileId]);
}
