import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { allocate, convertMinor, formatMoney, fromMajor, parseMoney, ratio, roundHalfAwayFromZero, sumMinor, toMajorString } from './money';

describe('money', () => {
  it('rounds half away from zero in both directions', () => {
    expect(roundHalfAwayFromZero('2.5')).toBe(3);
    expect(roundHalfAwayFromZero('-2.5')).toBe(-3);
    expect(roundHalfAwayFromZero('2.4999')).toBe(2);
    expect(roundHalfAwayFromZero('-0.5')).toBe(-1);
  });

  it('converts Odoo floats without binary drift', () => {
    expect(fromMajor(1.005)).toBe(101);
    expect(fromMajor(0.1 + 0.2)).toBe(30);
    expect(fromMajor(-19250)).toBe(-1925000);
    expect(fromMajor(1234, 0)).toBe(1234);
  });

  it('parses accounting formats and rejects junk with the text in the message', () => {
    expect(parseMoney('1,234.56')).toBe(123456);
    expect(parseMoney('(1,234.56)')).toBe(-123456);
    expect(parseMoney('-12.5')).toBe(-1250);
    expect(parseMoney('EUR 99.999')).toBe(10000);
    expect(parseMoney('$5')).toBe(500);
    expect(parseMoney('7-')).toBe(-700);
    expect(() => parseMoney('12abc')).toThrow(/12abc/);
    expect(() => parseMoney('')).toThrow();
  });

  it('formats with grouping and parentheses', () => {
    expect(formatMoney(-123456)).toBe('-1,234.56');
    expect(formatMoney(-123456, { parentheses: true })).toBe('(1,234.56)');
    expect(formatMoney(100000000)).toBe('1,000,000.00');
    expect(formatMoney(5, { decimals: 0 })).toBe('5');
  });

  it('format → parse round-trips every safe amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e10, max: 1e10 }), fc.boolean(), (amount, parens) => {
        expect(parseMoney(formatMoney(amount, { parentheses: parens }))).toBe(amount);
        expect(fromMajor(Number(toMajorString(amount)))).toBe(amount);
      }),
    );
  });

  it('allocation parts always sum to the total and stay within one unit of the exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(sumMinor(parts)).toBe(total);
          const weightSum = weights.reduce((a, b) => a + b, 0);
          if (weightSum > 0) {
            parts.forEach((part, i) => {
              expect(Math.abs(part - (total * (weights[i] ?? 0)) / weightSum)).toBeLessThan(1.000001);
            });
          }
        },
      ),
    );
  });

  it('converts with a decimal-string rate, rounding half away from zero', () => {
    expect(convertMinor(10000, '1.0925')).toBe(10925);
    expect(convertMinor(-1, '0.5')).toBe(-1);
    expect(convertMinor(1, '0.5')).toBe(1);
    expect(convertMinor(12345, '150.1', 2, 0)).toBe(18530);
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (amount) => {
        expect(convertMinor(amount, '1')).toBe(amount);
        expect(convertMinor(-amount, '1.2345')).toBe(-convertMinor(amount, '1.2345') || 0);
      }),
    );
  });

  it('refuses unsafe integers and division by zero', () => {
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(/safe integer/);
    expect(() => sumMinor([0.5])).toThrow(/safe integer/);
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(1, 3, 4)).toBe(0.3333);
  });
});

describe('convertMinor integer path', () => {
  it('equals decimal.js arithmetic (half away from zero) for any amount, 12-place factor and decimals shift', () => {
    const Ref = Decimal.clone({ precision: 60 });
    fc.assert(
      fc.property(
        fc.integer({ min: -1e10, max: 1e10 }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 999_999_999_999 }),
        fc.constantFrom([2, 2], [2, 0], [0, 2], [3, 2], [2, 3]),
        (amount, whole, fraction, [from, to]) => {
          const rate = `${whole}.${String(fraction).padStart(12, '0')}`;
          const expected = new Ref(amount).times(rate).times(new Ref(10).pow(to! - from!)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
          expect(convertMinor(amount, rate, from, to)).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
    expect(convertMinor(5, '0.1')).toBe(1);
    expect(convertMinor(-5, '0.1')).toBe(-1);
    expect(convertMinor(100, '1e-7')).toBe(0);
  });
});
