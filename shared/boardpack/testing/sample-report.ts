import { AGING_BUCKETS, KPI_IDS, type BalanceRow, type CompanyReport, type Kpi, type KpiId, type KpiSet, type ReportResult, type StatementRow, type Unit } from '../../reports/types';

/**
 * A deterministic ReportResult for tests and previews: two companies (EUR, USD) and a EUR group, plausible
 * figures, every KPI present. Numbers follow simple arithmetic so tests can reason about them.
 */

const MONTHS = ['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];

function unitOf(id: KpiId, currency: string): Unit {
  if (id === 'gross_margin_pct' || id === 'win_rate' || id === 'top10_customer_share' || id === 'budget_variance') return id === 'budget_variance' ? { kind: 'money', currency } : { kind: 'percent' };
  if (id === 'dso_days' || id === 'dpo_days' || id === 'inventory_days_of_supply') return { kind: 'days' };
  if (id === 'orders_count') return { kind: 'count' };
  if (id === 'pipeline_coverage' || id === 'csat') return { kind: 'ratio' };
  return { kind: 'money', currency };
}

function baseValue(id: KpiId, factor: number, monthIndex: number): number {
  const growth = 1 + monthIndex * 0.02;
  switch (id) {
    case 'gross_margin_pct':
      return Math.round((0.41 + monthIndex * 0.002) * 1e6) / 1e6;
    case 'win_rate':
      return 0.32;
    case 'top10_customer_share':
      return 0.275;
    case 'dso_days':
      return 41.5 - monthIndex * 0.25;
    case 'dpo_days':
      return 33.2;
    case 'inventory_days_of_supply':
      return 64;
    case 'orders_count':
      return Math.round(420 * factor * growth);
    case 'pipeline_coverage':
      return 2.35;
    case 'csat':
      return 4.4;
    case 'net_revenue':
      return Math.round(12_345_678 * factor * growth);
    case 'cogs':
      return Math.round(7_283_950 * factor * growth);
    case 'gross_margin':
      return Math.round(12_345_678 * factor * growth) - Math.round(7_283_950 * factor * growth);
    case 'opex':
      return Math.round(3_100_045 * factor);
    case 'ebitda':
      return Math.round(12_345_678 * factor * growth) - Math.round(7_283_950 * factor * growth) - Math.round(3_100_045 * factor);
    case 'cash':
      return Math.round(48_000_000 * factor + monthIndex * 1_250_033);
    default:
      return Math.round(5_432_109 * factor * growth);
  }
}

function kpi(id: KpiId, currency: string, factor: number): Kpi {
  const trend = MONTHS.map((month, index) => ({ month, value: baseValue(id, factor, index) }));
  const month = trend[12]?.value ?? null;
  const flow = ['net_revenue', 'cogs', 'gross_margin', 'opex', 'ebitda', 'orders_count'].includes(id);
  const ytd = flow && month !== null ? (trend[10]?.value ?? 0) + (trend[11]?.value ?? 0) + month : month;
  const result: Kpi = {
    id,
    unit: unitOf(id, currency),
    status: 'ok',
    month,
    qtd: ytd,
    ytd,
    ltm: flow ? trend.slice(1).reduce((sum, point) => sum + (point.value ?? 0), 0) : month,
    priorYearMonth: trend[0]?.value ?? null,
    priorYearYtd: ytd === null ? null : Math.round(ytd * 0.9),
    trend,
  };
  if (id === 'revenue_by_channel' || id === 'net_revenue') {
    const total = baseValue('net_revenue', factor, 12);
    const web = Math.round(total * 0.5);
    const market = Math.round(total * 0.3);
    result.breakdown = [
      { key: 'team:1', label: 'Webshop', month: web, ytd: web * 3 },
      { key: 'team:2', label: '=Marketplace', month: market, ytd: market * 3 },
      { key: 'unassigned', label: 'Direct sales', month: total - web - market, ytd: (total - web - market) * 3 },
    ];
    if (id === 'revenue_by_channel') {
      result.month = total;
      result.ytd = web * 3 + market * 3 + (total - web - market) * 3;
    }
  }
  if (id === 'ar_aging') {
    const parts = [0.55, 0.22, 0.11, 0.07];
    const total = baseValue('ar_total', factor, 12);
    const amounts = parts.map((part) => Math.round(total * part));
    amounts.push(total - amounts.reduce((a, b) => a + b, 0));
    const labels = ['Current', '1\u201330', '31\u201360', '61\u201390', '90+'];
    result.breakdown = AGING_BUCKETS.map((bucket, index) => ({ key: bucket, label: labels[index] ?? bucket, month: amounts[index] ?? 0, ytd: amounts[index] ?? 0 }));
    result.month = total;
    result.ytd = total;
  }
  if (id === 'budget_variance') {
    const line = (kpiId: KpiId, share: number) => {
      const month = Math.round(baseValue(kpiId, factor, 12) * share);
      return { key: kpiId, label: kpiId, month: null, ytd: null, extra: { budget_month: month, budget_ytd: month * 3 } };
    };
    result.breakdown = [line('net_revenue', 0.97), line('cogs', 1.01), line('opex', 0.99)];
  }
  if (id === 'top10_customer_share') {
    result.breakdown = [
      { key: 'partner:7', label: 'Acme Retail AG', month: null, ytd: null, extra: { ltm: Math.round(9_100_000_00 * factor) } },
      { key: 'partner:9', label: '@Evil Corp', month: null, ytd: null, extra: { ltm: Math.round(4_200_000_00 * factor) } },
      { key: 'partner:3', label: 'Baltic Trade Oy', month: null, ytd: null, extra: { ltm: Math.round(2_950_123_45 * factor) } },
    ];
  }
  if (id === 'pipeline_weighted') {
    result.breakdown = [
      { key: 'stage:1', label: 'Qualified', month: 1_200_000_00, ytd: null, extra: { expected: 4_000_000_00 } },
      { key: 'stage:2', label: 'Proposition', month: 900_000_00, ytd: null, extra: { expected: 1_800_000_00 } },
      { key: 'stage:3', label: 'Negotiation', month: 650_000_00, ytd: null, extra: { expected: 820_000_00 } },
    ];
  }
  return result;
}

function kpiSet(currency: string, factor: number): KpiSet {
  const entries = KPI_IDS.map((id) => [id, kpi(id, currency, factor)] as const);
  const set = Object.fromEntries(entries);
  return set as KpiSet;
}

function pnl(set: KpiSet): StatementRow[] {
  const line = (key: string, label: string, level: number, isTotal: boolean, k: KpiId): StatementRow => ({
    key,
    label,
    level,
    isTotal,
    month: set[k].month,
    ytd: set[k].ytd,
    priorYearMonth: set[k].priorYearMonth,
    priorYearYtd: set[k].priorYearYtd,
  });
  const gm = line('gross_margin', 'Gross margin', 0, true, 'gross_margin');
  const ebitda = line('ebitda', 'EBITDA', 0, true, 'ebitda');
  const revenue = line('net_revenue', 'Net revenue', 1, false, 'net_revenue');
  const cogs = line('cogs', 'Cost of sales', 1, false, 'cogs');
  const opex = line('opex', 'Operating expenses', 1, false, 'opex');
  // Prior-year columns of totals follow from the lines so the statement ties out in every column.
  const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  gm.priorYearMonth = minus(revenue.priorYearMonth, cogs.priorYearMonth);
  gm.priorYearYtd = minus(revenue.priorYearYtd, cogs.priorYearYtd);
  gm.ytd = minus(revenue.ytd, cogs.ytd);
  ebitda.priorYearMonth = minus(gm.priorYearMonth, opex.priorYearMonth);
  ebitda.priorYearYtd = minus(gm.priorYearYtd, opex.priorYearYtd);
  ebitda.ytd = minus(gm.ytd, opex.ytd);
  return [revenue, cogs, gm, opex, ebitda];
}

function balanceSheet(factor: number): BalanceRow[] {
  const row = (key: string, label: string, level: number, isTotal: boolean, base: number): BalanceRow => ({
    key,
    label,
    level,
    isTotal,
    closing: Math.round(base * factor),
    priorMonthClosing: Math.round(base * factor * 0.97),
    priorFiscalYearClosing: Math.round(base * factor * 0.9),
  });
  const rows = [row('cash', 'Cash', 1, false, 63_000_429), row('receivables', 'Receivables', 1, false, 5_432_109), row('inventory', 'Inventory', 1, false, 9_876_543)];
  const total: BalanceRow = {
    key: 'assets',
    label: 'Total assets',
    level: 0,
    isTotal: true,
    closing: rows.reduce((sum, r) => sum + (r.closing ?? 0), 0),
    priorMonthClosing: rows.reduce((sum, r) => sum + (r.priorMonthClosing ?? 0), 0),
    priorFiscalYearClosing: rows.reduce((sum, r) => sum + (r.priorFiscalYearClosing ?? 0), 0),
  };
  return [...rows, total];
}

function company(companyId: number, name: string, currency: string, factor: number): CompanyReport {
  const set = kpiSet(currency, factor);
  return {
    companyId,
    name,
    currency,
    timezone: 'Europe/Berlin',
    period: {
      month: '2026-03',
      monthStart: '2026-03-01',
      monthEnd: '2026-03-31',
      quarterStart: '2026-01-01',
      fiscalYearStart: '2026-01-01',
      fiscalYearEnd: '2026-12-31',
      trendMonths: MONTHS,
    },
    kpis: set,
    pnl: pnl(set),
    balanceSheet: balanceSheet(factor),
  };
}

/** The sample report (month 2026-03, companies 1 and 2, consolidated in EUR). */
export function sampleReport(): ReportResult {
  const groupKpis = kpiSet('EUR', 1.9);
  return {
    schemaVersion: 1,
    month: '2026-03',
    generatedAt: '2026-04-02T06:00:00.000Z',
    presentationCurrency: 'EUR',
    companies: [company(1, 'Northwind GmbH', 'EUR', 1), company(2, 'Northwind Inc.', 'USD', 1)],
    consolidated: {
      currency: 'EUR',
      companyIds: [1, 2],
      kpis: groupKpis,
      pnl: pnl(groupKpis),
      balanceSheet: balanceSheet(1.9),
      contributions: [],
      fxRates: [
        { from: 'USD', to: 'EUR', month: '2026-03', kind: 'average', rate: '0.912345' },
        { from: 'USD', to: 'EUR', month: '2026-03', kind: 'closing', rate: '0.908811' },
      ],
      cta: [
        { companyId: 2, currency: 'USD', netAssetsFunctional: 50_000_000, translatedNetAssets: 45_440_550, translatedEquityAtHistorical: 30_000_000, translatedRetainedEarnings: 16_000_000, cta: -559_450, ctaMovementMonth: -120_311 },
      ],
      ctaTotal: -559_450,
      intercompany: { pairs: [], eliminatedRevenueMonth: 0, eliminatedRevenueYtd: 0, eliminatedReceivables: 0, eliminatedPayables: 0 },
    },
    dataQuality: [
      { code: 'stale_draft_invoice', severity: 'warning', companyId: 1, message: '3 draft invoices older than 30 days', count: 3, model: 'account.move', sampleIds: [11, 12, 13] },
    ],
    availability: [],
  };
}
