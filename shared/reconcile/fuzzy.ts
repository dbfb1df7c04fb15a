/**
 * Fuzzy suggestions for shop orders whose number is nowhere in Odoo: same currency, amount within
 * tolerance, date within a window, same customer e-mail or name. Scores are recorded with their
 * reasons; only a clear, unique winner is linked (as MATCHED_FUZZY, still an exception to confirm).
 */
import type { FuzzyCandidate } from './result';
import type { OdooSaleOrder, ShopOrder } from './types';
import { byText } from './keys';

/** Minimum score for a suggestion to be linked. */
export const FUZZY_LINK_SCORE = 0.8;

function dayNumber(date: string): number {
  return Math.floor(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000);
}

/** Lower-case, accents stripped, punctuation and legal forms dropped: `Café Lorenz GmbH` → `cafe lorenz`. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\b(gmbh|kg|ug|ag|ltd|llc|inc|sarl|sas|bv|nv|co|e k|ek)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Scores one Odoo sale order as the counterpart of a shop order; null when it cannot be one. */
export function scoreCandidate(order: ShopOrder, so: OdooSaleOrder, amountTolerance: number, dateWindowDays: number): FuzzyCandidate | null {
  if (so.currency !== order.currency || so.state === 'cancel') return null;
  const reasons: string[] = [];
  let score = 0;
  const delta = Math.abs(so.amountTotal - order.total);
  if (delta === 0) {
    score += 0.4;
    reasons.push('same total');
  } else if (delta <= amountTolerance) {
    score += 0.3;
    reasons.push(`total within ${delta} minor units`);
  } else return null;
  const soDate = so.dateOrderLocal ?? so.dateOrderUtc.slice(0, 10);
  const days = Math.abs(dayNumber(soDate) - dayNumber(order.createdLocalDate));
  if (days > dateWindowDays) return null;
  score += 0.3 * (1 - days / (dateWindowDays + 1));
  reasons.push(days === 0 ? 'same day' : `${days} day(s) apart`);
  const email = order.customerEmail.trim().toLowerCase();
  if (email && so.partnerEmail && so.partnerEmail.trim().toLowerCase() === email) {
    score += 0.3;
    reasons.push('same e-mail');
  } else if (order.customerName && normalizeName(order.customerName) === normalizeName(so.partnerName)) {
    score += 0.25;
    reasons.push('same customer name');
  }
  return { saleOrder: so.name, score: Math.round(score * 1000) / 1000, reasons };
}

/** First index whose amount is ≥ `amount` in a list sorted by amount. */
function lowerBound(sorted: readonly OdooSaleOrder[], amount: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid]?.amountTotal ?? 0) < amount) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Assigns unmatched shop orders to unclaimed sale orders. Deterministic whatever the input order:
 * all pairs are ranked by score, then by keys, and taken greedily; a pair is linked only when it
 * beats every other candidate of both its shop order and its sale order (a tie links nothing).
 */
export function assignFuzzy(
  orders: readonly ShopOrder[],
  candidates: readonly OdooSaleOrder[],
  amountTolerance: (order: ShopOrder) => number,
  dateWindowDays: (order: ShopOrder) => number,
): { links: Map<ShopOrder, OdooSaleOrder>; suggestions: Map<ShopOrder, FuzzyCandidate[]> } {
  const byCurrency = new Map<string, OdooSaleOrder[]>();
  for (const so of candidates) {
    const list = byCurrency.get(so.currency);
    if (list) list.push(so);
    else byCurrency.set(so.currency, [so]);
  }
  for (const list of byCurrency.values()) list.sort((a, b) => a.amountTotal - b.amountTotal || byText(a.name, b.name));
  const soByName = new Map(candidates.map((so) => [so.name, so]));
  const pairs: Array<{ order: ShopOrder; candidate: FuzzyCandidate }> = [];
  const suggestions = new Map<ShopOrder, FuzzyCandidate[]>();
  for (const order of orders) {
    const found: FuzzyCandidate[] = [];
    const sorted = byCurrency.get(order.currency) ?? [];
    const tolerance = amountTolerance(order);
    for (let i = lowerBound(sorted, order.total - tolerance); i < sorted.length; i += 1) {
      const so = sorted[i];
      if (!so || so.amountTotal > order.total + tolerance) break;
      const candidate = scoreCandidate(order, so, tolerance, dateWindowDays(order));
      if (candidate) found.push(candidate);
    }
    found.sort((a, b) => b.score - a.score || byText(a.saleOrder, b.saleOrder));
    suggestions.set(order, found.slice(0, 3));
    for (const candidate of found) pairs.push({ order, candidate });
  }
  const bestForSo = new Map<string, number[]>();
  for (const pair of pairs) {
    const list = bestForSo.get(pair.candidate.saleOrder);
    if (list) list.push(pair.candidate.score);
    else bestForSo.set(pair.candidate.saleOrder, [pair.candidate.score]);
  }
  const links = new Map<ShopOrder, OdooSaleOrder>();
  for (const order of orders) {
    const found = suggestions.get(order) ?? [];
    const top = found[0];
    if (!top || top.score < FUZZY_LINK_SCORE) continue;
    if ((found[1]?.score ?? -1) === top.score) continue;
    const rivals = (bestForSo.get(top.saleOrder) ?? []).filter((score) => score >= top.score);
    if (rivals.length > 1) continue;
    const so = soByName.get(top.saleOrder);
    if (so) links.set(order, so);
  }
  return { links, suggestions };
}
