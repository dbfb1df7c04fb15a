/**
 * The reconciliation matcher: pure, deterministic (the result does not depend on input order),
 * and explainable. Shop orders are linked to Odoo by exact keys first (raw, then normalised,
 * never stealing a sale order another order matched exactly), then by scored fuzzy suggestion;
 * each link is evaluated and explained; Odoo documents that look like shop orders but match none
 * become MISSING_IN_SHOP; provider lines without an order become UNMATCHED_*.
 */
import { isException, outcomeOf, sortCategories, type CategoryCode } from './categories';
import { evaluateMatched, evaluateMissing, type EvaluateContext, type OdooSide, type OrderVerdict } from './evaluate-order';
import { formatAmount, roundingTolerance } from './explain';
import { assignFuzzy } from './fuzzy';
import { fitsKeyShape, learnKeyShape, normalizeOrderKey, type KeyShape, byText } from './keys';
import { ordersFromSettlement } from './marketplace-orders';
import { buildOdooIndex, findByKey, invoicesOf, sortInvoices, type KeyMatch } from './odoo-index';
import { reconcilePayouts } from './payouts';
import type { RecordResult, ReconcileOutput } from './result';
import { buildSettlementIndex, dedupeSettlementLines, DEFAULT_SOURCE_CHANNEL, orderId, summarizeSettlement } from './settlement-index';
import type { ChannelSetting, OdooInvoice, OdooSaleOrder, ReconcileInput, SettlementLine, ShopOrder } from './types';

/** Default settings for a channel nobody configured. */
export function defaultChannelSetting(channel: string): ChannelSetting {
  return { channel, shippingInOdoo: true };
}

function compareOrders(a: ShopOrder, b: ShopOrder): number {
  return (
    byText(a.channel, b.channel) ||
    byText(a.orderKey, b.orderKey) ||
    byText(a.createdAtUtc, b.createdAtUtc) ||
    a.total - b.total
  );
}

function toRecord(base: Omit<RecordResult, 'categories' | 'outcome' | 'exception' | 'month'> & { categories: CategoryCode[] }): RecordResult {
  const categories = sortCategories(base.categories);
  return { ...base, categories, outcome: outcomeOf(categories), exception: isException(categories), month: base.localDate.slice(0, 7) };
}

function verdictRecord(order: ShopOrder, verdict: OrderVerdict, side: OdooSide | null, fuzzy: RecordResult['fuzzyCandidates']): RecordResult {
  return toRecord({
    recordKey: orderId(order.channel, order.orderKey),
    recordType: 'shop_order',
    source: order.channel,
    channel: order.channel,
    sourceRef: order.orderKey,
    saleOrders: side ? side.saleOrders.map((so) => so.name) : [],
    invoices: side ? side.invoices.map((invoice) => invoice.name) : [],
    categories: verdict.categories,
    currency: verdict.currency ?? order.currency,
    shopAmount: verdict.shopAmount,
    odooAmount: verdict.odooAmount,
    difference: verdict.difference,
    causes: verdict.causes,
    matchedBy: side ? side.path : null,
    fuzzyCandidates: fuzzy,
    localDate: order.createdLocalDate,
    settlement: verdict.settlement,
    fx: verdict.fx,
    explanation: verdict.explanation,
  });
}

/** Runs the whole reconciliation. */
export function reconcile(input: ReconcileInput): ReconcileOutput {
  const settings = new Map((input.channelSettings ?? []).map((setting) => [setting.channel, setting]));
  const settingOf = (channel: string) => settings.get(channel) ?? defaultChannelSetting(channel);
  const lines = dedupeSettlementLines(input.settlementLines);
  const imported = new Set(input.shopOrders.map((order) => orderId(order.channel, order.orderKey)));
  const rebuilt = ordersFromSettlement(lines).filter((order) => !imported.has(orderId(order.channel, order.orderKey)));
  const orders = [...input.shopOrders, ...rebuilt].sort(compareOrders);
  const settlementIndex = buildSettlementIndex(orders, lines, [...settings.values()]);
  const odooIndex = buildOdooIndex(input.saleOrders, input.invoices);

  // Pass 1: raw keys. Pass 2: normalised keys, only over sale orders nobody matched exactly.
  const matches = new Map<ShopOrder, KeyMatch>();
  const claimedExact = new Set<string>();
  const deferred: Array<[ShopOrder, KeyMatch]> = [];
  for (const order of orders) {
    const match = findByKey(odooIndex, order.orderKey);
    if (!match) continue;
    if (match.path === 'normalized') deferred.push([order, match]);
    else {
      matches.set(order, match);
      for (const so of match.saleOrders) claimedExact.add(so.name);
    }
  }
  for (const [order, match] of deferred) {
    const saleOrders = match.saleOrders.filter((so) => !claimedExact.has(so.name));
    if (match.saleOrders.length > 0 && saleOrders.length === 0) continue;
    const invoices = match.saleOrders.length > 0 ? invoicesOf(odooIndex, saleOrders) : match.invoices;
    matches.set(order, { saleOrders, invoices, path: 'normalized' });
  }

  const claimedSo = new Set<string>();
  const claimedInvoices = new Set<string>();
  for (const match of matches.values()) {
    for (const so of match.saleOrders) claimedSo.add(so.name);
    for (const invoice of match.invoices) claimedInvoices.add(invoice.name);
  }

  const unmatched = orders.filter((order) => !matches.has(order));
  const fuzzyPool = input.saleOrders.filter((so) => !claimedSo.has(so.name) && so.state !== 'cancel');
  const fuzzy = assignFuzzy(
    unmatched,
    fuzzyPool,
    (order) => roundingTolerance(order.lines.length, settingOf(order.channel).roundingToleranceMinor),
    (order) => settingOf(order.channel).dateWindowDays ?? 3,
  );
  for (const [order, so] of fuzzy.links) {
    const invoices = invoicesOf(odooIndex, [so]);
    matches.set(order, { saleOrders: [so], invoices, path: 'normalized' });
    claimedSo.add(so.name);
    for (const invoice of invoices) claimedInvoices.add(invoice.name);
  }

  const saleOrderTotals = new Map(input.saleOrders.map((so) => [so.name, so.amountTotal]));
  const settledGateways = new Map<string, Set<string>>();
  for (const order of orders) {
    if (!settlementIndex.byOrder.has(orderId(order.channel, order.orderKey))) continue;
    const set = settledGateways.get(order.channel) ?? new Set<string>();
    set.add(order.paymentGateway.trim().toLowerCase());
    settledGateways.set(order.channel, set);
  }

  const records: RecordResult[] = [];
  for (const order of orders) {
    const orderLines = settlementIndex.byOrder.get(orderId(order.channel, order.orderKey)) ?? [];
    const match = matches.get(order);
    if (!match) {
      records.push(verdictRecord(order, evaluateMissing(order, orderLines), null, fuzzy.suggestions.get(order) ?? []));
      continue;
    }
    const side: OdooSide = { saleOrders: match.saleOrders, invoices: match.invoices, path: fuzzy.links.has(order) ? 'fuzzy' : match.path };
    const ctx: EvaluateContext = {
      companyCurrency: input.companyCurrency,
      setting: settingOf(order.channel),
      settledGateways: settledGateways.get(order.channel) ?? new Set(),
      channelHasSettlement: settlementIndex.channelsWithSettlement.has(order.channel),
      invoiceOrigins: odooIndex.originCount,
      saleOrderTotals,
    };
    const verdict = evaluateMatched(order, side, orderLines, ctx);
    records.push(verdictRecord(order, verdict, side, fuzzy.links.has(order) ? (fuzzy.suggestions.get(order) ?? []) : []));
  }

  const odooOnly = odooOnlyRecords(orders, input.saleOrders, input.invoices, claimedSo, claimedInvoices, odooIndex.invoicesBySaleOrder);
  records.push(...odooOnly, ...settlementRecords(attachToOdooOnly(settlementIndex.unattached, odooOnly)));
  return { records, payouts: reconcilePayouts(lines, input.payouts, input.bankLines) };
}

interface ChannelCoverage {
  channel: string;
  shape: KeyShape;
  from: string;
  to: string;
}

function coverageOf(orders: readonly ShopOrder[]): ChannelCoverage[] {
  const byChannel = new Map<string, ShopOrder[]>();
  for (const order of orders) {
    const list = byChannel.get(order.channel);
    if (list) list.push(order);
    else byChannel.set(order.channel, [order]);
  }
  const coverage: ChannelCoverage[] = [];
  for (const [channel, list] of [...byChannel.entries()].sort(([a], [b]) => byText(a, b))) {
    const shape = learnKeyShape(list.map((order) => order.orderKey));
    if (!shape) continue;
    const dates = list.map((order) => order.createdLocalDate).sort();
    coverage.push({ channel, shape, from: dates[0] ?? '', to: dates[dates.length - 1] ?? '' });
  }
  return coverage;
}

function channelOfRef(refs: string[], date: string, coverage: readonly ChannelCoverage[]): { channel: string; ref: string } | null {
  for (const cover of coverage) {
    if (date < cover.from || date > cover.to) continue;
    const ref = refs.find((candidate) => candidate.trim() !== '' && fitsKeyShape(candidate, cover.shape));
    if (ref) return { channel: cover.channel, ref: ref.trim() };
  }
  return null;
}

/** Odoo documents inside a channel's export window whose reference looks like that channel's order numbers but matched no order. */
function odooOnlyRecords(
  orders: readonly ShopOrder[],
  saleOrders: readonly OdooSaleOrder[],
  invoices: readonly OdooInvoice[],
  claimedSo: ReadonlySet<string>,
  claimedInvoices: ReadonlySet<string>,
  invoicesBySaleOrder: ReadonlyMap<string, OdooInvoice[]>,
): RecordResult[] {
  const coverage = coverageOf(orders);
  if (coverage.length === 0) return [];
  const records: RecordResult[] = [];
  const sorted = [...saleOrders].sort((a, b) => byText(a.name, b.name));
  for (const so of sorted) {
    if (claimedSo.has(so.name) || (so.state !== 'sale' && so.state !== 'done')) continue;
    const date = so.dateOrderLocal ?? so.dateOrderUtc.slice(0, 10);
    const found = channelOfRef([so.clientOrderRef, so.origin], date, coverage);
    if (!found) continue;
    const linked = sortInvoices(invoicesBySaleOrder.get(so.name) ?? []);
    const odooAmount = linked.length > 0
      ? linked.reduce((sum, invoice) => sum + (invoice.moveType === 'out_invoice' ? invoice.amountTotal : -invoice.amountTotal), 0)
      : so.amountTotal;
    records.push(odooOnly(found.channel, found.ref, `odoo:${so.name}`, [so.name], linked.map((i) => i.name), so.currency, odooAmount, date));
  }
  for (const invoice of [...invoices].sort((a, b) => byText(a.name, b.name))) {
    if (invoice.state !== 'posted' || claimedInvoices.has(invoice.name) || invoice.moveType !== 'out_invoice') continue;
    if (invoice.invoiceOrigin.trim() && saleOrders.some((so) => invoice.invoiceOrigin.includes(so.name))) continue;
    const found = channelOfRef([invoice.ref], invoice.invoiceDate, coverage);
    if (!found) continue;
    records.push(odooOnly(found.channel, found.ref, `odoo:${invoice.name}`, [], [invoice.name], invoice.currency, invoice.amountTotal, invoice.invoiceDate));
  }
  return records;
}

function odooOnly(channel: string, ref: string, recordKey: string, saleOrders: string[], invoices: string[], currency: string, odooAmount: number, date: string): RecordResult {
  return toRecord({
    recordKey,
    recordType: 'odoo_only',
    source: 'odoo',
    channel,
    sourceRef: ref,
    saleOrders,
    invoices,
    categories: ['MISSING_IN_SHOP'],
    currency,
    shopAmount: null,
    odooAmount,
    difference: null,
    causes: [{ kind: 'missing_in_shop', amount: odooAmount, detail: `Odoo references ${ref}, which is in no ${channel} export` }],
    matchedBy: null,
    fuzzyCandidates: [],
    localDate: date,
    settlement: null,
    fx: null,
    explanation: [`Odoo references ${ref}, which does not exist in the ${channel} export.`],
  });
}

/**
 * A provider charge or refund for an order that is missing from the shop export but exists in Odoo
 * belongs to that MISSING_IN_SHOP record (the cash confirms the sale), not to a separate exception.
 * Returns the lines still unattached.
 */
function attachToOdooOnly(lines: readonly SettlementLine[], odooOnly: RecordResult[]): SettlementLine[] {
  const byKey = new Map(odooOnly.map((record) => [normalizeOrderKey(record.sourceRef), record]));
  const attached = new Map<RecordResult, SettlementLine[]>();
  const rest: SettlementLine[] = [];
  for (const line of lines) {
    const record = line.orderKey && (line.kind === 'charge' || line.kind === 'refund') ? byKey.get(normalizeOrderKey(line.orderKey)) : undefined;
    if (!record) {
      rest.push(line);
      continue;
    }
    const list = attached.get(record) ?? [];
    list.push(line);
    attached.set(record, list);
  }
  for (const [record, list] of attached) {
    record.settlement = summarizeSettlement(list);
    record.explanation.push(`The provider settled ${formatAmount(record.settlement?.charged ?? 0)} for it: the sale happened, the export is incomplete.`);
  }
  return rest;
}

/**
 * Marketplace settlements are booked per settlement (deposit, commissions, subscription): their
 * non-order rows are checked at payout level, not raised one by one.
 */
const SETTLEMENT_LEVEL_SOURCES = new Set(['amazon']);

/** Provider lines that belong to no order: billing fees, Shop Cash, reserves, orphan charges. */
function settlementRecords(lines: readonly SettlementLine[]): RecordResult[] {
  return [...lines]
    .filter((line) => !(SETTLEMENT_LEVEL_SOURCES.has(line.source) && line.kind !== 'charge' && line.kind !== 'refund'))
    .sort((a, b) => byText(a.source, b.source) || byText(a.lineId, b.lineId))
    .map((line) => {
      const category: CategoryCode =
        line.kind === 'fee' ? 'UNMATCHED_FEE' : line.kind === 'charge' || line.kind === 'refund' ? 'UNMATCHED_PAYMENT' : 'UNMATCHED_ADJUSTMENT';
      return toRecord({
        recordKey: `${line.source}:${line.lineId}`,
        recordType: 'settlement_line',
        source: line.source,
        channel: DEFAULT_SOURCE_CHANNEL[line.source] ?? line.source,
        sourceRef: line.lineId,
        saleOrders: [],
        invoices: [],
        categories: [category],
        currency: line.currency,
        shopAmount: line.gross,
        odooAmount: null,
        difference: null,
        causes: [],
        matchedBy: null,
        fuzzyCandidates: [],
        localDate: line.occurredLocalDate,
        settlement: null,
        fx: null,
        explanation: [`${line.rawType} ${line.description ? `"${line.description}" ` : ''}of ${formatAmount(line.gross)} ${line.currency} belongs to no order.`],
      });
    });
}
