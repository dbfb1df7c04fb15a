/**
 * The verdict for one shop order once its Odoo documents are known: amounts compared in document
 * currency and explained, then cash (provider lines), gateway routing and timing checks.
 */
import { allocate, ratio, type Minor } from '../money/money';
import type { CategoryCode } from './categories';
import { explainDelta, formatAmount, grossAtOrderTaxRate, roundingTolerance } from './explain';
import type { Cause, FxComparison, MatchPath, SettlementSummary } from './result';
import { summarizeSettlement } from './settlement-index';
import type { ChannelSetting, OdooInvoice, OdooSaleOrder, SettlementLine, ShopOrder } from './types';

/** Gateways that settle through a provider file for a channel even before any line is seen. */
const PROVIDER_GATEWAYS = /shopify payments|stripe|credit ?\/ ?debit card|woocommerce payments|woopayments|amazon/i;
/** Gateways where the customer pays by transfer/cash later: an open invoice is expected. */
const STATUS_AWAITING = new Set(['pending', 'on_hold', 'authorized', 'partially_paid', 'awaiting_payment']);

/** Context shared by all orders of a run. */
export interface EvaluateContext {
  companyCurrency: string;
  setting: ChannelSetting;
  /** Gateways (lower-case) seen on orders that have provider lines, per channel. */
  settledGateways: Set<string>;
  channelHasSettlement: boolean;
  /** Sale-order names each combined invoice covers (to split it). */
  invoiceOrigins: Map<string, string[]>;
  saleOrderTotals: Map<string, Minor>;
}

/** What the matcher found for the order in Odoo. */
export interface OdooSide {
  saleOrders: OdooSaleOrder[];
  invoices: OdooInvoice[];
  path: MatchPath;
}

/** The evaluated fields of a record (the caller adds identity fields). */
export interface OrderVerdict {
  categories: CategoryCode[];
  causes: Cause[];
  explanation: string[];
  shopAmount: Minor | null;
  odooAmount: Minor | null;
  difference: Minor | null;
  settlement: SettlementSummary | null;
  fx: FxComparison | null;
  /** The currency the amounts are in, when it differs from the export's (an export without a currency column resolved from Odoo). */
  currency?: string;
}

function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The invoice's amount attributable to `names` (a combined invoice is split by sale order totals). */
function attributable(invoice: OdooInvoice, names: Set<string>, ctx: EvaluateContext, pick: (i: OdooInvoice) => Minor): Minor {
  const origins = ctx.invoiceOrigins.get(invoice.name);
  const amount = pick(invoice);
  if (!origins || origins.length <= 1 || origins.every((name) => names.has(name))) return amount;
  const parts = allocate(amount, origins.map((name) => ctx.saleOrderTotals.get(name) ?? 0));
  return origins.reduce((sum, name, i) => (names.has(name) ? sum + (parts[i] ?? 0) : sum), 0);
}

/** Net invoiced (invoices − credit notes) in document currency, and the pieces the checks need. */
function odooTotals(side: OdooSide, ctx: EvaluateContext) {
  const names = new Set(side.saleOrders.map((so) => so.name));
  let invoiced = 0;
  let credited = 0;
  let invoiceTax = 0;
  let signedInvoiced = 0;
  let residual = 0;
  let paidLike = false;
  for (const invoice of side.invoices) {
    const total = attributable(invoice, names, ctx, (i) => i.amountTotal);
    if (invoice.moveType === 'out_invoice') {
      invoiced += total;
      invoiceTax += attributable(invoice, names, ctx, (i) => i.amountTax);
      signedInvoiced += attributable(invoice, names, ctx, (i) => i.amountTotalSigned);
      residual += attributable(invoice, names, ctx, (i) => i.amountResidual);
      if (invoice.paymentState === 'paid' || invoice.paymentState === 'in_payment') paidLike = true;
    } else {
      credited += total;
    }
  }
  return { invoiced, credited, invoiceTax, signedInvoiced, residual, paidLike };
}

function activeSaleOrders(side: OdooSide): OdooSaleOrder[] {
  return side.saleOrders.filter((so) => so.state !== 'cancel');
}

/** Odoo's amount for the order: invoices net of credit notes; a confirmed uninvoiced order counts at its total; a quotation counts as nothing yet (null). */
function odooAmountOf(side: OdooSide, ctx: EvaluateContext): Minor | null {
  if (side.invoices.length > 0) {
    const totals = odooTotals(side, ctx);
    return totals.invoiced - totals.credited;
  }
  const active = activeSaleOrders(side);
  if (side.saleOrders.length > 0 && active.length === 0) return 0;
  const confirmed = active.filter((so) => so.state === 'sale' || so.state === 'done');
  if (confirmed.length === 0) return null;
  return confirmed.reduce((sum, so) => sum + so.amountTotal, 0);
}

function odooCurrencyOf(side: OdooSide): string {
  return side.invoices[0]?.currency ?? side.saleOrders[0]?.currency ?? '';
}

/** Evaluates an order that has Odoo documents. */
export function evaluateMatched(order: ShopOrder, side: OdooSide, lines: readonly SettlementLine[], ctx: EvaluateContext): OrderVerdict {
  const categories: CategoryCode[] = [];
  const causes: Cause[] = [];
  const explanation: string[] = [];
  const settlement = summarizeSettlement(lines);
  const shopAmount = order.total - order.refunded;
  const odooAmount = odooAmountOf(side, ctx);
  const difference = odooAmount === null ? null : odooAmount - shopAmount;
  const verdict: OrderVerdict = { categories, causes, explanation, shopAmount, odooAmount, difference, settlement, fx: null };

  if (side.path === 'origin') categories.push('MATCHED_VIA_ORIGIN');
  else if (side.path === 'name') categories.push('MATCHED_VIA_NAME');
  else if (side.path === 'normalized') {
    categories.push('MATCHED_KEY_NORMALIZED');
    explanation.push(`Odoo holds the order number in another spelling than ${order.orderKey}.`);
  } else if (side.path === 'fuzzy') categories.push('MATCHED_FUZZY');

  const active = activeSaleOrders(side);
  if (active.length > 1) {
    const sum = active.reduce((total, so) => total + so.amountTotal, 0);
    const isSplit = Math.abs(sum - order.total) <= roundingTolerance(active.length);
    if (!isSplit) {
      verdict.categories = ['DUPLICATE_IN_ODOO'];
      if (difference !== null) causes.push({ kind: 'duplicate', amount: difference, detail: `${active.length} sale orders carry ${order.orderKey}` });
      explanation.push(`${active.length} sale orders (${active.map((so) => so.name).join(', ')}) carry ${order.orderKey}.`);
      return verdict;
    }
    explanation.push(`Split into ${active.length} sale orders whose totals add up to the shop total.`);
  }

  const currency = odooCurrencyOf(side);
  if (currency && currency !== order.currency && order.currencyAssumed) {
    // The export never said which currency: the documents it matched (and the provider's customer-facing currency) do.
    const presented = lines.find((line) => line.presentmentCurrency)?.presentmentCurrency;
    if (!presented || presented === currency) {
      const resolved = evaluateMatched({ ...order, currency, currencyAssumed: false }, side, lines, ctx);
      const note = `The export has no currency column; ${currency} taken from the Odoo documents${presented ? ' and the provider' : ''}.`;
      return { ...resolved, currency, explanation: [...explanation, note, ...resolved.explanation] };
    }
  }
  if (currency && currency !== order.currency) {
    verdict.categories = [...categories, 'CURRENCY_MISMATCH'];
    verdict.difference = null;
    const rate = odooAmount === null ? null : ratio(odooAmount, shopAmount, 6);
    causes.push({ kind: 'currency', amount: 0, detail: `shop in ${order.currency}, Odoo in ${currency}${rate === null ? '' : ` (implied rate ${rate})`}` });
    explanation.push(`The shop order is in ${order.currency} but Odoo booked it in ${currency}.`);
    return verdict;
  }

  const totals = odooTotals(side, ctx);
  const cancelledInShop = order.cancelled || order.financialStatus === 'voided' || order.financialStatus === 'cancelled';
  if (cancelledInShop && shopAmount === 0 && (odooAmount ?? 0) === 0) {
    const feeKept = settlement?.fees ?? 0;
    if (feeKept > 0) {
      categories.push('CANCELLED_FEE_ONLY');
      explanation.push(`Cancelled and refunded; the provider kept ${formatAmount(feeKept)} fee, an expense with no sale.`);
    }
    return finish(verdict);
  }

  if (odooAmount !== null && difference !== null) {
    const units = order.lines.reduce((sum, line) => sum + Math.max(1, line.quantity), 0);
    const tolerance = roundingTolerance(units, ctx.setting.roundingToleranceMinor);
    let remaining = difference;
    if (!ctx.setting.shippingInOdoo && order.shipping > 0) {
      // Odoo is set up to book shipping outside revenue: a missing shipping amount is expected. In a
      // tax-exclusive shop the order then also lacks the shipping's tax: whichever fits is taken.
      const gross = grossAtOrderTaxRate(order.shipping, order);
      const expected = gross !== null && Math.abs(remaining + gross) < Math.abs(remaining + order.shipping) ? gross : order.shipping;
      const what = expected === order.shipping ? formatAmount(expected) : `${formatAmount(order.shipping)} plus its tax (${formatAmount(expected)})`;
      causes.push({ kind: 'shipping_policy', amount: -expected, detail: `shipping ${what} not revenue in Odoo (channel setting)` });
      remaining += expected;
    }
    const refundGap = Math.max(order.refunded, settlement?.refunded ?? 0) - totals.credited;
    if (remaining !== 0 && refundGap !== 0 && Math.abs(remaining - refundGap) <= tolerance) {
      if (totals.credited === 0) {
        categories.push('REFUND_NOT_BOOKED');
        causes.push({ kind: 'refund_not_booked', amount: refundGap, detail: `refund ${formatAmount(refundGap)} without credit note` });
        explanation.push(`Refunded ${formatAmount(refundGap)} in the shop, no credit note in Odoo.`);
      } else {
        categories.push('REFUND_AMOUNT_MISMATCH');
        causes.push({ kind: 'refund_mismatch', amount: refundGap, detail: `credit notes ${formatAmount(totals.credited)} vs refunds ${formatAmount(totals.credited + refundGap)}` });
        explanation.push(`Credit notes (${formatAmount(totals.credited)}) differ from the refunds by ${formatAmount(refundGap)}.`);
      }
      remaining -= refundGap;
    }
    if (remaining !== 0 && Math.abs(remaining) <= tolerance) {
      categories.push('MATCHED_WITHIN_TOLERANCE');
      causes.push({ kind: 'rounding', amount: remaining, detail: `rounding ${formatAmount(remaining)}` });
    } else if (remaining !== 0) {
      const explained = explainDelta(remaining, order, tolerance);
      if (explained) {
        categories.push(...explained.categories);
        causes.push(...explained.causes);
        explanation.push(...explained.causes.map((cause) => `${cause.detail}.`));
      } else {
        categories.push('UNEXPLAINED');
        causes.push({ kind: 'unexplained', amount: remaining, detail: `difference ${formatAmount(remaining)} not explained by shipping, discount, tax, duties or refunds` });
        explanation.push(`Difference of ${formatAmount(remaining)} not explained by any component.`);
      }
    }
    if (difference === 0 && side.invoices.length > 0) {
      const taxDelta = totals.invoiceTax - order.tax;
      if (taxDelta !== 0 && Math.abs(taxDelta) <= tolerance) {
        categories.push('MATCHED_WITHIN_TOLERANCE');
        explanation.push(`Totals equal; tax differs by ${formatAmount(taxDelta)} (per-line rounding).`);
      } else if (taxDelta !== 0 && order.tax > 0) {
        categories.push('AMOUNT_MISMATCH_TAX');
        explanation.push(`Totals equal but tax differs by ${formatAmount(taxDelta)}: check the tax mapping.`);
      }
    }
  }

  checkFx(order, side, lines, ctx, totals.signedInvoiced, verdict);
  checkCash(order, side, settlement, lines, totals, ctx, verdict);
  checkTiming(order, side, verdict);
  return finish(verdict);
}

function finish(verdict: OrderVerdict): OrderVerdict {
  if (verdict.categories.length === 0) verdict.categories.push('MATCHED');
  return verdict;
}

function checkFx(order: ShopOrder, side: OdooSide, lines: readonly SettlementLine[], ctx: EvaluateContext, signedInvoiced: Minor, verdict: OrderVerdict): void {
  const companyCurrency = side.invoices[0]?.companyCurrency || ctx.companyCurrency;
  if (order.currency === companyCurrency || side.invoices.length === 0) return;
  const charges = lines.filter((line) => line.kind === 'charge' && line.currency === companyCurrency);
  if (charges.length === 0) return;
  const providerAmount = charges.reduce((sum, line) => sum + line.gross, 0);
  const presented = charges.reduce((sum, line) => sum + (line.presentmentAmount ?? 0), 0);
  const odooDocument = side.invoices.filter((i) => i.moveType === 'out_invoice').reduce((sum, i) => sum + i.amountTotal, 0);
  const difference = providerAmount - signedInvoiced;
  verdict.fx = {
    companyCurrency,
    providerAmount,
    odooAmount: signedInvoiced,
    difference,
    providerRate: ratio(providerAmount, presented, 4),
    odooRate: ratio(signedInvoiced, odooDocument, 4),
  };
  if (difference !== 0) {
    verdict.categories.push('MATCHED_FX_DIFFERENCE');
    verdict.explanation.push(
      `Equal in ${order.currency}; in ${companyCurrency} the provider paid ${formatAmount(providerAmount)} (rate ${verdict.fx.providerRate}) vs Odoo ${formatAmount(signedInvoiced)} (rate ${verdict.fx.odooRate}): ${formatAmount(difference)} FX.`,
    );
  }
}

function checkCash(
  order: ShopOrder,
  side: OdooSide,
  settlement: SettlementSummary | null,
  lines: readonly SettlementLine[],
  totals: ReturnType<typeof odooTotals>,
  ctx: EvaluateContext,
  verdict: OrderVerdict,
): void {
  const gateway = order.paymentGateway.trim().toLowerCase();
  const covered = gateway === '' || PROVIDER_GATEWAYS.test(gateway) || ctx.settledGateways.has(gateway) || lines.length > 0;
  if (!covered && ctx.channelHasSettlement) {
    if (STATUS_AWAITING.has(order.financialStatus)) {
      verdict.categories.push('OPEN_EXPECTED');
      verdict.explanation.push(`Awaiting payment by ${order.paymentGateway}; an open invoice is expected.`);
    } else {
      verdict.categories.push('MATCHED_OTHER_GATEWAY');
      verdict.explanation.push(`Paid via ${order.paymentGateway}: the cash is not in the imported provider files.`);
    }
  }
  if (!settlement || side.invoices.length === 0) return;
  const disputes = lines.filter((line) => line.kind === 'dispute');
  const disputeWon = lines.some((line) => line.kind === 'adjustment' && /reversal|won/i.test(line.rawType));
  if (disputes.length > 0 && !disputeWon && totals.credited < settlement.disputed && totals.paidLike) {
    verdict.categories.push('CHARGEBACK_NOT_BOOKED');
    verdict.explanation.push(`Chargeback of ${formatAmount(settlement.disputed)} at the provider; Odoo still shows the sale as paid.`);
  }
  const netCharged = settlement.charged - settlement.refunded - settlement.disputed;
  if (settlement.charged > 0 && netCharged > 0 && totals.residual > 0) {
    verdict.categories.push('PAYMENT_NOT_REGISTERED');
    verdict.explanation.push(`The provider collected ${formatAmount(settlement.charged)} but the Odoo invoice is still open (${formatAmount(totals.residual)}).`);
  }
  const pending = lines.some((line) => line.kind === 'charge' && (line.payoutStatus === 'pending' || line.payoutStatus === 'scheduled'));
  if (pending) {
    verdict.categories.push('MATCHED_PAYOUT_PENDING');
    verdict.explanation.push('Charge not yet in a payout.');
  }
}

function checkTiming(order: ShopOrder, side: OdooSide, verdict: OrderVerdict): void {
  const firstInvoice = side.invoices.find((invoice) => invoice.moveType === 'out_invoice');
  const localMonth = monthOf(order.createdLocalDate);
  if (firstInvoice && monthOf(firstInvoice.invoiceDate) !== localMonth) {
    verdict.categories.push('MATCHED_TIMING_MONTH_END');
    verdict.explanation.push(`Shop order in ${localMonth}, Odoo invoice in ${monthOf(firstInvoice.invoiceDate)}.`);
  }
  if (monthOf(order.createdAtUtc) !== localMonth) {
    verdict.categories.push('TIMEZONE_MONTH_BOUNDARY');
    verdict.explanation.push(`Local date ${order.createdLocalDate} but UTC ${order.createdAtUtc.slice(0, 10)}: months differ; assigned by local date.`);
  }
}

/** Evaluates an order with no Odoo documents. */
export function evaluateMissing(order: ShopOrder, lines: readonly SettlementLine[]): OrderVerdict {
  const settlement = summarizeSettlement(lines);
  const shopAmount = order.total - order.refunded;
  const cancelled = order.cancelled || order.financialStatus === 'voided' || order.financialStatus === 'cancelled';
  if (cancelled && shopAmount === 0) {
    const feeKept = settlement?.fees ?? 0;
    return {
      categories: [feeKept > 0 ? 'CANCELLED_FEE_ONLY' : 'MATCHED'],
      causes: [],
      explanation: [feeKept > 0 ? `Cancelled; the provider kept ${formatAmount(feeKept)} fee.` : 'Cancelled in the shop and never booked in Odoo.'],
      shopAmount,
      odooAmount: null,
      difference: null,
      settlement,
      fx: null,
    };
  }
  return {
    categories: ['MISSING_IN_ODOO'],
    causes: [{ kind: 'missing_in_odoo', amount: -shopAmount, detail: 'no sale order or invoice in Odoo' }],
    explanation: [`No Odoo sale order or invoice carries ${order.orderKey}.`],
    shopAmount,
    odooAmount: null,
    difference: null,
    settlement,
    fx: null,
  };
}
