import { describe, expect, it } from 'vitest';
import { inferTotals } from './total-inference';

describe('inferTotals', () => {
  it('recovers P&L subtotals with costs subtracted and chains totals', () => {
    const totals = inferTotals([
      { key: 'revenue', isTotal: false, values: [1000, 900] },
      { key: 'cogs', isTotal: false, values: [600, 500] },
      { key: 'gm', isTotal: true, values: [400, 400] },
      { key: 'opex', isTotal: false, values: [150, 100] },
      { key: 'fees', isTotal: false, values: [50, 0] },
      { key: 'ebitda', isTotal: true, values: [200, 300] },
    ]);
    expect(totals.get('gm')).toEqual([{ row: 'revenue', sign: 1 }, { row: 'cogs', sign: -1 }]);
    expect(totals.get('ebitda')).toEqual([{ row: 'gm', sign: 1 }, { row: 'opex', sign: -1 }, { row: 'fees', sign: -1 }]);
  });

  it('recovers balance-sheet totals made of earlier totals (net assets = assets - liabilities)', () => {
    const totals = inferTotals([
      { key: 'cash', isTotal: false, values: [70, 60] },
      { key: 'ar', isTotal: false, values: [30, 20] },
      { key: 'assets', isTotal: true, values: [100, 80] },
      { key: 'ap', isTotal: false, values: [40, 35] },
      { key: 'liabilities', isTotal: true, values: [40, 35] },
      { key: 'net_assets', isTotal: true, values: [60, 45] },
    ]);
    expect(totals.get('assets')).toEqual([{ row: 'cash', sign: 1 }, { row: 'ar', sign: 1 }]);
    expect(totals.get('liabilities')).toEqual([{ row: 'ap', sign: 1 }]);
    expect(totals.get('net_assets')).toEqual([{ row: 'assets', sign: 1 }, { row: 'liabilities', sign: -1 }]);
  });

  it('leaves a total without a formula when no signed sum reproduces it', () => {
    const totals = inferTotals([
      { key: 'a', isTotal: false, values: [10] },
      { key: 'b', isTotal: false, values: [5] },
      { key: 'odd', isTotal: true, values: [7] },
    ]);
    expect(totals.has('odd')).toBe(false);
  });
});
