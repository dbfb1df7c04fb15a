import { addMonths, type MonthKey, type ReportPeriods } from '../../../shared/period/period';
import type { CompanyInfo, ReadonlyDb, SkippedModels } from './context';
import type { BalanceMeasure, FlowMeasure, KpiInputs } from './inputs';
import { foldLedger, scanLedger, type Ledger, type LedgerRow } from './ledger';
import { loadDocumentTotals, openItemsAsOf, type Aging } from './receivables';
import { loadOrderStats, loadRevenueDetail, type OrderStats, type RevenueDetail } from './sales';
import { loadLeads } from './pipeline';
import { loadCsat } from './csat';
import { loadBudget } from './budget';
import { monthEnd } from '../../../shared/period/period';

/** Everything loaded for one company, kept for statements, consolidation and drill-down. */
export interface CompanyData {
  company: CompanyInfo;
  periods: ReportPeriods;
  ledger: Ledger;
  aging: Aging;
  revenue: RevenueDetail;
  orders: OrderStats;
  inputs: KpiInputs;
}

/** Months any KPI window of the report can touch (prior-year YTD start → report month). */
export function earliestMonth(periods: ReportPeriods): MonthKey {
  const candidates = [periods.trend[0], periods.ltm[0], periods.priorYearYtd[0], periods.ytd[0]].filter((m): m is MonthKey => m !== undefined);
  return candidates.sort()[0] ?? addMonths(periods.month, -24);
}

/** Loads one company's sources and exposes them as {@link KpiInputs} in its own currency. */
export function loadCompanyData(
  db: ReadonlyDb,
  company: CompanyInfo,
  periods: ReportPeriods,
  skipped: SkippedModels,
  ledgerRows: readonly LedgerRow[] = scanLedger(db, company.id, periods.month),
): CompanyData {
  const from = earliestMonth(periods);
  const ledger = foldLedger(company, ledgerRows);
  const documents = loadDocumentTotals(db, company.id, monthEnd(periods.month));
  const aging = openItemsAsOf(db, company.id, 'asset_receivable', monthEnd(periods.month));
  const revenue = loadRevenueDetail(db, company, from, periods.month);
  const orders = loadOrderStats(db, company, from, periods.month);
  const leads = skipped.has('crm.lead') ? null : loadLeads(db, company);
  const csat = loadCsat(db, [company.id]);
  const budget = loadBudget(db, company.id, company.accounts);

  const flow = (measure: FlowMeasure, month: MonthKey): number => {
    switch (measure) {
      case 'net_revenue':
        return -ledger.pnl('revenue', month);
      case 'other_income':
        return -ledger.pnl('other_income', month);
      case 'credit_sales':
        return documents.creditSales(month);
      case 'purchases':
        return documents.purchases(month);
      case 'orders_amount':
        return orders.amount(month);
      default:
        return ledger.pnl(measure, month);
    }
  };
  const balance = (measure: BalanceMeasure, month: MonthKey): number => {
    switch (measure) {
      case 'cash':
        return ledger.bsClosing('cash', month);
      case 'ar':
        return ledger.bsClosing('receivables', month);
      case 'ap':
        return -ledger.bsClosing('payables', month);
      case 'inventory':
        return ledger.bsClosing('inventory', month);
    }
  };

  let targetRemaining: number | null = null;
  let targetSource: 'budget' | 'team_targets' | 'none' = 'none';
  const remainingMonths: MonthKey[] = [];
  for (let m = addMonths(periods.month, 1); m <= periods.fiscalYearEnd; m = addMonths(m, 1)) remainingMonths.push(m);
  if (budget && remainingMonths.some((m) => budget('net_revenue', m) !== null)) {
    targetRemaining = remainingMonths.reduce((sum, m) => sum + (budget('net_revenue', m) ?? 0), 0);
    targetSource = 'budget';
  } else if (leads?.monthlyTeamTarget) {
    targetRemaining = leads.monthlyTeamTarget * remainingMonths.length;
    targetSource = 'team_targets';
  }

  const unavailable = new Map<string, string>();
  for (const [model, reason] of skipped) unavailable.set(model, reason);

  const inputs: KpiInputs = {
    currency: company.currency,
    flow,
    balance,
    channels: [...revenue.channels.values(), ...orders.channels.values()].filter(
      (c, i, all) => all.findIndex((o) => o.key === c.key) === i,
    ),
    channelRevenue: (month, key) => revenue.byChannel(month, key),
    orderCount: (month, key) => orders.count(month, key),
    customerRevenue(months) {
      const result = new Map<string, { name: string; amount: number }>();
      for (const [id, entry] of revenue.byCustomer(months)) result.set(`partner:${id}`, entry);
      return result;
    },
    aging: aging.buckets,
    pipeline: leads ? leads.pipeline(periods.month, periods.fiscalYearEnd, targetRemaining, targetSource) : null,
    winLoss: (months) => (leads ? leads.winLoss(months) : null),
    csat: (months) => (csat ? csat(months) : null),
    budget: (kpi, month) => (budget ? budget(kpi, month) : null),
    unavailable,
  };
  return { company, periods, ledger, aging, revenue, orders, inputs };
}
