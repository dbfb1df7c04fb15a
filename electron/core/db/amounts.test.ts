import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMajor } from '../../../shared/money/money';
import { formatMinorUnits, toMinorUnits } from './amounts';

describe('toMinorUnits', () => {
  it('uses the decimal Odoo meant, not the binary float', () => {
    expect(toMinorUnits(0.285, 2)).toBe(29);
    expect(toMinorUnits(1.005, 2)).toBe(101);
    expect(toMinorUnits(436.0, 2)).toBe(43600);
    expect(toMinorUnits(19250, 2)).toBe(1925000);
  });

  it('rounds half away from zero, symmetric for negatives', () => {
    expect(toMinorUnits(2.5, 0)).toBe(3);
    expect(toMinorUnits(-2.5, 0)).toBe(-3);
    expect(toMinorUnits(-0.125, 2)).toBe(-13);
    expect(toMinorUnits(-0.124, 2)).toBe(-12);
    expect(Object.is(toMinorUnits(-0.001, 2), 0)).toBe(true);
  });

  it('handles 0 and 3 decimal currencies and exponent notation', () => {
    expect(toMinorUnits(1234.5, 0)).toBe(1235);
    expect(toMinorUnits(1.2345, 3)).toBe(1235);
    expect(toMinorUnits(1e-7, 2)).toBe(0);
    expect(toMinorUnits(5e-3, 2)).toBe(1);
    expect(toMinorUnits(1.5e21 / 1e10, 2)).toBe(15000000000000);
  });

  it('refuses values it cannot store exactly', () => {
    expect(() => toMinorUnits(Number.NaN, 2)).toThrow(/finite/);
    expect(() => toMinorUnits(1e17, 2)).toThrow(/too large/);
    expect(() => toMinorUnits(1, 9)).toThrow(/decimal places/);
  });

  it('agrees with decimal.js half-up rounding on the shortest decimal string (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (value, dp) => {
        const expected = new Decimal(String(value)).toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).mul(10 ** dp).toNumber();
        expect(toMinorUnits(value, dp)).toBe(expected === 0 ? 0 : expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with shared/money fromMajor (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 3 }), (value, dp) => {
        expect(toMinorUnits(value, dp)).toBe(fromMajor(value, dp) || 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips through formatMinorUnits', () => {
    expect(formatMinorUnits(-43600, 2)).toBe('-436.00');
    expect(formatMinorUnits(toMinorUnits(12.34, 2), 2)).toBe('12.34');
  });
});
