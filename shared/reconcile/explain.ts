/**
 * Explaining an amount difference by the order's components before calling it unexplained
 * (§8.3 of the research note): Δ = Odoo − shop is tried against ± shipping, discount, tax and
 * duties, alone and in small subsets, the most natural direction first.
 */
import type { Minor } from '../money/money';
import type { CategoryCode } from './categories';
import type { Cause, CauseKind } from './result';

/** A component that may explain a difference, with the sign it has when Odoo "forgot" it. */
interface Component {
  kind: Extract<CauseKind, 'shipping' | 'discount' | 'tax' | 'duties'>;
  category: CategoryCode;
  amount: Minor;
  /** Sign of Δ when this component is missing in Odoo (shipping missing → Odoo lower → −1). */
  missingSign: 1 | -1;
  missingText: string;
  extraText: string;
}

/** The shop-side components of one order. */
export interface OrderComponents {
  shipping: Minor;
  discount: Minor;
  tax: Minor;
  duties: Minor;
  total: Minor;
  /** Whether the shop's prices include tax (null = unknown). */
  taxIncluded: boolean | null;
}

/** An explanation: categories found and causes whose amounts sum to the difference. */
export interface Explanation {
  categories: CategoryCode[];
  causes: Cause[];
}

function fmt(amount: Minor): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * In tax-exclusive shops the shipping and discount columns are net of tax, while Odoo's total
 * moves by the amount plus its tax: those components are also tried grossed up at the order's own
 * effective tax rate (total / (total − tax)).
 */
function grossedUp(component: Component, parts: OrderComponents): Component | null {
  if (component.kind !== 'shipping' && component.kind !== 'discount' && component.kind !== 'duties') return null;
  const amount = grossAtOrderTaxRate(component.amount, parts);
  if (amount === null) return null;
  return { ...component, amount, missingText: `${component.missingText} (plus its tax)`, extraText: `${component.extraText} (plus its tax)` };
}

/**
 * `amount` plus tax at the order's own effective rate (total / (total − tax)), for tax-exclusive
 * shops whose shipping/discount columns are net; null when prices include tax, there is no tax,
 * or grossing changes nothing.
 */
export function grossAtOrderTaxRate(amount: Minor, parts: Pick<OrderComponents, 'tax' | 'total' | 'taxIncluded'>): Minor | null {
  if (parts.taxIncluded === true || parts.tax <= 0 || parts.total <= parts.tax) return null;
  const gross = Math.round((amount * parts.total) / (parts.total - parts.tax));
  return gross === amount ? null : gross;
}

function componentsOf(parts: OrderComponents): Component[] {
  const list: Component[] = [
    { kind: 'shipping', category: 'AMOUNT_MISMATCH_SHIPPING', amount: parts.shipping, missingSign: -1, missingText: 'Odoo lacks the shipping line', extraText: 'Odoo has shipping the shop did not charge' },
    { kind: 'discount', category: 'AMOUNT_MISMATCH_DISCOUNT', amount: parts.discount, missingSign: 1, missingText: 'discount not applied in Odoo', extraText: 'Odoo applied a discount the shop did not' },
    {
      kind: 'tax',
      category: 'AMOUNT_MISMATCH_TAX',
      amount: parts.tax,
      // A tax-inclusive total re-taxed in Odoo comes out higher; an exclusive one booked net comes out lower.
      missingSign: parts.taxIncluded === false ? -1 : 1,
      missingText: parts.taxIncluded === false ? 'Odoo lacks the tax (prices booked net)' : 'tax added on top of tax-inclusive prices in Odoo',
      extraText: parts.taxIncluded === false ? 'tax counted twice in Odoo' : 'Odoo booked the tax-inclusive prices as net of tax',
    },
    { kind: 'duties', category: 'AMOUNT_MISMATCH_DUTIES', amount: parts.duties, missingSign: -1, missingText: 'Odoo lacks the duties line', extraText: 'Odoo has duties the shop did not charge' },
  ];
  const present = list.filter((component) => component.amount > 0);
  const grossed = present.map((component) => grossedUp(component, parts)).filter((component): component is Component => component !== null);
  return [...present, ...grossed];
}

/**
 * Tries to explain `delta` (Odoo − shop, minor units) within `tolerance` by up to four components.
 * Returns null when nothing fits. Natural directions (Odoo forgot a component) are preferred to
 * reversed ones, and fewer components to more.
 */
export function explainDelta(delta: Minor, parts: OrderComponents, tolerance: Minor): Explanation | null {
  const components = componentsOf(parts);
  const n = components.length;
  let best: { mask: number; signs: number[]; size: number; reversed: number; residual: number } | null = null;
  for (let mask = 1; mask < 1 << n; mask += 1) {
    const members: number[] = [];
    for (let i = 0; i < n; i += 1) if (mask & (1 << i)) members.push(i);
    if (members.length > 4) continue;
    const kinds = members.map((member) => components[member]?.kind);
    if (new Set(kinds).size !== kinds.length) continue;
    for (let signMask = 0; signMask < 1 << members.length; signMask += 1) {
      let sum = 0;
      let reversed = 0;
      const signs: number[] = [];
      members.forEach((member, position) => {
        const component = components[member];
        if (!component) return;
        const flip = (signMask & (1 << position)) !== 0;
        const sign = flip ? -component.missingSign : component.missingSign;
        if (flip) reversed += 1;
        signs.push(sign);
        sum += sign * component.amount;
      });
      const residual = delta - sum;
      if (Math.abs(residual) > tolerance) continue;
      const better =
        best === null ||
        members.length < best.size ||
        (members.length === best.size && reversed < best.reversed) ||
        (members.length === best.size && reversed === best.reversed && Math.abs(residual) < Math.abs(best.residual)) ||
        (members.length === best.size && reversed === best.reversed && Math.abs(residual) === Math.abs(best.residual) && mask < best.mask);
      if (better) best = { mask, signs, size: members.length, reversed, residual };
    }
  }
  if (best === null) return null;
  const categories: CategoryCode[] = [];
  const causes: Cause[] = [];
  let position = 0;
  for (let i = 0; i < n; i += 1) {
    if (!(best.mask & (1 << i))) continue;
    const component = components[i];
    const sign = best.signs[position] ?? 1;
    position += 1;
    if (!component) continue;
    categories.push(component.category);
    const amount = sign * component.amount;
    const text = sign === component.missingSign ? component.missingText : component.extraText;
    causes.push({ kind: component.kind, amount, detail: `${text} (${fmt(component.amount)})` });
  }
  if (best.residual !== 0) causes.push({ kind: 'rounding', amount: best.residual, detail: `rounding ${fmt(best.residual)}` });
  return { categories, causes };
}

/** Rounding tolerance (§8.3): one minor unit per item, at least one, at most fifty. */
export function roundingTolerance(itemCount: number, override?: number): Minor {
  if (override !== undefined) return override;
  return Math.min(Math.max(1, itemCount), 50);
}

/** Formats minor units of a 2-decimal currency for explanations. */
export function formatAmount(amount: Minor): string {
  return fmt(amount);
}
