/**
 * The month-by-month driver: master data, then for each of the 24 months the sales of every
 * channel, replenishment, operating costs, CRM, the payments and refunds falling due, and the
 * month-end snapshot of the answer key. Memory stays bounded: records stream to the sink and
 * only open documents (unpaid invoices, pending payouts) are kept.
 */
import { DEFAULT_END_MONTH, monthWindow, parseMonth, odooDatetime } from './calendar';
import type { MonthInfo } from './calendar';
import { Rng } from './prng';
import { SCALES, SEASONALITY, MONTHLY_GROWTH } from './scale';
import type { DemoOptions, DemoSink, DemoSummary, DemoScale } from './types';
import { buildMasterData, CURRENCY_IDS, LOCATIONS, TEAM_NAMES } from './master-data';
import { buildCatalog } from './catalog';
import { buildRates, fxSummary } from './fx';
import { Emitter, IdAllocator } from './emitter';
import { KeyAccumulator } from './answer-key';
import type { AnswerKey, CompanyMonthFigures, IntercompanyMismatch } from './answer-key';
import { Ledger } from './ledger';
import { Reconciler } from './reconcile';
import { StockBook } from './stock';
import type { SalesContext } from './sales';
import { Plants } from './channel-common';
import { ShopifyChannel } from './shopify';
import { WooChannel } from './woocommerce';
import { MarketplaceChannel } from './marketplace';
import { runDirectMonth } from './direct';
import { runPurchasing } from './purchasing';
import { bookOpening, runOpexMonth } from './opex';
import { runCrmMonth } from './crm';
import { BUDGET_FILE, CSAT_FILE, buildBudgetCsv, buildCsatCsv } from './plan-files';

export const HISTORY_MONTHS = 24;

export interface ResolvedOptions {
  scale: DemoScale;
  seed: number;
  endMonth: string;
}

/** Validates options, filling defaults; throws RangeError with a message naming the bad value. */
export function resolveOptions(opts: DemoOptions): ResolvedOptions {
  if (!(opts.scale in SCALES)) throw new RangeError(`scale must be small, medium or large, got "${String(opts.scale)}"`);
  const seed = opts.seed ?? 1;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${String(opts.seed)}`);
  const endMonth = opts.endMonth ?? DEFAULT_END_MONTH;
  parseMonth(endMonth);
  return { scale: opts.scale, seed, endMonth };
}

/** Runs the whole generator into `sink`; returns the summary and the answer key. */
export function runGenerator(opts: DemoOptions, sink: DemoSink): { summary: DemoSummary; answerKey: AnswerKey } {
  const { scale, seed, endMonth } = resolveOptions(opts);
  const config = SCALES[scale];
  const months = monthWindow(endMonth, HISTORY_MONTHS);
  const firstDay = months[0]!.firstDay;
  const endDay = months[months.length - 1]!.lastDay;
  const masterStamp = odooDatetime(firstDay * 86_400_000 - 86_400_000 + 6 * 3_600_000);
  const rng = (label: string): Rng => Rng.derive(seed, label);

  const out = new Emitter(sink);
  const ids = new IdAllocator();
  const master = buildMasterData(config.usdEntity, masterStamp);
  const companies = master.companies;
  const catalog = buildCatalog(rng('catalog'), companies, config.products, config.directCustomersPerCompany, config.shopCustomers, config.vendors, masterStamp);
  for (const source of [master.records, catalog.records]) {
    for (const [model, records] of source) out.emitAll(model, records);
  }
  const { table: rates, records: rateRows } = buildRates(rng('fx'), companies, months);
  for (const row of rateRows) {
    const rate = row.rate6 / 1e6;
    const stamp = odooDatetime(row.day * 86_400_000 + 3_600_000);
    out.emit('res.currency.rate', {
      id: ids.take('res.currency.rate'), name: new Date(row.day * 86_400_000).toISOString().slice(0, 10), currency_id: CURRENCY_IDS[row.currency],
      company_id: companies[row.companyIndex]!.id, rate, company_rate: rate, inverse_company_rate: 1 / rate, create_date: stamp, write_date: stamp,
    });
  }

  const monthIndexByDay = new Int16Array(endDay - firstDay + 1);
  months.forEach((m, i) => monthIndexByDay.fill(i, m.firstDay - firstDay, m.lastDay - firstDay + 1));
  const monthOf = (day: number): number => monthIndexByDay[Math.min(Math.max(day - firstDay, 0), endDay - firstDay)]!;
  const key = new KeyAccumulator(companies.length, months.length);
  const ledger = new Ledger(ids, out, rates, key, monthOf);
  const reconciler = new Reconciler(ledger);
  const stock = new StockBook(ids, out);
  const queue = new Map<number, (() => void)[]>();
  const ctx: SalesContext = {
    ids, out, ledger, reconciler, stock, key, monthOf, shippingProductId: catalog.shippingProductId, endDay,
    later(day, action) {
      if (day > endDay) return;
      const list = queue.get(day) ?? [];
      list.push(action);
      queue.set(day, list);
    },
  };
  const plants = new Plants();
  const icMismatches: IntercompanyMismatch[] = [];
  const parent = companies[0]!;
  const sub = companies[1]!;
  const shopify = new ShopifyChannel(ctx, rng('shopify'), parent, catalog, plants, out);
  const woo = new WooChannel(ctx, rng('woocommerce'), sub, catalog, plants, out);
  const marketplace = new MarketplaceChannel(ctx, rng('marketplace'), parent, catalog, plants, out, firstDay);
  // Fixed costs and opening balances grow with the business (7 direct orders a month = 1×).
  const scaleFactor = config.directOrders[0] / 7;
  const pipeline = companies.map(() => 0);
  const rngDirect = rng('direct');
  const rngOps = rng('operations');
  const rngCrm = rng('crm');

  const runDue = (month: MonthInfo): void => {
    for (;;) {
      const due = [...queue.keys()].filter((d) => d <= month.lastDay).sort((a, b) => a - b);
      if (due.length === 0) return;
      for (const day of due) {
        const actions = queue.get(day)!;
        queue.delete(day);
        for (const action of actions) action();
      }
    }
  };

  months.forEach((month, m) => {
    const isLast = m === months.length - 1;
    const factor = SEASONALITY[month.month]! * MONTHLY_GROWTH ** m;
    const volume = (mean: number, r: Rng): number => r.around(mean * factor, 0.15);
    if (m === 0) for (const company of companies) bookOpening(ctx, company, month.firstDay, scaleFactor * (company.index === 0 ? 1 : 0.6));
    for (const company of companies) runDirectMonth(ctx, rngDirect, company, catalog, month, volume(config.directOrders[company.index]!, rngDirect), config.maxLinesPerOrder, m, isLast);
    shopify.runMonth(month, m, volume(config.shopifyOrders, rngOps), isLast);
    woo.runMonth(month, m, volume(config.wooOrders, rngOps), isLast);
    marketplace.runMonth(month, m, volume(config.marketplaceOrders, rngOps), isLast);
    for (const company of companies) pipeline[company.index]! += runCrmMonth(ctx, rngCrm, company, catalog, month, volume(config.leadsPerMonth * (company.index === 0 ? 0.6 : 0.25), rngCrm));
    runPurchasing(ctx, rngOps, companies, catalog, month, m, isLast, icMismatches);
    for (const company of companies) {
      const prior = m > 0 ? -(key.movement(company.index, 'income', m - 1) + key.movement(company.index, 'income_ic', m - 1)) : 0;
      const base = prior > 0 ? prior : config.directOrders[company.index]! * 500_000 * (company.index === 0 ? 1.3 : 1.2);
      runOpexMonth(ctx, rngOps, company, catalog, month, base, scaleFactor * (company.index === 0 ? 1 : 0.5));
    }
    runDue(month);
    // Month-end ageing of open receivables (residuals as of this day, by due date).
    for (const line of ledger.openReceivables) {
      if (line.day > month.lastDay || line.residual === 0) continue;
      const bucket = key.aging[line.company.index]![m]!;
      const overdue = month.lastDay - line.dueDay;
      if (overdue <= 0) bucket.current += line.residual;
      else if (overdue <= 30) bucket.d1_30 += line.residual;
      else if (overdue <= 60) bucket.d31_60 += line.residual;
      else if (overdue <= 90) bucket.d61_90 += line.residual;
      else bucket.d90_plus += line.residual;
      bucket.total += line.residual;
    }
  });
  reconciler.finish();
  const locations = new Map<number, { companyId: number; warehouseId: number | false }>();
  for (const company of companies) company.stockLocationIds.forEach((loc, i) => locations.set(loc, { companyId: company.id, warehouseId: company.warehouseIds[i]! }));
  locations.set(LOCATIONS.transit, { companyId: parent.id, warehouseId: false });
  stock.emitQuants(locations, odooDatetime(endDay * 86_400_000 + 20 * 3_600_000));
  out.flush();

  const answerKey: AnswerKey = {
    format: 'boardpack-demo-answer-key', version: 1, scale, seed, end_month: endMonth,
    companies: companies.map((company) => ({
      id: company.id, name: company.name, currency: company.currency, timezone: company.tz, fiscal_year_last_month: company.fiscalLastMonth,
      months: months.map((month, m): CompanyMonthFigures => {
        const c = company.index;
        const netRevenue = -(key.movement(c, 'income', m) + key.movement(c, 'income_ic', m));
        const cogs = key.movement(c, 'cogs', m);
        const opex = key.movement(c, 'opex', m);
        const aging = key.aging[c]![m]!;
        return {
          month: month.key, net_revenue: netRevenue, cogs, gross_margin: netRevenue - cogs, opex, depreciation: key.movement(c, 'depreciation', m),
          other_income: -key.movement(c, 'income_other', m), other_expense: key.movement(c, 'expense_other', m), ebitda: netRevenue - cogs - opex,
          cash: key.closing(c, 'cash', m), ar_total: key.closing(c, 'receivable', m),
          ar_aging: { current: aging.current, d1_30: aging.d1_30, d31_60: aging.d31_60, d61_90: aging.d61_90, d90_plus: aging.d90_plus },
          ap_total: -key.closing(c, 'payable', m), inventory_value: key.closing(c, 'inventory', m),
          pipeline_weighted: m === months.length - 1 ? pipeline[c]! : null,
          orders_count: Object.fromEntries([...new Set([...Object.values(TEAM_NAMES), ...key.ordersCount[c]![m]!.keys()])].map((t) => [t, key.ordersCount[c]![m]!.get(t) ?? 0])),
          revenue_by_channel: key.channelRevenue(c, m),
          intercompany_sales: -key.movement(c, 'income_ic', m), intercompany_purchases: key.icPurchases[c]![m]!,
        };
      }),
    })),
    fx_rates: fxSummary(rates, companies, months),
    discrepancies: plants.list,
    intercompany_mismatches: icMismatches,
    planted_duplicate_partners: catalog.duplicates,
    totals: { moves: ledger.moveCount, journal_items: ledger.lineCount, sale_orders: out.counts['sale.order'] ?? 0 },
  };
  // Plan data lives outside Odoo: derived from the finished books, written beside the shop exports.
  for (const [path, content] of [[BUDGET_FILE, buildBudgetCsv(answerKey)], [CSAT_FILE, buildCsatCsv(answerKey)]] as const) {
    out.exportFile(path, content, content.split('\n').length - 2);
  }
  const summary: DemoSummary = { scale, seed, endMonth, counts: { ...out.counts }, exportFiles: [...out.exportFiles] };
  return { summary, answerKey };
}
