import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, daysInMonth, fiscalQuarterStart, fiscalYearStart, monthEnd, monthRange, monthsBetween, reportPeriods } from './period';
import { localDateOf, localMonthCutter, localMonthOf, utcBoundsOfMonth } from './timezone';

const monthArb = fc.record({ y: fc.integer({ min: 1990, max: 2100 }), m: fc.integer({ min: 1, max: 12 }) }).map(
  ({ y, m }) => `${y}-${String(m).padStart(2, '0')}`,
);

describe('months and fiscal periods', () => {
  it('handles month ends and leap years', () => {
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2025-02')).toBe('2025-02-28');
    expect(monthEnd('1900-02')).toBe('1900-02-28');
    expect(daysInMonth('2025-12')).toBe(31);
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2025-11', 14)).toBe('2027-01');
  });

  it('YTD starts at the fiscal year start, not 1 January', () => {
    const p = reportPeriods('2025-02', { lastMonth: 3 });
    expect(p.fiscalYearStart).toBe('2024-04');
    expect(p.ytd).toHaveLength(11);
    expect(p.qtd).toEqual(['2025-01', '2025-02']);
    expect(p.priorYearYtd[0]).toBe('2023-04');
    expect(p.priorFiscalYearEnd).toBe('2024-03');
    expect(reportPeriods('2025-04', { lastMonth: 3 }).ytd).toEqual(['2025-04']);
    expect(reportPeriods('2025-12', { lastMonth: 12 }).ytd).toHaveLength(12);
  });

  it('period windows have the right shapes for every month and fiscal calendar', () => {
    fc.assert(
      fc.property(monthArb, fc.integer({ min: 1, max: 12 }), (month, lastMonth) => {
        const cal = { lastMonth };
        const p = reportPeriods(month, cal);
        expect(p.trend).toHaveLength(13);
        expect(p.trend.at(-1)).toBe(month);
        expect(p.ltm).toHaveLength(12);
        expect(p.ytd.at(-1)).toBe(month);
        expect(p.ytd.length).toBeGreaterThanOrEqual(1);
        expect(p.ytd.length).toBeLessThanOrEqual(12);
        expect(p.qtd.length).toBeGreaterThanOrEqual(1);
        expect(p.qtd.length).toBeLessThanOrEqual(3);
        expect(p.ytd.slice(-p.qtd.length)).toEqual(p.qtd);
        expect(p.priorYearYtd).toHaveLength(p.ytd.length);
        expect(monthsBetween(p.fiscalYearStart, p.fiscalYearEnd)).toBe(11);
        expect(Number(p.fiscalYearEnd.slice(5))).toBe(lastMonth);
        expect(fiscalYearStart(p.fiscalYearStart, cal)).toBe(p.fiscalYearStart);
        expect(monthsBetween(fiscalQuarterStart(month, cal), month)).toBe(p.qtd.length - 1);
        expect(monthRange(p.ytd[0] ?? month, month)).toEqual(p.ytd);
      }),
    );
  });
});

describe('timezone cutting', () => {
  it('an order at 23:30 local on the last day of the month stays in that month', () => {
    // 2025-01-31 23:30 in New York (EST, UTC-5) is stored by Odoo as 2025-02-01 04:30:00 UTC.
    expect(localMonthOf('2025-02-01 04:30:00', 'America/New_York')).toBe('2025-01');
    expect(localMonthOf('2025-02-01 04:30:00', 'UTC')).toBe('2025-02');
    // 2025-03-31 23:30 in Brussels (CEST, UTC+2) is 21:30 UTC the same day.
    expect(localMonthOf('2025-03-31 21:30:00', 'Europe/Brussels')).toBe('2025-03');
    // 00:30 local on 1 April in Brussels is 22:30 UTC on 31 March: April locally.
    expect(localMonthOf('2025-03-31 22:30:00', 'Europe/Brussels')).toBe('2025-04');
  });

  it('UTC bounds of a local month select exactly the local month', () => {
    const bounds = utcBoundsOfMonth('2025-01', 'America/New_York');
    expect(bounds).toEqual({ start: '2025-01-01 05:00:00', end: '2025-02-01 05:00:00' });
    expect('2025-02-01 04:30:00' >= bounds.start && '2025-02-01 04:30:00' < bounds.end).toBe(true);
    // DST: Brussels March starts at UTC+1 and ends at UTC+2.
    expect(utcBoundsOfMonth('2025-03', 'Europe/Brussels')).toEqual({ start: '2025-02-28 23:00:00', end: '2025-03-31 22:00:00' });
  });

  it('string bounds agree with the per-instant local month (property)', () => {
    const zones = ['UTC', 'America/New_York', 'Europe/Brussels', 'Asia/Kolkata', 'Pacific/Auckland', 'America/Los_Angeles'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const stamp = new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ');
          const month = localMonthOf(stamp, zone);
          const { start, end } = utcBoundsOfMonth(month, zone);
          expect(stamp >= start && stamp < end).toBe(true);
          expect(localDateOf(stamp, zone).slice(0, 7)).toBe(month);
        },
      ),
    );
  });
});

describe('localMonthCutter', () => {
  it('agrees with localMonthOf for any instant and zone, null outside the range', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'];
    const cutters = new Map(zones.map((z) => [z, localMonthCutter('2024-01', '2025-12', z)]));
    const start = Date.UTC(2023, 11, 25);
    const end = Date.UTC(2026, 0, 5);
    fc.assert(
      fc.property(fc.integer({ min: start / 1000, max: end / 1000 }), fc.constantFrom(...zones), (seconds, zone) => {
        const utc = new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
        const month = localMonthOf(utc, zone);
        const expected = month >= '2024-01' && month <= '2025-12' ? month : null;
        expect(cutters.get(zone)!(utc)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps 23:30 local on the last day in the month and 00:30 on the 1st in the next', () => {
    const cut = localMonthCutter('2025-01', '2025-12', 'Europe/Berlin');
    expect(cut('2025-03-31 21:30:00')).toBe('2025-03');
    expect(cut('2025-03-31 22:30:00')).toBe('2025-04');
  });
});
