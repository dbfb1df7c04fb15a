import { averageFactor, closingFactor, type RateTable } from '../../../shared/fx/rates';
import { computeCta, translateAmount } from '../../../shared/fx/translate';
import { addMonths, monthEnd, type MonthKey, type ReportPeriods } from '../../../shared/period/period';
import type { Contribution, CtaRow, FxRateUsed, IntercompanyPair, KpiSet } from '../../../shared/reports/types';
import { PNL_CATEGORIES, type BsClass, type PnlCategory } from './classification';
import type { CompanyData } from './company-inputs';
import type { ReadonlyDb } from './context';
import { FLOW_MEASURES, type BalanceMeasure, type FlowMeasure, type KpiInputs } from './inputs';
import { composeKpis } from './kpis';
import { loadCsat } from './csat';
import type { Channel } from './sales';

/** Per company, the translation factors (cached per month) into the presentation currency. */
export interface Translator {
  company: CompanyData;
  average(month: MonthKey): string | null;
  closing(month: MonthKey): string | null;
  flow(amount: number, month: MonthKey): number | null;
  balance(amount: number, month: MonthKey): number | null;
  /** Revenue translated at the channel grain, so channels always sum to the translated total. */
  revenue(month: MonthKey): number | null;
  /** P&L category translated (revenue at channel grain), debit-positive. */
  pnl(cat: PnlCategory, month: MonthKey): number | null;
  rates: FxRateUsed[];
  /** CTA results per month-end, filled lazily by the consolidation. */
  ctaMemo: Map<MonthKey, ReturnType<typeof computeCta>>;
}

/** Builds a translator of one company into `currency` using the consolidating company's rate table. */
export function makeTranslator(data: CompanyData, table: RateTable, currency: string, presentationDecimals: number): Translator {
  const from = data.company.currency;
  const decimals = { from: data.company.decimals, to: presentationDecimals };
  const avg = new Map<MonthKey, string | null>();
  const close = new Map<MonthKey, string | null>();
  const rates: FxRateUsed[] = [];
  const average = (m: MonthKey): string | null => {
    if (!avg.has(m)) {
      const f = averageFactor(table, from, currency, m);
      avg.set(m, f);
      if (from !== currency) rates.push({ from, to: currency, month: m, kind: 'average', rate: f });
    }
    return avg.get(m) ?? null;
  };
  const closing = (m: MonthKey): string | null => {
    if (!close.has(m)) {
      const f = closingFactor(table, from, currency, m);
      close.set(m, f);
      if (from !== currency) rates.push({ from, to: currency, month: m, kind: 'closing', rate: f });
    }
    return close.get(m) ?? null;
  };
  const flow = (amount: number, m: MonthKey): number | null => translateAmount(amount, average(m), decimals);
  const pnlMemo = new Map<string, number | null>();
  const revenue = (m: MonthKey): number | null => {
    let total = 0;
    for (const channel of data.revenue.channels.values()) {
      const t = flow(data.revenue.byChannel(m, channel.key), m);
      if (t === null) return null;
      total += t;
    }
    // Revenue lines outside the loaded window (older than the report's earliest month) have no channel rows.
    const untracked = -data.ledger.pnl('revenue', m) - [...data.revenue.channels.values()].reduce((s, c) => s + data.revenue.byChannel(m, c.key), 0);
    const rest = flow(untracked, m);
    return rest === null ? null : total + rest;
  };
  return {
    company: data,
    average,
    closing,
    flow,
    balance: (amount, m) => translateAmount(amount, closing(m), decimals),
    revenue,
    pnl: (cat, m) => {
      const key = `${cat}|${m}`;
      if (pnlMemo.has(key)) return pnlMemo.get(key) ?? null;
      let value: number | null;
      if (cat === 'revenue') {
        const r = revenue(m);
        value = r === null ? null : -r;
      } else value = flow(data.ledger.pnl(cat, m), m);
      pnlMemo.set(key, value);
      return value;
    },
    rates,
    ctaMemo: new Map(),
  };
}

/** Intercompany amounts of one company (own currency) by month, read from the cache. */
export interface IntercompanyBalances {
  /** Expense-side (COGS + opex) amounts booked against group partners, debit-positive. */
  cost(month: MonthKey): number;
  /** Receivable / payable balances on group partners at a month-end (natural sign). */
  receivable(month: MonthKey): number;
  payable(month: MonthKey): number;
  sampleMoveIds: number[];
}

/** Loads a company's intercompany costs and balances (counterparty = another group company's partner). */
export function loadIntercompany(db: ReadonlyDb, data: CompanyData, groupPartners: ReadonlySet<number>): IntercompanyBalances {
  const partners = JSON.stringify([...groupPartners].filter((p) => p !== data.company.partnerId));
  const rows = db
    .prepare(
      `SELECT substr(l.date, 1, 7) AS month, l.account_id AS accountId, SUM(l.balance) AS balance, MIN(l.move_id) AS moveId
         FROM odoo_move_line l
         LEFT JOIN odoo_partner p ON p.sync_company_id = l.sync_company_id AND p.id = l.partner_id
        WHERE l.sync_company_id = ? AND l.company_id = ? AND l.parent_state = 'posted' AND l.date <= ?
          AND COALESCE(p.commercial_partner_id, l.partner_id) IN (SELECT value FROM json_each(?))
        GROUP BY month, l.account_id`,
    )
    .all(data.company.id, data.company.id, monthEnd(data.periods.month), partners) as { month: MonthKey; accountId: number; balance: number; moveId: number }[];
  const cost = new Map<MonthKey, number>();
  const recv: { month: MonthKey; balance: number }[] = [];
  const pay: { month: MonthKey; balance: number }[] = [];
  const samples = new Set<number>();
  for (const row of rows) {
    const account = data.company.accounts.get(row.accountId);
    samples.add(row.moveId);
    if (account?.pnl === 'cogs' || account?.pnl === 'opex') cost.set(row.month, (cost.get(row.month) ?? 0) + row.balance);
    else if (account?.bs === 'receivables') recv.push(row);
    else if (account?.bs === 'payables') pay.push(row);
  }
  const upTo = (list: { month: MonthKey; balance: number }[], m: MonthKey): number => list.reduce((s, r) => (r.month <= m ? s + r.balance : s), 0);
  return {
    cost: (m) => cost.get(m) ?? 0,
    receivable: (m) => upTo(recv, m),
    payable: (m) => -upTo(pay, m),
    sampleMoveIds: [...samples].slice(0, 20),
  };
}

function sumOrNull(values: Iterable<number | null>): number | null {
  let total = 0;
  for (const v of values) {
    if (v === null) return null;
    total += v;
  }
  return total;
}

/** Result pieces of the consolidation (the KPI set plus the IC and CTA schedules). */
export interface Consolidation {
  inputs: KpiInputs;
  kpis: KpiSet;
  pnl(cat: PnlCategory, month: MonthKey): number | null;
  bs(cls: BsClass, month: MonthKey): number | null;
  cta: CtaRow[];
  ctaTotal(month: MonthKey): number | null;
  equity(month: MonthKey): { equity: number | null; earnings: number | null; cta: number | null };
  pairs: IntercompanyPair[];
  eliminated: { revenueMonth: number; revenueYtd: number; receivables: number; payables: number };
  contributions: Contribution[];
  rates: FxRateUsed[];
}

/** CTA of one translated company at a month-end (memoised on the translator). */
function companyCta(t: Translator, month: MonthKey): ReturnType<typeof computeCta> {
  const hit = t.ctaMemo.get(month);
  if (hit) return hit;
  const result = computeCtaOf(t, month);
  t.ctaMemo.set(month, result);
  return result;
}

/** CTA of one translated company at a month-end (see shared/fx/translate). */
function computeCtaOf(t: Translator, month: MonthKey): ReturnType<typeof computeCta> {
  const ledger = t.company.ledger;
  const months = ledger.activeMonths().filter((m) => m <= month);
  const netAssetClasses: BsClass[] = ['cash', 'receivables', 'inventory', 'other_current_assets', 'non_current_assets', 'payables', 'other_current_liabilities', 'non_current_liabilities'];
  const pnlMonths = months.flatMap((m) =>
    PNL_CATEGORIES.map((cat) => {
      const translated = t.pnl(cat, m);
      // Already translated: pass through with factor 1 so computeCta sums exactly these amounts.
      return { balance: translated ?? 0, factor: translated === null ? null : '1' };
    }),
  );
  const presentationDecimals = { from: 0, to: 0 };
  const closing = t.closing(month);
  return computeCta({
    netAssetRows: netAssetClasses.map((cls) => t.balance(ledger.bsClosing(cls, month), month) ?? 0),
    closingFactor: closing === null ? null : '1',
    equityMovements: months.map((m) => {
      const translated = t.flow(ledger.bsMovement('equity', m), m);
      return { balance: translated ?? 0, factor: translated === null ? null : '1' };
    }),
    pnlMonths,
    decimals: presentationDecimals,
  });
}

/**
 * Consolidates companies into the presentation currency: P&L at monthly average factors (YTD = sum
 * of translated months), balances at closing factors, equity at historical (monthly average of each
 * movement), CTA as the balancing figure per company, intercompany revenue/cost/AR/AP eliminated
 * after listing both sides.
 */
export function consolidate(
  db: ReadonlyDb,
  companies: readonly CompanyData[],
  table: RateTable,
  currency: string,
  presentationDecimals: number,
  periods: ReportPeriods,
): Consolidation {
  const translators = companies.map((c) => makeTranslator(c, table, currency, presentationDecimals));
  const groupPartners = new Set(companies.map((c) => c.company.partnerId).filter((p): p is number => p !== null));
  const partnerOwner = new Map(companies.map((c) => [c.company.partnerId, c.company.id]));
  const ic = companies.map((c) => loadIntercompany(db, c, groupPartners));

  const icRevenue = (i: number, m: MonthKey): number | null => {
    const t = translators[i]!;
    const own = new Set([...groupPartners].filter((p) => p !== t.company.company.partnerId));
    return t.flow(t.company.revenue.toPartners(m, own), m);
  };
  const icCost = (i: number, m: MonthKey): number | null => translators[i]!.flow(ic[i]!.cost(m), m);
  const sumCompanies = (f: (i: number) => number | null): number | null => sumOrNull(companies.map((_, i) => f(i)));

  const pnl = (cat: PnlCategory, m: MonthKey): number | null => {
    const total = sumCompanies((i) => translators[i]!.pnl(cat, m));
    if (total === null) return null;
    if (cat === 'revenue') {
      const elim = sumCompanies((i) => icRevenue(i, m));
      return elim === null ? null : total + elim;
    }
    if (cat === 'cogs') {
      const elim = sumCompanies((i) => icCost(i, m));
      return elim === null ? null : total - elim;
    }
    return total;
  };
  const bs = (cls: BsClass, m: MonthKey): number | null => {
    const total = sumCompanies((i) => translators[i]!.balance(translators[i]!.company.ledger.bsClosing(cls, m), m));
    if (total === null) return null;
    if (cls === 'receivables') return sumOrNull([total, ...companies.map((_, i) => translators[i]!.balance(-ic[i]!.receivable(m), m))]);
    if (cls === 'payables') return sumOrNull([total, ...companies.map((_, i) => translators[i]!.balance(ic[i]!.payable(m), m))]);
    return total;
  };

  const flow = (measure: FlowMeasure, m: MonthKey): number | null => {
    switch (measure) {
      case 'net_revenue': {
        const r = pnl('revenue', m);
        return r === null ? null : -r;
      }
      case 'other_income': {
        const r = pnl('other_income', m);
        return r === null ? null : -r;
      }
      case 'credit_sales':
      case 'purchases':
      case 'orders_amount':
        return sumCompanies((i) => translators[i]!.flow(companies[i]!.inputs.flow(measure, m) ?? 0, m));
      default:
        return pnl(measure, m);
    }
  };
  const balanceMap: Record<BalanceMeasure, BsClass> = { cash: 'cash', ar: 'receivables', ap: 'payables', inventory: 'inventory' };
  const balance = (measure: BalanceMeasure, m: MonthKey): number | null => {
    const b = bs(balanceMap[measure], m);
    return b === null ? null : measure === 'ap' ? -b : b;
  };

  const channels: Channel[] = [];
  for (const c of companies) for (const ch of c.inputs.channels) if (!channels.some((x) => x.key === ch.key)) channels.push(ch);
  const IC_CHANNEL: Channel = { key: 'intercompany_elimination', label: 'Intercompany elimination' };
  const channelRevenue = (m: MonthKey, key: string): number | null => {
    if (key === IC_CHANNEL.key) {
      const e = sumCompanies((i) => icRevenue(i, m));
      return e === null ? null : -e;
    }
    return sumCompanies((i) => translators[i]!.flow(companies[i]!.revenue.byChannel(m, key), m));
  };

  const aging = (() => {
    const result: Record<string, number> = {};
    for (const [i, c] of companies.entries()) {
      if (!c.inputs.aging) return null;
      for (const [bucket, amount] of Object.entries(c.inputs.aging)) {
        const t = translators[i]!.balance(amount, periods.month);
        if (t === null) return null;
        result[bucket] = (result[bucket] ?? 0) + t;
      }
    }
    return result as Record<'current' | 'd1_30' | 'd31_60' | 'd61_90' | 'd90_plus', number>;
  })();

  const pipelines = companies.map((c, i) => {
    const p = c.inputs.pipeline;
    if (!p) return null;
    const tr = translators[i]!;
    return {
      weighted: tr.balance(p.weighted, periods.month),
      remaining: tr.balance(p.weightedRemaining, periods.month),
      target: p.targetRemaining === null ? null : tr.balance(p.targetRemaining, periods.month),
      ids: p.openIds,
    };
  });
  const pipeline =
    pipelines.some((p) => p === null) || pipelines.some((p) => p?.weighted === null || p?.remaining === null)
      ? null
      : {
          weighted: pipelines.reduce((s, p) => s + (p?.weighted ?? 0), 0),
          weightedRemaining: pipelines.reduce((s, p) => s + (p?.remaining ?? 0), 0),
          targetRemaining: pipelines.every((p) => p?.target !== null) ? pipelines.reduce((s, p) => s + (p?.target ?? 0), 0) : null,
          targetSource: companies[0]?.inputs.pipeline?.targetSource ?? ('none' as const),
          openIds: pipelines.flatMap((p) => p?.ids ?? []),
        };

  // Read once for the whole group: a response about the group (no company) must count once, not per company.
  const groupCsat = loadCsat(db, companies.map((c) => c.company.id));
  const inputs: KpiInputs = {
    currency,
    flow,
    balance,
    channels: [...channels, IC_CHANNEL],
    channelRevenue,
    orderCount: (m, key) => companies.reduce((s, c) => s + c.inputs.orderCount(m, key), 0),
    customerRevenue(months) {
      const merged = new Map<string, { name: string; amount: number }>();
      for (const [i, c] of companies.entries()) {
        for (const m of months) {
          const perMonth = c.inputs.customerRevenue([m]);
          if (!perMonth) return null;
          for (const [key, entry] of perMonth) {
            if (partnerOwner.has(Number(key.slice('partner:'.length)))) continue;
            const t = translators[i]!.flow(entry.amount, m);
            if (t === null) return null;
            const e = merged.get(key) ?? { name: entry.name, amount: 0 };
            e.amount += t;
            merged.set(key, e);
          }
        }
      }
      return merged;
    },
    aging,
    pipeline,
    winLoss(months) {
      let won = 0;
      let lost = 0;
      for (const c of companies) {
        const wl = c.inputs.winLoss(months);
        if (!wl) return null;
        won += wl.won;
        lost += wl.lost;
      }
      return { won, lost };
    },
    csat: (months) => (groupCsat ? groupCsat(months) : null),
    // A group budget exists only where every company is budgeted: comparing the whole group's
    // actual with a partial budget would show a variance that is not there.
    budget(kpi, m) {
      let total = 0;
      for (const t of translators) {
        const b = t.company.inputs.budget(kpi, m);
        if (b === null) return null;
        const tr = t.flow(b, m);
        if (tr === null) return null;
        total += tr;
      }
      return total;
    },
    unavailable: new Map(companies.flatMap((c) => [...c.inputs.unavailable])),
  };

  const ctaAt = (m: MonthKey): CtaRow[] =>
    translators.map((t, i) => {
      const now = companyCta(t, m);
      const before = companyCta(t, addMonths(m, -1));
      return {
        companyId: companies[i]!.company.id,
        currency: companies[i]!.company.currency,
        netAssetsFunctional: companies[i]!.ledger.activeMonths().length === 0 ? 0 : netAssetsFunctional(companies[i]!, m),
        translatedNetAssets: now.translatedNetAssets,
        translatedEquityAtHistorical: now.translatedEquityAtHistorical,
        translatedRetainedEarnings: now.translatedRetainedEarnings,
        cta: now.cta,
        ctaMovementMonth: now.cta === null || before.cta === null ? null : now.cta - before.cta,
      };
    });
  const ctaTotal = (m: MonthKey): number | null => sumOrNull(ctaAt(m).map((r) => r.cta));
  const netAssetClasses: BsClass[] = ['cash', 'receivables', 'inventory', 'other_current_assets', 'non_current_assets', 'payables', 'other_current_liabilities', 'non_current_liabilities'];
  const equity = (m: MonthKey): { equity: number | null; earnings: number | null; cta: number | null } => {
    const rows = translators.map((t) => companyCta(t, m));
    const eq = sumOrNull(rows.map((r) => r.translatedEquityAtHistorical));
    const re = sumOrNull(rows.map((r) => r.translatedRetainedEarnings));
    // Eliminated intercompany profit (revenue − cost) leaves group earnings; a timing or FX mismatch
    // between the two sides therefore lands in the group CTA line, visibly, never in an account.
    const icNet = sumOrNull(
      ledgerMonthsUpTo(companies, m).flatMap((mm) => companies.map((_, i) => difference(icRevenue(i, mm), icCost(i, mm)))),
    );
    const earnings = re === null || icNet === null ? null : re - icNet;
    const netAssets = sumOrNull(netAssetClasses.map((cls) => bs(cls, m)));
    const cta = netAssets === null || eq === null || earnings === null ? null : netAssets - eq - earnings;
    return { equity: eq, earnings, cta };
  };

  const pairs: IntercompanyPair[] = [];
  for (const [si, seller] of companies.entries()) {
    for (const [bi, buyer] of companies.entries()) {
      if (si === bi || buyer.company.partnerId === null) continue;
      const sellerRevenue = translators[si]!.flow(seller.revenue.toPartners(periods.month, new Set([buyer.company.partnerId])), periods.month);
      const sellerIc = loadIntercompany(db, seller, new Set([buyer.company.partnerId]));
      const buyerIc = seller.company.partnerId === null ? null : loadIntercompany(db, buyer, new Set([seller.company.partnerId]));
      const buyerCost = buyerIc ? translators[bi]!.flow(buyerIc.cost(periods.month), periods.month) : null;
      const sellerReceivable = translators[si]!.balance(sellerIc.receivable(periods.month), periods.month);
      const buyerPayable = buyerIc ? translators[bi]!.balance(buyerIc.payable(periods.month), periods.month) : null;
      if (!sellerRevenue && !buyerCost && !sellerReceivable && !buyerPayable) continue;
      const revenueDifference = difference(sellerRevenue, buyerCost);
      const balanceDifference = difference(sellerReceivable, buyerPayable);
      pairs.push({
        sellerCompanyId: seller.company.id,
        buyerCompanyId: buyer.company.id,
        sellerRevenue,
        buyerCost,
        sellerReceivable,
        buyerPayable,
        revenueDifference,
        balanceDifference,
        status: revenueDifference === 0 && balanceDifference === 0 ? 'matched' : 'mismatch',
        sampleMoveIds: [...sellerIc.sampleMoveIds, ...(buyerIc?.sampleMoveIds ?? [])].slice(0, 20),
      });
    }
  }
  const revenueElim = (months: readonly MonthKey[]): number => (sumOrNull(months.flatMap((m) => companies.map((_, i) => icRevenue(i, m)))) ?? 0);

  const kpis = composeKpis(inputs, periods);
  const contributions: Contribution[] = [];
  for (const [i, t] of translators.entries()) {
    for (const measure of FLOW_MEASURES.filter((f) => f === 'net_revenue' || f === 'cogs' || f === 'opex')) {
      const perMonth = (m: MonthKey): number | null => (measure === 'net_revenue' ? t.revenue(m) : t.flow(companies[i]!.inputs.flow(measure, m) ?? 0, m));
      contributions.push({
        companyId: companies[i]!.company.id,
        kpi: measure,
        month: perMonth(periods.month),
        ytd: sumOrNull(periods.ytd.map(perMonth)),
      });
    }
  }

  return {
    inputs,
    kpis,
    pnl,
    bs,
    cta: ctaAt(periods.month),
    ctaTotal,
    equity,
    pairs,
    eliminated: {
      revenueMonth: revenueElim([periods.month]),
      revenueYtd: revenueElim(periods.ytd),
      receivables: sumOrNull(companies.map((_, i) => translators[i]!.balance(ic[i]!.receivable(periods.month), periods.month))) ?? 0,
      payables: sumOrNull(companies.map((_, i) => translators[i]!.balance(ic[i]!.payable(periods.month), periods.month))) ?? 0,
    },
    contributions,
    rates: translators.flatMap((t) => t.rates).sort((a, b) => (a.from + a.month + a.kind).localeCompare(b.from + b.month + b.kind)),
  };
}

function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

function ledgerMonthsUpTo(companies: readonly CompanyData[], month: MonthKey): MonthKey[] {
  const all = new Set<MonthKey>();
  for (const c of companies) for (const m of c.ledger.activeMonths()) if (m <= month) all.add(m);
  return [...all].sort();
}

function netAssetsFunctional(c: CompanyData, m: MonthKey): number {
  const classes: BsClass[] = ['cash', 'receivables', 'inventory', 'other_current_assets', 'non_current_assets', 'payables', 'other_current_liabilities', 'non_current_liabilities'];
  return classes.reduce((s, cls) => s + c.ledger.bsClosing(cls, m), 0);
}
