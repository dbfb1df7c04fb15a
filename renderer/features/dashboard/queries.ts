import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unpackDrilldownRows } from '../../../shared/reports/drilldown-columns';
import type { Drilldown, DrilldownRow, KpiId } from '../../../shared/reports/types';
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

/** A drill-down as the panel shows it: the core's packed columns unpacked into row objects. */
export interface DrilldownRecords extends Omit<Drilldown, 'columns'> {
  rows: DrilldownRow[];
  /** The figure has channels (revenue, orders): rows carry one, and the panel offers the channel column. */
  hasChannel: boolean;
}

/** Unpacks the core's columnar drill-down once, when it arrives (the query cache keeps the rows). */
export function toDrilldownRecords(drilldown: Drilldown): DrilldownRecords {
  const { columns, ...meta } = drilldown;
  return { ...meta, rows: unpackDrilldownRows(drilldown), hasChannel: columns.channel !== undefined };
}

export function useDrilldown(request: DrilldownKey | null) {
  const api = useApi();
  return useQuery({
    queryKey: request ? reportKeys.drilldown(request) : [...reportKeys.all, 'drilldown', 'none'],
    queryFn: async () => toDrilldownRecords(await api.call('reports.drilldown', request!)),
    enabled: request !== null,
    // 100,000 fresh rows: comparing them deeply with the previous answer would cost more than it saves.
    structuralSharing: false,
  });
}
