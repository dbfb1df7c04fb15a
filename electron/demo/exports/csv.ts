/**
 * Minimal CSV/TSV writer matching the exporters' conventions: quote only when needed
 * (delimiter, quote, CR or LF inside), double embedded quotes, chosen line ending, optional BOM.
 */

export interface CsvStyle {
  delimiter: ',' | '\t';
  eol: '\n' | '\r\n';
  bom: boolean;
}

export const SHOPIFY_STYLE: CsvStyle = { delimiter: ',', eol: '\n', bom: false };
export const WOO_STYLE: CsvStyle = { delimiter: ',', eol: '\r\n', bom: false };
export const STRIPE_STYLE: CsvStyle = { delimiter: ',', eol: '\n', bom: true };
export const SETTLEMENT_STYLE: CsvStyle = { delimiter: '\t', eol: '\n', bom: false };

function cell(value: string, delimiter: string): string {
  if (value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r')) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[], style: CsvStyle): string {
  const lines = [header, ...rows].map((row) => row.map((v) => cell(v, style.delimiter)).join(style.delimiter));
  return (style.bom ? '\uFEFF' : '') + lines.join(style.eol) + style.eol;
}

/** Cents as a plain decimal with two places: 12345 → '123.45', -5 → '-0.05'. */
export function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Stripe-style object id from the PRNG: prefix + 24 base62 characters. */
export function objectId(next: () => number, prefix: string, length = 24): string {
  let s = prefix;
  for (let i = 0; i < length; i++) s += BASE62[Math.floor(next() * 62)];
  return s;
}
