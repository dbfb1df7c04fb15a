import { useHotkeys } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../api/ApiContext';
import { shellHotkeys } from './hotkeys';
import { useView } from './view-state';

/** Mutation key of "Sync now" started from the keyboard; the status bar shows its failures. */
export const SYNC_NOW_KEY = ['shell', 'syncNow'] as const;

/** The app-wide shortcuts (Alt+1…5, Alt+S, Shift+?). Alt+E belongs to the Board pack screen. */
export function useShellHotkeys(openHelp: () => void): void {
  const api = useApi();
  const view = useView();
  const syncNow = useMutation({
    mutationKey: SYNC_NOW_KEY,
    mutationFn: () => api.call('sync.start', {}),
    onSettled: () => view.go('sync'),
  });
  useHotkeys(shellHotkeys({ go: view.go, syncNow: () => !syncNow.isPending && syncNow.mutate(), help: openHelp }));
}
