import { AppError } from '../../../shared/rpc/errors';
import { addMonths, monthEnd, monthStart, reportPeriods, type MonthKey } from '../../../shared/period/period';
import type { AvailabilityNote, CompanyReport, ConsolidatedReport, DataQualityFinding, KpiId, ReportRequest, ReportResult } from '../../../shared/reports/types';
import { MonthKeySchema } from '../../../shared/reports/types';
import { systemClock, type Clock } from '../clock';
import { currencyDecimals, defaultTimezone, listCompanyIds, loadCompany, loadRateTable, loadSkippedModels, type ReadonlyDb } from './context';
import { loadCompanyData, type CompanyData } from './company-inputs';
import { composeKpis } from './kpis';
import { balanceSheet, pnlStatement } from './statements';
import { consolidate } from './consolidation';
import { companyDataQuality, intercompanyMismatchMessage } from './data-quality';
import { scanLedger, stockOutputAccounts } from './ledger';
import type { PnlCategory } from './classification';
import { PNL_CATEGORIES } from './classification';

/** Options beyond the shared request: per-company timezones (Odoo has no company tz) and a clock. */
export interface BuildReportOptions {
  /** IANA timezone per Odoo company id; wins over `request.tz` and the synced user tz. */
  companyTimezones?: Readonly<Record<number, string>>;
  clock?: Clock;
}

const KPIS_BY_MODEL: Record<string, KpiId[]> = {
  'crm.lead': ['pipeline_weighted', 'pipeline_coverage', 'win_rate'],
  'sale.order': ['orders_count', 'average_order_value'],
  'stock.quant': ['inventory_days_of_supply'],
  'account.partial.reconcile': ['ar_aging', 'dso_days'],
};

/** Everything loaded for a report, kept so drill-down can reuse it. */
export interface LoadedReport {
  result: ReportResult;
  companies: CompanyData[];
}

function companyReport(data: CompanyData): CompanyReport {
  const { company, periods, ledger } = data;
  const earnings = (m: MonthKey): number => {
    let total = 0;
    for (const month of ledger.activeMonths()) if (month <= m) for (const cat of PNL_CATEGORIES) total -= ledger.pnl(cat, month);
    return total;
  };
  return {
    companyId: company.id,
    name: company.name,
    currency: company.currency,
    timezone: company.timezone,
    period: {
      month: periods.month,
      monthStart: monthStart(periods.month),
      monthEnd: monthEnd(periods.month),
      quarterStart: monthStart(periods.qtd[0] ?? periods.month),
      fiscalYearStart: monthStart(periods.fiscalYearStart),
      fiscalYearEnd: monthEnd(periods.fiscalYearEnd),
      trendMonths: periods.trend,
    },
    kpis: composeKpis(data.inputs, periods),
    pnl: pnlStatement(periods, (cat: PnlCategory, m) => ledger.pnl(cat, m)),
    balanceSheet: balanceSheet(
      (cls, m) => ledger.bsClosing(cls, m),
      { closing: periods.month, priorMonth: addMonths(periods.month, -1), priorFiscalYearEnd: periods.priorFiscalYearEnd },
      (m) => ({ equity: -ledger.bsClosing('equity', m), earnings: earnings(m), cta: 0 }),
    ),
  };
}

/**
 * Builds the full report (every KPI per company and for the consolidated group) for one month
 * from a cache opened read-only. Pure reads; the same inputs always give the same result.
 */
export function loadReport(db: ReadonlyDb, request: ReportRequest, options: BuildReportOptions = {}): LoadedReport {
  const month = MonthKeySchema.safeParse(request.month);
  if (!month.success) throw new AppError('validation', `--month must be YYYY-MM, got "${request.month}".`);
  const allIds = listCompanyIds(db);
  if (allIds.length === 0) throw new AppError('not_found', 'The cache holds no company.', { hint: 'Run `boardpack sync` first.' });
  const ids = request.companies === 'all' ? allIds : request.companies;
  const fallbackTz = request.tz ?? defaultTimezone(db);
  const staleDays = request.staleDraftDays ?? 30;

  const companies: CompanyData[] = [];
  const dataQuality: DataQualityFinding[] = [];
  const availability: AvailabilityNote[] = [];
  for (const id of ids) {
    const ledgerRows = scanLedger(db, id, request.month);
    const company = loadCompany(db, id, options.companyTimezones?.[id] ?? fallbackTz, stockOutputAccounts(ledgerRows));
    const skipped = loadSkippedModels(db, id);
    const periods = reportPeriods(request.month, { lastMonth: company.fiscalLastMonth });
    companies.push(loadCompanyData(db, company, periods, skipped, ledgerRows));
    dataQuality.push(...companyDataQuality(db, company, request.month, staleDays, skipped));
    for (const [model, reason] of skipped) {
      availability.push({ model, reason: `company ${id}: ${reason}`, kpis: KPIS_BY_MODEL[model] ?? [] });
    }
  }

  const first = companies[0]!.company;
  const currency = request.currency ?? first.currency;
  let consolidated: ConsolidatedReport | null = null;
  if (companies.length > 1 || currency !== first.currency) {
    // One rate table for the whole group: the first company reporting in the presentation currency
    // (else the first company), as Odoo's consolidation uses "the rates of the selected company".
    const anchor = companies.find((c) => c.company.currency === currency)?.company ?? first;
    const table = loadRateTable(db, anchor.id, anchor.currency);
    const decimals = currencyDecimals(db, anchor.id, currency);
    // The group reports in the anchor's fiscal calendar.
    const periods = reportPeriods(request.month, { lastMonth: anchor.fiscalLastMonth });
    const group = consolidate(db, companies, table, currency, decimals, periods);
    const missing = group.rates.filter((r) => r.rate === null);
    if (missing.length > 0) {
      dataQuality.push({
        code: 'missing_fx_rate',
        severity: 'error',
        companyId: null,
        model: 'res.currency.rate',
        message: `No ${missing[0]!.from}→${currency} rate for ${[...new Set(missing.map((r) => r.month))].join(', ')} in company ${anchor.id}'s rate table; translated figures are left empty (Odoo would silently use 1.0).`,
        count: missing.length,
        sampleIds: [],
      });
    }
    for (const pair of group.pairs.filter((p) => p.status === 'mismatch')) {
      dataQuality.push({
        code: 'intercompany_mismatch',
        severity: 'warning',
        companyId: pair.sellerCompanyId,
        model: 'account.move',
        message: intercompanyMismatchMessage(pair, (id) => companies.find((c) => c.company.id === id)?.company.name ?? `company ${id}`, currency, decimals),
        count: 1,
        sampleIds: pair.sampleMoveIds,
      });
    }
    consolidated = {
      currency,
      companyIds: companies.map((c) => c.company.id),
      kpis: group.kpis,
      pnl: pnlStatement(periods, group.pnl),
      balanceSheet: balanceSheet(group.bs, { closing: periods.month, priorMonth: addMonths(periods.month, -1), priorFiscalYearEnd: periods.priorFiscalYearEnd }, group.equity),
      contributions: group.contributions,
      fxRates: group.rates,
      cta: group.cta,
      ctaTotal: group.ctaTotal(periods.month),
      intercompany: {
        pairs: group.pairs,
        eliminatedRevenueMonth: group.eliminated.revenueMonth,
        eliminatedRevenueYtd: group.eliminated.revenueYtd,
        eliminatedReceivables: group.eliminated.receivables,
        eliminatedPayables: group.eliminated.payables,
      },
      ...(group.kpis.budget_variance.status === 'ok' ? { budgetBasis: group.budgetBasis } : {}),
    };
  }

  const result: ReportResult = {
    schemaVersion: 1,
    month: request.month,
    generatedAt: (options.clock ?? systemClock).now().toISOString(),
    presentationCurrency: currency,
    companies: companies.map(companyReport),
    consolidated,
    dataQuality,
    availability,
  };
  return { result, companies };
}

/** `buildReport(cache, request)`: the ReportResult only (see {@link loadReport}). */
export function buildReport(db: ReadonlyDb, request: ReportRequest, options: BuildReportOptions = {}): ReportResult {
  return loadReport(db, request, options).result;
}
