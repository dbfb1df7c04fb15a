import { describe, expect, it } from 'vitest';
import { buildBoardPack } from '../build';
import type { TableBlock } from '../model';
import { sampleReport } from '../testing/sample-report';

const OPTIONS = { template: 'board', status: 'draft', snapshot: { createdAt: '2026-04-02T06:00:00.000Z', hash: 'ab'.repeat(32) } } as const;

function agingOf(report: ReturnType<typeof sampleReport>, consolidated: boolean): TableBlock {
  const doc = buildBoardPack(report, { ...OPTIONS, scope: consolidated ? { kind: 'consolidated' } : { kind: 'company', companyId: 1 } });
  const block = doc.sections.find((section) => section.id === 'receivables')?.blocks.find((candidate) => candidate.type === 'table' && candidate.id === 'aging');
  if (block?.type !== 'table') throw new Error('no ageing table');
  return block;
}

describe('receivables ageing table', () => {
  it('ends on the receivables balance: a total of the buckets when they tie out', () => {
    const report = sampleReport();
    const company = report.companies[0];
    if (!company) throw new Error('sample');
    const buckets = company.kpis.ar_aging.breakdown ?? [];
    company.kpis.ar_total = { ...company.kpis.ar_total, month: buckets.reduce((sum, bucket) => sum + (bucket.month ?? 0), 0) };
    const table = agingOf(report, false);
    expect(table.rows.map((row) => row.kind)).toEqual([...buckets.map(() => 'detail'), 'total']);
    expect(table.rows.at(-1)?.values.month).toBe(company.kpis.ar_total.month);
  });

  it('shows intercompany receivables eliminated on consolidation as the line between aged items and the group balance', () => {
    const report = sampleReport();
    const group = report.consolidated;
    if (!group) throw new Error('sample');
    const buckets = group.kpis.ar_aging.breakdown ?? [];
    const aged = buckets.reduce((sum, bucket) => sum + (bucket.month ?? 0), 0);
    group.kpis.ar_total = { ...group.kpis.ar_total, month: aged - 4_719_333 };
    const table = agingOf(report, true);
    const byKey = new Map(table.rows.map((row) => [row.key, row]));
    expect(byKey.get('aged')?.values.month).toBe(aged);
    expect(byKey.get('adjustment')).toMatchObject({ label: 'Intercompany receivables eliminated', values: { month: -4_719_333 } });
    expect(byKey.get('total')).toMatchObject({ kind: 'total', label: 'Receivables, balance sheet', values: { month: group.kpis.ar_total.month } });
    expect(byKey.get('total')?.sumOf).toEqual([{ row: 'aged', sign: 1 }, { row: 'adjustment', sign: 1 }]);
  });
});
