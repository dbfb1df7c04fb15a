import type { AmountScale, Figure, ValueUnit } from './model';

/**
 * Number presentation shared by the PDF renderer, the UI preview and the tests, written to give the same text
 * Excel shows for the matching format code from {@link excelNumberFormat}: negatives in parentheses, zero as a
 * dash, thousands separators, k/m scaling by the format (the value itself is never rounded).
 */

/** The characters that group thousands and mark decimals in a displayed number. */
export interface NumberSeparators {
  group: string;
  decimal: string;
}

/** Display options for amounts. */
export interface AmountDisplay {
  scale: AmountScale;
  /** Minor-unit digits of the currency. */
  currencyDecimals: number;
  /** Separators of the reader's locale; omitted = "," and "." (the Excel/PDF text, byte for byte). */
  separators?: NumberSeparators;
}

const EN_DASH = '\u2013';

/** The separators every formatter uses when none are given: the en-style text Excel and the PDF print. */
export const EN_SEPARATORS: NumberSeparators = Object.freeze({ group: ',', decimal: '.' });

/**
 * The group and decimal separators of a BCP 47 locale, from the platform's own number formatting:
 * de-DE -> "." and ","; fr-FR -> U+202F (narrow no-break space) and ","; en-GB -> "," and ".".
 * An unknown or malformed tag falls back to {@link EN_SEPARATORS} rather than failing a render.
 */
export function localeSeparators(locale: string): NumberSeparators {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(locale, { useGrouping: true, minimumFractionDigits: 1 }).formatToParts(1234567.5);
  } catch {
    return EN_SEPARATORS;
  }
  const group = parts.find((part) => part.type === 'group')?.value ?? EN_SEPARATORS.group;
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? EN_SEPARATORS.decimal;
  // A locale whose two marks coincide would make numbers ambiguous; keep the unambiguous default then.
  return group === decimal ? EN_SEPARATORS : { group, decimal };
}

/**
 * Swaps the en-style marks of an already formatted number for the locale's. Formatting always runs
 * in en style first, so the default output stays byte-identical and the rounding stays in one place.
 */
function withSeparators(text: string, separators: NumberSeparators | undefined): string {
  if (!separators || (separators.group === ',' && separators.decimal === '.')) return text;
  return text.replace(/[,.]/g, (mark) => (mark === ',' ? separators.group : separators.decimal));
}

/** Groups an unsigned digit string with commas: "1234567" -> "1,234,567". */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Rounds `numerator / denominator` (both integers, denominator > 0) half away from zero, like Excel's display.
 * Integer arithmetic keeps it exact for every safe integer amount.
 */
function roundedQuotient(numerator: number, denominator: number): number {
  const magnitude = Math.floor((2 * Math.abs(numerator) + denominator) / (2 * denominator));
  return numerator < 0 ? -magnitude : magnitude;
}

/** Renders a rounded magnitude with a fixed number of decimals: (12345, 1) -> "1,234.5". */
function fixedDecimals(scaledUnits: number, decimals: number): string {
  const abs = Math.abs(scaledUnits);
  const factor = 10 ** decimals;
  const whole = Math.floor(abs / factor);
  const fraction = abs - whole * factor;
  const wholeText = groupThousands(String(whole));
  return decimals === 0 ? wholeText : `${wholeText}.${String(fraction).padStart(decimals, '0')}`;
}

/** Decimals shown for an amount at a given scale: k shows none, m one, units the currency's own. */
export function amountDisplayDecimals(display: AmountDisplay): number {
  if (display.scale === 'k') return 0;
  if (display.scale === 'm') return 1;
  return display.currencyDecimals;
}

/**
 * Formats an amount given in minor units: 1234567 cents at scale k -> "12"; -1234567 -> "(12)"; 0 -> "–".
 * Rounds half away from zero, exactly as Excel displays `#,##0,;(#,##0,);"–"` on the same value.
 */
export function formatAmount(minor: number, display: AmountDisplay): string {
  if (minor === 0) return EN_DASH;
  const shown = amountDisplayDecimals(display);
  const scaleDigits = display.scale === 'k' ? 3 : display.scale === 'm' ? 6 : 0;
  // minor units -> displayed units * 10^shown: divide by 10^(currencyDecimals + scaleDigits - shown)
  const exponent = display.currencyDecimals + scaleDigits - shown;
  const scaled = exponent >= 0 ? roundedQuotient(minor, 10 ** exponent) : minor * 10 ** -exponent;
  const text = withSeparators(fixedDecimals(scaled, shown), display.separators);
  return minor < 0 ? `(${text})` : text;
}

/** Rounds a float half away from zero to `decimals`, tolerant of binary noise (0.1235 stays 0.1235, not 0.12349999). */
function roundFloat(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const shifted = Math.abs(value) * factor;
  const rounded = Math.floor(shifted + 0.5 + 1e-9);
  return (Math.sign(value) * rounded) / factor;
}

/** 0.1234 -> "12.3%", -0.05 -> "(5.0%)", 0 -> "–" (Excel `0.0%;(0.0%);"–"`); de-DE separators -> "12,3%". */
export function formatPercent(fraction: number, decimals = 1, separators?: NumberSeparators): string {
  if (fraction === 0) return EN_DASH;
  const text = `${withSeparators(roundFloat(Math.abs(fraction) * 100, decimals).toFixed(decimals), separators)}%`;
  return fraction < 0 ? `(${text})` : text;
}

/** A change in a percentage KPI, given in percentage points: 1.2 -> "+1.2 pp", -0.3 -> "-0.3 pp", 0 -> "–". */
export function formatPoints(points: number, separators?: NumberSeparators): string {
  if (points === 0) return EN_DASH;
  const text = `${withSeparators(roundFloat(Math.abs(points), 1).toFixed(1), separators)} pp`;
  return points < 0 ? `-${text}` : `+${text}`;
}

/** Days with no decimals: 45.4 -> "45 d"; negative in parentheses. */
export function formatDays(days: number, separators?: NumberSeparators): string {
  const text = `${withSeparators(groupThousands(String(Math.abs(roundFloat(days, 0)))), separators)} d`;
  return days < 0 && roundFloat(days, 0) !== 0 ? `(${text})` : text;
}

/** Months with one decimal (runway): 14.25 -> "14.3 mo". */
export function formatMonths(months: number, separators?: NumberSeparators): string {
  const text = `${withSeparators(roundFloat(Math.abs(months), 1).toFixed(1), separators)} mo`;
  return months < 0 ? `(${text})` : text;
}

/** Whole counts: 1234 -> "1,234", 0 -> "–". */
export function formatCount(count: number, separators?: NumberSeparators): string {
  if (count === 0) return EN_DASH;
  const text = withSeparators(groupThousands(String(Math.abs(roundFloat(count, 0)))), separators);
  return count < 0 ? `(${text})` : text;
}

/** Multiples with one decimal (pipeline coverage): 2.46 -> "2.5x". */
export function formatMultiple(multiple: number, separators?: NumberSeparators): string {
  const text = `${withSeparators(roundFloat(Math.abs(multiple), 1).toFixed(1), separators)}x`;
  return multiple < 0 ? `(${text})` : text;
}

/**
 * Formats any figure by unit, the one entry point renderers use. `empty` is what a missing figure shows:
 * tables leave it blank, KPI tiles say "n/a".
 */
export function formatFigure(value: Figure, unit: ValueUnit, display: AmountDisplay, empty = ''): string {
  if (value === null) return empty;
  const separators = display.separators;
  switch (unit) {
    case 'amount':
      return formatAmount(value, display);
    case 'percent':
      return formatPercent(value, 1, separators);
    case 'points':
      return formatPoints(value, separators);
    case 'days':
      return formatDays(value, separators);
    case 'months':
      return formatMonths(value, separators);
    case 'count':
      return formatCount(value, separators);
    case 'multiple':
      return formatMultiple(value, separators);
  }
}

/**
 * A KPI change for a tile: relative for amounts and counts ("+4.2%" against |base|), points for percentages,
 * absolute for days, months and multiples. Changes always carry an explicit sign ("+9 d", "-5 d", "-0.2 pp"),
 * never parentheses, so the tiles read one way whatever the unit. "n/m" when the base is zero.
 */
export function formatChange(change: Figure, base: Figure, unit: ValueUnit, separators?: NumberSeparators): string {
  if (change === null || base === null) return 'n/a';
  if (unit === 'percent') return formatPoints(change * 100, separators);
  if (unit === 'points') return formatPoints(change, separators);
  if (unit === 'days' || unit === 'months' || unit === 'multiple') {
    const magnitude = Math.abs(change);
    const text = unit === 'days' ? formatDays(magnitude, separators) : unit === 'months' ? formatMonths(magnitude, separators) : formatMultiple(magnitude, separators);
    return signed(text, change, unit === 'days' ? 0 : 1);
  }
  if (base === 0) return 'n/m';
  const relative = change / Math.abs(base);
  return signed(formatPercent(Math.abs(relative), 1, separators), relative, 3);
}

/** Prefixes "+" or "-" unless the value rounds to zero at the shown decimals (then the text is unsigned). */
function signed(text: string, value: number, decimals: number): string {
  if (roundFloat(Math.abs(value), decimals) === 0) return text;
  return value > 0 ? `+${text}` : `-${text}`;
}

/** The unit label stated in table headers: "EUR k", "EUR m" or "EUR". */
export function amountUnitLabel(currency: string, scale: AmountScale): string {
  return scale === 'units' ? currency : `${currency} ${scale}`;
}

/**
 * The Excel number format matching {@link formatFigure} for a unit: sections positive;negative;zero.
 * Amounts are written to cells in major units (minor / 10^decimals) and scaled by the format's trailing commas.
 */
export function excelNumberFormat(unit: ValueUnit, display: AmountDisplay): string {
  switch (unit) {
    case 'amount': {
      if (display.scale === 'k') return `#,##0,;(#,##0,);"${EN_DASH}"`;
      if (display.scale === 'm') return `#,##0.0,,;(#,##0.0,,);"${EN_DASH}"`;
      const decimals = display.currencyDecimals > 0 ? `.${'0'.repeat(display.currencyDecimals)}` : '';
      return `#,##0${decimals};(#,##0${decimals});"${EN_DASH}"`;
    }
    case 'percent':
      return `0.0%;(0.0%);"${EN_DASH}"`;
    case 'points':
      return `+0.0" pp";-0.0" pp";"${EN_DASH}"`;
    case 'days':
      return '#,##0" d";(#,##0" d");"0 d"';
    case 'months':
      return '0.0" mo";(0.0" mo");"0.0 mo"';
    case 'count':
      return `#,##0;(#,##0);"${EN_DASH}"`;
    case 'multiple':
      return '0.0"x";(0.0"x");"0.0x"';
  }
}

/** Converts minor units to the major-unit number written into spreadsheet cells: 123456 -> 1234.56. */
export function minorToMajor(minor: number, currencyDecimals: number): number {
  return minor / 10 ** currencyDecimals;
}
