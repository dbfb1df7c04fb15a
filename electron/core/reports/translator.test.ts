// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertMinor } from '../../../shared/money/money';
import { splitTranslated } from './translator';

const factorArb = fc.integer({ min: 1, max: 3_000_000_000_000 }).map((n) => (n / 1e12).toFixed(12));

describe('splitTranslated (channels of translated revenue)', () => {
  it('parts sum to the translated total and each stays within a cent of its own translation', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50_000_000, max: 50_000_000 }), { minLength: 1, maxLength: 8 }), factorArb, (amounts, factor) => {
        const total = convertMinor(amounts.reduce((s, a) => s + a, 0), factor);
        const parts = splitTranslated(total, amounts, factor, 0);
        // A difference, not toBe: convertMinor returns −0 for a negative amount that rounds to zero.
        expect(parts.reduce((s, p) => s + p, 0) - total).toBe(0);
        parts.forEach((part, i) => expect(Math.abs(part - convertMinor(amounts[i]!, factor))).toBeLessThanOrEqual(1));
      }),
    );
  });

  it('gives the rounding cent to the largest fraction', () => {
    // 3 × 0.5 = 1.5 → total 2 (half away from zero); 1 × 0.5 exact parts 0.5, 0.5, 0.5 → the first two get a cent.
    expect(splitTranslated(2, [1, 1, 1], '0.5', 0)).toEqual([1, 1, 0]);
    // A credit note channel: 101 × 1.1 = 111.1 and −11 × 1.1 = −12.1 → total round(99.0) = 99.
    expect(splitTranslated(99, [101, -11], '1.1', 0)).toEqual([111, -12]);
  });
});
