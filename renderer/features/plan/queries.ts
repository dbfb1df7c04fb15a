import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';

/** Query keys of the budget and survey imports. */
export const planKeys = {
  all: ['plan'] as const,
  batches: () => [...planKeys.all, 'batches'] as const,
};

/** The imports stored in the active cache and the demo's own plan files (when the demo is active). */
export function usePlanBatches() {
  const api = useApi();
  return useQuery({ queryKey: planKeys.batches(), queryFn: () => api.call('plan.listBatches', {}) });
}
