import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EN_SEPARATORS, excelNumberFormat, formatAmount, formatChange, formatDays, formatFigure, formatPercent, formatPoints, localeSeparators } from './format';

const EUR_K = { scale: 'k', currencyDecimals: 2 } as const;
const EUR_M = { scale: 'm', currencyDecimals: 2 } as const;
const EUR_UNITS = { scale: 'units', currencyDecimals: 2 } as const;

describe('formatAmount', () => {
  it('scales to thousands, rounds half away from zero and puts negatives in parentheses', () => {
    expect(formatAmount(1_234_567_89, EUR_K)).toBe('1,235');
    expect(formatAmount(-1_234_567_89, EUR_K)).toBe('(1,235)');
    expect(formatAmount(1_250_00, EUR_K)).toBe('1');
    expect(formatAmount(1_500_00, EUR_K)).toBe('2');
    expect(formatAmount(-1_500_00, EUR_K)).toBe('(2)');
    expect(formatAmount(0, EUR_K)).toBe('\u2013');
    expect(formatAmount(40_00, EUR_K)).toBe('0');
  });

  it('shows millions with one decimal and units with the currency decimals', () => {
    expect(formatAmount(123_456_789_00, EUR_M)).toBe('123.5');
    expect(formatAmount(-5_00, EUR_UNITS)).toBe('(5.00)');
    expect(formatAmount(1_234_567, { scale: 'units', currencyDecimals: 0 })).toBe('1,234,567');
  });

  it('agrees with floating division for every safe amount (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (minor) => {
        const text = formatAmount(minor, EUR_K);
        if (minor === 0) return text === '\u2013';
        const digits = Number(text.replace(/[(),]/g, ''));
        const expected = Math.floor(Math.abs(minor) / 100_000 + 0.5);
        // Exact halves are the only place float division could disagree; integer arithmetic decides those.
        return Math.abs(digits - expected) <= (Math.abs(minor) % 100_000 === 50_000 ? 1 : 0) && text.startsWith('(') === minor < 0;
      }),
    );
  });
});

describe('other units', () => {
  it('formats percentages, points, days and changes like the Excel formats', () => {
    expect(formatPercent(0.41234)).toBe('41.2%');
    expect(formatPercent(-0.05)).toBe('(5.0%)');
    expect(formatPercent(0.12345)).toBe('12.3%');
    expect(formatPoints(1.25)).toBe('+1.3 pp');
    expect(formatPoints(-0.3)).toBe('-0.3 pp');
    expect(formatDays(41.5)).toBe('42 d');
    expect(formatFigure(null, 'amount', EUR_K, 'n/a')).toBe('n/a');
    expect(formatFigure(2.35, 'multiple', EUR_K)).toBe('2.4x');
    expect(formatChange(5, 100, 'amount')).toBe('+5.0%');
    expect(formatChange(-5, 100, 'amount')).toBe('-5.0%');
    expect(formatChange(-5.4, 30, 'days')).toBe('-5 d');
    expect(formatChange(9, 21, 'days')).toBe('+9 d');
    expect(formatChange(0.2, 21, 'days')).toBe('0 d');
    expect(formatChange(0.012, 0.4, 'percent')).toBe('+1.2 pp');
    expect(formatChange(5, 0, 'amount')).toBe('n/m');
  });

  it('pairs each unit with an Excel format that has positive;negative;zero sections', () => {
    expect(excelNumberFormat('amount', EUR_K)).toBe('#,##0,;(#,##0,);"\u2013"');
    expect(excelNumberFormat('amount', EUR_M)).toBe('#,##0.0,,;(#,##0.0,,);"\u2013"');
    expect(excelNumberFormat('percent', EUR_K).split(';')).toHaveLength(3);
  });
});

describe('locale separators', () => {
  const DE = localeSeparators('de-DE');
  const FR = localeSeparators('fr-FR');
  const GB = localeSeparators('en-GB');

  it('reads each locale\'s group and decimal marks from the platform', () => {
    expect(DE).toEqual({ group: '.', decimal: ',' });
    expect(FR).toEqual({ group: '\u202f', decimal: ',' });
    expect(GB).toEqual({ group: ',', decimal: '.' });
    expect(localeSeparators('not a locale!')).toEqual(EN_SEPARATORS);
  });

  it('formats amounts with the locale\'s marks, keeping parentheses and the dash', () => {
    expect(formatAmount(123_456_789, { ...EUR_UNITS, separators: DE })).toBe('1.234.567,89');
    expect(formatAmount(123_456_789, { ...EUR_UNITS, separators: FR })).toBe('1\u202f234\u202f567,89');
    expect(formatAmount(123_456_789, { ...EUR_UNITS, separators: GB })).toBe('1,234,567.89');
    expect(formatAmount(-123_456_789, { ...EUR_UNITS, separators: DE })).toBe('(1.234.567,89)');
    expect(formatAmount(0, { ...EUR_K, separators: DE })).toBe('\u2013');
    expect(formatAmount(123_456_789_00, { ...EUR_M, separators: DE })).toBe('123,5');
  });

  it('localises every other unit and the tile changes', () => {
    const de = { ...EUR_K, separators: DE };
    expect(formatFigure(0.41234, 'percent', de)).toBe('41,2%');
    expect(formatFigure(-0.05, 'percent', de)).toBe('(5,0%)');
    expect(formatFigure(1.25, 'points', de)).toBe('+1,3 pp');
    expect(formatFigure(1234.4, 'days', de)).toBe('1.234 d');
    expect(formatFigure(14.25, 'months', de)).toBe('14,3 mo');
    expect(formatFigure(-12345, 'count', de)).toBe('(12.345)');
    expect(formatFigure(2.46, 'multiple', de)).toBe('2,5x');
    expect(formatChange(5, 100, 'amount', DE)).toBe('+5,0%');
    expect(formatChange(0.012, 0.4, 'percent', DE)).toBe('+1,2 pp');
    expect(formatChange(5, 0, 'amount', DE)).toBe('n/m');
  });

  it('leaves the default output byte for byte and changes only the marks (property)', () => {
    const displays = fc.record({
      scale: fc.constantFrom('units', 'k', 'm'),
      currencyDecimals: fc.constantFrom(0, 2, 3),
    });
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), displays, (minor, display) => {
        const plain = formatAmount(minor, display);
        if (formatAmount(minor, { ...display, separators: GB }) !== plain) return false;
        if (formatAmount(minor, { ...display, separators: EN_SEPARATORS }) !== plain) return false;
        const german = formatAmount(minor, { ...display, separators: DE });
        // Same digits, same sign marks; only "," and "." trade places.
        const swapped = plain.replace(/[,.]/g, (mark) => (mark === ',' ? '.' : ','));
        return german === swapped;
      }),
    );
  });

  it('agrees with Intl on the digits and marks of whole-unit amounts (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e15 }), fc.constantFrom('de-DE', 'fr-FR', 'en-GB', 'it-IT', 'nl-BE'), (minor, locale) => {
        const ours = formatAmount(minor, { scale: 'units', currencyDecimals: 2, separators: localeSeparators(locale) });
        const intl = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: 'always' }).format(minor / 100);
        return minor > 2 ** 53 / 100 || ours === intl;
      }),
    );
  });
});
