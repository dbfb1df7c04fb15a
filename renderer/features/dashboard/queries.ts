import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { KpiId } from '../../../shared/reports/types';
import { useApi } from '../../api/ApiContext';

export interface ReportScope {
  month: string;
  companies: number[] | 'all';
  currency: string | null;
}

/** Query keys of the dashboard; all of them are invalidated when a sync completes. */
export const reportKeys = {
  all: ['reports'] as const,
  report: (scope: ReportScope) => [...reportKeys.all, 'report', scope] as const,
  drilldown: (request: DrilldownKey) => [...reportKeys.all, 'drilldown', request] as const,
};

export interface DrilldownKey {
  month: string;
  companyId: number;
  kpi: KpiId;
  column: 'month' | 'ytd';
  key?: string;
}

export function useReport(scope: ReportScope | null) {
  const api = useApi();
  return useQuery({
    queryKey: scope ? reportKeys.report(scope) : [...reportKeys.all, 'none'],
    queryFn: () => api.call('reports.get', { month: scope!.month, companies: scope!.companies, ...(scope!.currency ? { currency: scope!.currency } : {}) }),
    enabled: scope !== null,
    placeholderData: keepPreviousData,
  });
}

export function useDrilldown(request: DrilldownKey | null) {
  const api = useApi();
  return useQuery({
    queryKey: request ? reportKeys.drilldown(request) : [...reportKeys.all, 'drilldown', 'none'],
    queryFn: () => api.call('reports.drilldown', request!),
    enabled: request !== null,
  });
}
