import { z } from 'zod';
import { CurrencyCodeSchema, DrilldownSchema, KpiIdSchema, MonthKeySchema, ReportResultSchema } from '../../reports/types';
import { defineContract } from '../define';

/** The dashboard's figures, from the reporting engine over the active cache (works offline). */
export const reportsContract = defineContract({
  /** Every KPI per company and for the consolidated group (when several companies or another currency). */
  'reports.get': {
    input: z.object({
      month: MonthKeySchema,
      companies: z.union([z.array(z.number().int()).min(1), z.literal('all')]),
      currency: CurrencyCodeSchema.optional(),
    }).strict(),
    output: ReportResultSchema,
  },
  /** The records behind one company's figure; their amounts sum exactly to it. */
  'reports.drilldown': {
    input: z.object({
      month: MonthKeySchema,
      companyId: z.number().int(),
      kpi: KpiIdSchema,
      column: z.enum(['month', 'ytd']).default('month'),
      key: z.string().max(100).optional(),
    }).strict(),
    output: DrilldownSchema,
  },
});
