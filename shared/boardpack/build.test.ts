import { describe, expect, it } from 'vitest';
import { buildBoardPack, type BuildBoardPackOptions } from './build';
import type { BoardPackDocument, TableBlock } from './model';
import { sampleReport } from './testing/sample-report';

const SNAPSHOT = { createdAt: '2026-04-02T06:00:00.000Z', hash: 'ab'.repeat(32) };
const BASE: BuildBoardPackOptions = { template: 'board', scope: { kind: 'consolidated' }, status: 'draft', snapshot: SNAPSHOT };

function table(doc: BoardPackDocument, id: string): TableBlock {
  for (const section of doc.sections) for (const block of section.blocks) if (block.type === 'table' && block.id === id) return block;
  throw new Error(`no table ${id}`);
}

describe('buildBoardPack', () => {
  it('lays out the board template in the reference order with the six executive KPI tiles', () => {
    const doc = buildBoardPack(sampleReport(), BASE);
    expect(doc.sections.map((section) => section.id)).toEqual([
      'cover', 'contents', 'executive-summary', 'pnl', 'balance-sheet', 'cash', 'receivables', 'sales-pipeline', 'inventory', 'reconciliation', 'data-quality', 'appendix',
    ]);
    const summary = doc.sections.find((section) => section.id === 'executive-summary');
    const tiles = summary?.blocks.find((block) => block.type === 'kpis');
    expect(tiles?.type === 'kpis' ? tiles.tiles.map((tile) => tile.id) : []).toEqual(['net_revenue', 'gross_margin_pct', 'dso_days', 'pipeline_coverage', 'inventory_days_of_supply', 'csat']);
    expect(doc.period.label).toBe('Month ended 31 March 2026');
    expect(doc.entityLabel).toContain('Group consolidated');
  });

  it('carries the engine figures exactly and recovers the P&L totals as signed sums', () => {
    const report = sampleReport();
    const doc = buildBoardPack(report, BASE);
    const pnl = table(doc, 'pnl');
    const group = report.consolidated;
    const gm = pnl.rows.find((row) => row.key === 'gross_margin');
    expect(gm?.kind).toBe('total');
    expect(gm?.sumOf).toEqual([{ row: 'net_revenue', sign: 1 }, { row: 'cogs', sign: -1 }]);
    const ebitda = pnl.rows.find((row) => row.key === 'ebitda');
    expect(ebitda?.sumOf).toEqual([{ row: 'gross_margin', sign: 1 }, { row: 'opex', sign: -1 }]);
    for (const line of group?.pnl ?? []) {
      const row = pnl.rows.find((candidate) => candidate.key === line.key);
      expect(row?.values.m_ac).toBe(line.month);
      expect(row?.values.ytd_ac).toBe(line.ytd);
      expect(row?.values.m_py).toBe(line.priorYearMonth);
    }
    const cogs = pnl.rows.find((row) => row.key === 'cogs');
    // Costs above prior year are worse: the Better/(Worse) variance is negative.
    expect(cogs?.good).toBe('lower');
    expect(cogs?.values.m_dpy).toBe((cogs?.values.m_py ?? 0) - (cogs?.values.m_ac ?? 0));
  });

  it('takes budgets from the engine: BU columns in the P&L, budget on the tiles, partial subtotals left empty', () => {
    const report = sampleReport();
    const doc = buildBoardPack(report, BASE);
    const pnl = table(doc, 'pnl');
    expect(pnl.columns.map((column) => column.key)).toContain('m_dbu');
    const revenue = pnl.rows.find((row) => row.key === 'net_revenue');
    const budget = report.consolidated?.kpis.budget_variance.breakdown?.find((row) => row.key === 'net_revenue')?.extra?.budget_month ?? null;
    expect(revenue?.values.m_bu).toBe(budget);
    expect(revenue?.values.m_dbu).toBe((revenue?.values.m_ac ?? 0) - (budget ?? 0));
    const gm = pnl.rows.find((row) => row.key === 'gross_margin');
    const cogsBudget = pnl.rows.find((row) => row.key === 'cogs')?.values.m_bu ?? 0;
    expect(gm?.values.m_bu).toBe((budget ?? 0) - cogsBudget);
    const summary = doc.sections.find((section) => section.id === 'executive-summary')?.blocks.find((block) => block.type === 'kpis');
    const tile = summary?.type === 'kpis' ? summary.tiles.find((entry) => entry.id === 'net_revenue') : undefined;
    expect(tile?.budget).toBe(budget);
    expect(tile?.changeVsBudget).toBe((tile?.value ?? 0) - (budget ?? 0));
    // EBITDA is budgeted only through its parts here, and the parts' subtotal stays empty where a part is missing.
    expect(pnl.rows.find((row) => row.key === 'ebitda')?.values.m_bu).not.toBeUndefined();
  });

  it('adds a channel total only when the breakdown ties out to the KPI', () => {
    const doc = buildBoardPack(sampleReport(), BASE);
    const channels = table(doc, 'channels');
    const total = channels.rows.find((row) => row.kind === 'total');
    expect(total?.values.month).toBe(sampleReport().consolidated?.kpis.revenue_by_channel.month);
  });

  it('switches sections off, attaches commentary and is deterministic', () => {
    const options: BuildBoardPackOptions = { ...BASE, sections: { inventory: false }, commentary: { pnl: { text: 'Margin improved.', author: 'CFO' } } };
    const doc = buildBoardPack(sampleReport(), options);
    expect(doc.sections.find((section) => section.id === 'inventory')?.enabled).toBe(false);
    expect(doc.sections.find((section) => section.id === 'pnl')?.blocks.at(-1)).toEqual({ type: 'commentary', text: 'Margin improved.', author: 'CFO' });
    expect(JSON.stringify(buildBoardPack(sampleReport(), options))).toBe(JSON.stringify(doc));
  });

  it('builds the sales template without cash or receivables and a company scope in its own currency', () => {
    const doc = buildBoardPack(sampleReport(), { ...BASE, template: 'sales', scope: { kind: 'company', companyId: 2 } });
    expect(doc.sections.map((section) => section.id)).toEqual(['cover', 'contents', 'pipeline', 'channel-sales', 'top-customers']);
    expect(doc.currency).toBe('USD');
    expect(doc.entityLabel).toBe('Northwind Inc.');
    const customers = table(doc, 'customers');
    const top = customers.rows.find((row) => row.key === 'top');
    const all = customers.rows.find((row) => row.key === 'all');
    const share = customers.rows.find((row) => row.key === 'share');
    expect(top?.values.ltm).toBe(9_100_000_00 + 4_200_000_00 + 2_950_123_45);
    expect(all?.values.ltm).toBe(sampleReport().companies[1]?.kpis.net_revenue.ltm);
    expect(share?.values.ltm).toBeCloseTo((top?.values.ltm ?? 0) / (all?.values.ltm ?? 1), 12);
  });
});

describe('executive KPI tiles', () => {
  function tilesOf(doc: BoardPackDocument) {
    const block = doc.sections.find((section) => section.id === 'executive-summary')?.blocks.find((candidate) => candidate.type === 'kpis');
    return block?.type === 'kpis' ? block.tiles : [];
  }

  it('carries value, prior month, 13-month trend and the unit of each of the six KPIs from the engine', () => {
    const report = sampleReport();
    const tiles = tilesOf(buildBoardPack(report, BASE));
    const group = report.consolidated;
    for (const tile of tiles) {
      const kpi = group?.kpis[tile.id as keyof NonNullable<typeof group>['kpis']];
      expect(tile.value).toBe(kpi?.month);
      expect(tile.prior).toBe(kpi?.trend.at(-2)?.value);
      expect(tile.changeVsPrior).toBe((kpi?.month ?? 0) - (kpi?.trend.at(-2)?.value ?? 0));
      expect(tile.sparkline).toEqual(kpi?.trend.map((point) => point.value));
      expect(tile.sparkline).toHaveLength(13);
      expect(tile.status).toBe('ok');
      expect(tile.note).toBeUndefined();
    }
    expect(tiles.find((tile) => tile.id === 'net_revenue')?.unitLabel).toBe('EUR k');
    expect(tiles.find((tile) => tile.id === 'dso_days')?.unitLabel).toBe('');
  });

  it('says in plain words why a KPI or its budget is missing (no survey, no pipeline target, no budget)', () => {
    const report = sampleReport();
    const group = report.consolidated;
    if (!group) throw new Error('sample has a group');
    const csatNote = 'No customer-satisfaction survey imported (boardpack import csat).';
    const targetNote = 'No revenue target: import a budget or set crm.team invoicing targets.';
    group.kpis.csat = { ...group.kpis.csat, status: 'unavailable', note: csatNote, month: null, trend: group.kpis.csat.trend.map((point) => ({ ...point, value: null })) };
    group.kpis.pipeline_coverage = { ...group.kpis.pipeline_coverage, status: 'unavailable', note: targetNote, month: null };
    group.kpis.budget_variance = { ...group.kpis.budget_variance, status: 'unavailable', note: 'No budget for these months.', breakdown: [] };
    const doc = buildBoardPack(report, BASE);
    const tiles = tilesOf(doc);
    const csat = tiles.find((tile) => tile.id === 'csat');
    expect(csat).toMatchObject({ status: 'unavailable', note: csatNote, value: null, changeVsPrior: null });
    expect(tiles.find((tile) => tile.id === 'pipeline_coverage')).toMatchObject({ status: 'unavailable', note: targetNote, value: null });
    for (const tile of tiles) expect(tile.budgetNote).toBe('no budget imported');
    // The key-figures table under the tiles names the same reasons.
    const notes = doc.sections.find((section) => section.id === 'executive-summary')?.blocks.filter((block) => block.type === 'paragraph') ?? [];
    const text = notes.map((block) => (block.type === 'paragraph' ? block.text : '')).join(' ');
    expect(text).toContain(csatNote);
    expect(text).toContain(targetNote);
  });

  it('marks KPIs the budget does not cover as not budgeted when a budget is loaded', () => {
    const tiles = tilesOf(buildBoardPack(sampleReport(), BASE));
    const budgeted = tiles.filter((tile) => tile.budget !== null);
    expect(budgeted.length).toBeGreaterThan(0);
    for (const tile of budgeted) expect(tile.budgetNote).toBeUndefined();
    for (const tile of tiles.filter((candidate) => candidate.budget === null)) expect(tile.budgetNote).toBe('not budgeted');
  });
});

describe('sales managers template', () => {
  /** Every KPI and statement that is cash or receivables detail. */
  const CASH_OR_RECEIVABLES = ['cash', 'ar_total', 'ar_aging', 'dso_days', 'ap_total', 'dpo_days'];

  it('has no cash or receivables section, table row, tile, chart or footnote, consolidated or per company', () => {
    for (const scope of [{ kind: 'consolidated' }, { kind: 'company', companyId: 1 }, { kind: 'company', companyId: 2 }] as const) {
      const doc = buildBoardPack(sampleReport(), { ...BASE, template: 'sales', scope });
      const ids = doc.sections.map((section) => section.id);
      expect(ids).toEqual(['cover', 'contents', 'pipeline', 'channel-sales', 'top-customers']);
      for (const forbidden of ['cash', 'receivables', 'balance-sheet', 'executive-summary', 'pnl', 'reconciliation', 'data-quality', 'appendix'] as const) expect(ids).not.toContain(forbidden);
      for (const section of doc.sections) {
        for (const block of section.blocks) {
          if (block.type === 'table') for (const row of block.rows) expect(CASH_OR_RECEIVABLES, `${block.id}/${row.key}`).not.toContain(row.key);
          if (block.type === 'kpis') for (const tile of block.tiles) expect(CASH_OR_RECEIVABLES).not.toContain(tile.id);
          if (block.type === 'chart') expect(block.id).not.toMatch(/cash|aging|receiv/);
        }
      }
      expect(doc.footnotes.map((note) => note.marker)).not.toContain('d');
      expect(JSON.stringify(doc)).not.toMatch(/\bcash\b|receivable|DSO|ageing|payable/i);
    }
  });
});
