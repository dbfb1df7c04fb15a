import { describe, expect, it } from 'vitest';
import { BUDGET_FILE } from './plan-files';
import { generateInMemory } from './test-support';

describe('the demo budget', () => {
  const { exports, answerKey } = generateInMemory({ scale: 'small' });
  const rows = (exports.get(BUDGET_FILE) ?? '').trim().split('\n').slice(1).map((line) => {
    const [company, kpi, month, amount] = line.split(',');
    return { company: Number(company), kpi: kpi ?? '', month: month ?? '', cents: Math.round(Number(amount) * 100) };
  });
  const amount = (company: number, kpi: string, month: string) => rows.find((r) => r.company === company && r.kpi === kpi && r.month === month)?.cents;

  it('names every company\'s planned intercompany sales each month, within its revenue plan', () => {
    for (const company of answerKey.companies) {
      const months = rows.filter((r) => r.company === company.id && r.kpi === 'net_revenue').map((r) => r.month);
      expect(months.length).toBeGreaterThan(12);
      for (const month of months) {
        const ic = amount(company.id, 'intercompany_revenue', month);
        expect(ic, `${company.id} ${month}`).toBeGreaterThanOrEqual(0);
        expect(ic).toBeLessThanOrEqual(amount(company.id, 'net_revenue', month) ?? 0);
      }
    }
  });

  it('plans intercompany sales where the group actually has them, near the actual run rate', () => {
    for (const company of answerKey.companies) {
      const actual = company.months.reduce((sum, m) => sum + m.intercompany_sales, 0);
      const planned = company.months.reduce((sum, m) => sum + (amount(company.id, 'intercompany_revenue', m.month) ?? 0), 0);
      if (actual === 0) expect(planned).toBe(0);
      else expect(Math.abs(planned - actual) / actual).toBeLessThan(0.1);
    }
    expect(answerKey.companies.some((c) => c.months.some((m) => m.intercompany_sales > 0))).toBe(true);
  });
});
