/**
 * Order-number normalisation. Connectors and people write the same shop order as `#1041`,
 * `1041`, `WC-20422`, `WooCommerce #20422` or `SHOP-001041`; the matcher compares raw keys first
 * (so it can say which field matched) and normalised keys second (flagged as such).
 */

/** Prefixes connectors and people put in front of shop order numbers. Longest first. */
const KNOWN_PREFIXES = ['WOOCOMMERCE ORDER #', 'WOOCOMMERCE #', 'WOOCOMMERCE', 'SHOPIFY #', 'SHOPIFY', 'ORDER #', 'ORDER', 'WC-', 'WC', 'SO-', 'NO.', 'NR.'];

/**
 * Canonical form of an order number: trimmed, upper-case, known prefixes and `#` dropped,
 * inner spaces removed, leading zeros of a purely numeric key dropped. Empty input gives ''.
 * @example normalizeOrderKey('WooCommerce #020422') === '20422'
 */
export function normalizeOrderKey(raw: string): string {
  let key = raw.trim().toUpperCase();
  if (key === '') return '';
  for (const prefix of KNOWN_PREFIXES) {
    if (key.startsWith(prefix) && key.length > prefix.length) {
      key = key.slice(prefix.length).trim();
      break;
    }
  }
  key = key.replace(/#/g, '').replace(/\s+/g, '');
  if (/^\d+$/.test(key)) key = key.replace(/^0+(?=\d)/, '');
  return key;
}

/** Trimmed key used for the "exact" comparisons (case and spacing as typed are kept). */
export function exactOrderKey(raw: string): string {
  return raw.trim();
}

/**
 * The shape of a channel's order numbers, learned from its export: the literal prefix before the
 * digits (`#` for Shopify, '' for WooCommerce) and the digit-count range. Used to decide whether an
 * Odoo reference that matched nothing "looks like" an order of this channel (MISSING_IN_SHOP).
 */
export interface KeyShape {
  prefix: string;
  minDigits: number;
  maxDigits: number;
}

/** Learns the key shape from order numbers; null when they do not follow a prefix+digits pattern. */
export function learnKeyShape(keys: Iterable<string>): KeyShape | null {
  let shape: KeyShape | null = null;
  for (const raw of keys) {
    const match = /^(\D*?)(\d+)$/.exec(raw.trim());
    if (!match) return null;
    const prefix = match[1] ?? '';
    const digits = (match[2] ?? '').length;
    if (shape === null) shape = { prefix, minDigits: digits, maxDigits: digits };
    else if (shape.prefix !== prefix) return null;
    else shape = { prefix, minDigits: Math.min(shape.minDigits, digits), maxDigits: Math.max(shape.maxDigits, digits) };
  }
  return shape;
}

/** True when `raw` follows `shape` (one digit of slack either way, numbering grows). */
export function fitsKeyShape(raw: string, shape: KeyShape): boolean {
  const match = /^(\D*?)(\d+)$/.exec(raw.trim());
  if (!match || (match[1] ?? '') !== shape.prefix) return false;
  const digits = (match[2] ?? '').length;
  return digits >= shape.minDigits - 1 && digits <= shape.maxDigits + 1;
}

/** Code-point order: deterministic on every machine, unlike locale-aware comparison. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
