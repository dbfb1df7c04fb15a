import type { KpiId, ReportResult } from '../../reports/types';
import type { AmountDisplay } from '../format';
import type { AmountScale } from '../model';
import type { ReconciliationSummaryInput } from '../reconciliation-input';
import type { ReportView } from '../report-view';

/** Everything a section builder reads. */
export interface SectionContext {
  report: ReportResult;
  view: ReportView;
  display: AmountDisplay;
  scale: AmountScale;
  /** "EUR k" */
  unitLabel: string;
  /** Labels of the 13 trend months, oldest first. */
  trendLabels: string[];
  reconciliation?: ReconciliationSummaryInput;
  /** Month budget per KPI (same units as the KPI), when a budget is loaded. */
  budget?: Partial<Record<KpiId, number>>;
}
