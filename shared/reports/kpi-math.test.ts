import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agingBucket, betterWorse, daysBetween, dpo, dsoCountback, dsoSimple, grossMarginPct } from './kpi-math';

describe('KPI math', () => {
  it('ages by days past due with inclusive bounds', () => {
    expect(agingBucket('2025-01-31', '2025-01-31')).toBe('current');
    expect(agingBucket('2025-01-31', '2025-02-15')).toBe('current');
    expect(agingBucket('2025-01-31', '2025-01-30')).toBe('d1_30');
    expect(agingBucket('2025-01-31', '2025-01-01')).toBe('d1_30');
    expect(agingBucket('2025-01-31', '2024-12-31')).toBe('d31_60');
    expect(agingBucket('2025-03-31', '2024-12-31')).toBe('d61_90');
    expect(agingBucket('2025-03-31', '2024-12-30')).toBe('d90_plus');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('DSO countback reproduces the board-pack.md example (73.71 days vs 76.3 simple)', () => {
    const months = [
      { sales: 100000, days: 30 },
      { sales: 80000, days: 30 },
      { sales: 70000, days: 30 },
    ];
    expect(dsoCountback(212000, months)).toBe(73.71);
    expect(dsoSimple(212000, 250000, 90)).toBe(76.32);
    expect(dsoCountback(0, months)).toBe(0);
    expect(dsoCountback(1_000_000, months)).toBeNull();
    expect(dsoSimple(1, 0, 30)).toBeNull();
  });

  it('countback days never exceed the days walked and grow with AR (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ sales: fc.integer({ min: 1, max: 1e9 }), days: fc.integer({ min: 28, max: 31 }) }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 1e9 }),
        (months, ar) => {
          const total = months.reduce((a, m) => a + m.sales, 0);
          const dso = dsoCountback(Math.min(ar, total), months);
          expect(dso).not.toBeNull();
          expect(dso!).toBeLessThanOrEqual(months.reduce((a, m) => a + m.days, 0) + 0.01);
          const smaller = dsoCountback(Math.max(1, Math.floor(Math.min(ar, total) / 2)), months);
          expect(smaller!).toBeLessThanOrEqual(dso! + 0.01);
        },
      ),
    );
  });

  it('margin, DPO and Better/(Worse)', () => {
    expect(grossMarginPct(200000, 50000)).toBe(0.25);
    expect(grossMarginPct(0, 5)).toBeNull();
    expect(dpo(3000, 9000, 30)).toBe(10);
    expect(betterWorse(120, 100, 'revenue')).toBe(20);
    expect(betterWorse(120, 100, 'cost')).toBe(-20);
  });
});
