import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { averageFactor, buildRateTable, closingFactor, factorAt, rateAt, type CurrencyRateRow } from './rates';
import { computeCta, translateAmount, translateSum } from './translate';

// Company 1 reports in USD; EUR rows say "EUR per 1 USD" (Odoo technical rate).
const rows: CurrencyRateRow[] = [
  { currency: 'EUR', companyId: 1, date: '2025-01-01', rate: 1 },
  { currency: 'EUR', companyId: 1, date: '2025-01-16', rate: 1.25 },
  { currency: 'EUR', companyId: null, date: '2025-01-20', rate: 9 },
  { currency: 'GBP', companyId: null, date: '2025-01-10', rate: 0.8 },
  { currency: 'EUR', companyId: 2, date: '2024-01-01', rate: 5 },
];

describe('rate lookup (Odoo semantics)', () => {
  const table = buildRateTable(rows, 1, 'USD');

  it('takes the latest rate on or before the date, company rows before shared ones', () => {
    expect(rateAt(table, 'EUR', '2025-01-15')?.toString()).toBe('1');
    expect(rateAt(table, 'EUR', '2025-01-16')?.toString()).toBe('1.25');
    expect(rateAt(table, 'EUR', '2025-02-01')?.toString()).toBe('1.25');
    expect(rateAt(table, 'GBP', '2025-01-10')?.toString()).toBe('0.8');
  });

  it('reports a missing rate as null instead of 1.0, but the reference currency is 1', () => {
    expect(rateAt(table, 'EUR', '2024-12-31')).toBeNull();
    expect(rateAt(table, 'GBP', '2025-01-09')).toBeNull();
    expect(rateAt(table, 'USD', '1999-01-01')?.toString()).toBe('1');
    expect(averageFactor(table, 'GBP', 'USD', '2025-01')).toBeNull();
    expect(closingFactor(table, 'GBP', 'USD', '2025-01')).toBe('1.25');
  });

  it('the factor converts "from" into "to" units: rate(to) / rate(from)', () => {
    // 1 EUR = 1/1.25 USD = 0.8 USD after the 16th.
    expect(factorAt(table, 'EUR', 'USD', '2025-01-31')?.toString()).toBe('0.8');
    expect(factorAt(table, 'USD', 'EUR', '2025-01-31')?.toString()).toBe('1.25');
    expect(factorAt(table, 'EUR', 'GBP', '2025-01-31')?.toString()).toBe('0.64');
  });

  it('averages the factor day-weighted, not the rate (board-pack.md pitfall)', () => {
    // 15 days at factor 1.0, 16 days at 0.8 → (15 + 12.8) / 31.
    expect(averageFactor(table, 'EUR', 'USD', '2025-01')).toBe(new Decimal(27.8).dividedBy(31).toDecimalPlaces(12).toFixed());
    expect(averageFactor(table, 'EUR', 'USD', '2025-01')).not.toBe(new Decimal(1).dividedBy(new Decimal(15 + 16 * 1.25).dividedBy(31)).toDecimalPlaces(12).toFixed());
    expect(closingFactor(table, 'EUR', 'USD', '2025-01')).toBe('0.8');
  });

  it('rejects non-positive rates', () => {
    expect(() => buildRateTable([{ currency: 'EUR', companyId: null, date: '2025-01-01', rate: 0 }], 1, 'USD')).toThrow(/> 0/);
  });

  it('a constant rate gives identical average and closing factors (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 500, noNaN: true }), fc.integer({ min: 1, max: 12 }), (rate, month) => {
        const t = buildRateTable([{ currency: 'JPY', companyId: null, date: '2020-01-01', rate }], 1, 'USD');
        const key = `2024-${String(month).padStart(2, '0')}`;
        expect(averageFactor(t, 'JPY', 'USD', key)).toBe(closingFactor(t, 'JPY', 'USD', key));
      }),
    );
  });
});

describe('translation and CTA', () => {
  it('YTD translated = sum of translated months; a missing factor yields null, never a guess', () => {
    const months = [
      { balance: -100000, factor: '1.1' },
      { balance: -50001, factor: '1.2' },
    ];
    expect(translateSum(months)).toBe(translateAmount(-100000, '1.1')! + translateAmount(-50001, '1.2')!);
    expect(translateSum([...months, { balance: 1, factor: null }])).toBeNull();
  });

  it('CTA is zero at unit rates and the identity NA = equity + RE + CTA always holds (property)', () => {
    const factor = fc.double({ min: 0.05, max: 20, noNaN: true }).map((v) => new Decimal(v).toDecimalPlaces(8).toFixed());
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 12 }),
        factor,
        fc.array(factor, { minLength: 12, maxLength: 12 }),
        (equityMoves, pnl, closing, averages) => {
          // Balanced ledger: net assets = −(equity + P&L).
          const netAssets = -(equityMoves.reduce((a, b) => a + b, 0) + pnl.reduce((a, b) => a + b, 0));
          const unit = computeCta({
            netAssetRows: [netAssets],
            closingFactor: '1',
            equityMovements: equityMoves.map((balance) => ({ balance, factor: '1' })),
            pnlMonths: pnl.map((balance) => ({ balance, factor: '1' })),
          });
          expect(unit.cta).toBe(0);
          const r = computeCta({
            netAssetRows: [netAssets],
            closingFactor: closing,
            equityMovements: equityMoves.map((balance) => ({ balance, factor: closing })),
            pnlMonths: pnl.map((balance, i) => ({ balance, factor: averages[i] ?? '1' })),
          });
          expect(r.translatedNetAssets! - r.translatedEquityAtHistorical! - r.translatedRetainedEarnings!).toBe(r.cta);
          // At one constant rate the CTA is only rounding: at most half a unit per rounded amount.
          const flat = computeCta({
            netAssetRows: [netAssets],
            closingFactor: closing,
            equityMovements: equityMoves.map((balance) => ({ balance, factor: closing })),
            pnlMonths: pnl.map((balance) => ({ balance, factor: closing })),
          });
          expect(Math.abs(flat.cta!)).toBeLessThanOrEqual(Math.ceil((1 + equityMoves.length + pnl.length) / 2));
        },
      ),
    );
  });
});
