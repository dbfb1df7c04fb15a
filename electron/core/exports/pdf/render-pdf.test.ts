import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBoardPack, type BuildBoardPackOptions } from '../../../../shared/boardpack/build';
import { formatFigure } from '../../../../shared/boardpack/format';
import type { BoardPackDocument } from '../../../../shared/boardpack/model';
import { sampleReport } from '../../../../shared/boardpack/testing/sample-report';
import { hasPdfTools, pdfInfo, pdfReadingText, pdfText, qpdfCheck, renderPageInk } from '../testing/poppler';
import { renderPdf } from './render-pdf';

const SNAPSHOT = { createdAt: '2026-04-02T06:00:00.000Z', hash: 'feedface'.repeat(8) };
const OPTIONS: BuildBoardPackOptions = {
  template: 'board',
  scope: { kind: 'consolidated' },
  status: 'draft',
  snapshot: SNAPSHOT,
  commentary: { 'executive-summary': { text: 'Revenue grew on the webshop; margin improved as freight costs eased.', author: 'CFO' } },
};
const ARTIFACTS = resolve(import.meta.dirname, '../../../../e2e/artifacts/boardpack');

function tiles(doc: BoardPackDocument) {
  return doc.sections.flatMap((section) => section.blocks.flatMap((block) => (block.type === 'kpis' ? block.tiles : [])));
}

describe('renderPdf', () => {
  let doc: BoardPackDocument;
  let pdf: Buffer;
  let path: string;
  let tools = false;

  beforeAll(async () => {
    doc = buildBoardPack(sampleReport(), OPTIONS);
    pdf = await renderPdf(doc);
    const dir = await mkdtemp(join(tmpdir(), 'bp-pdf-'));
    path = join(dir, 'pack.pdf');
    await writeFile(path, pdf);
    tools = await hasPdfTools();
  });

  it('renders byte-identical PDFs for the same document', async () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Buffer.compare(await renderPdf(doc), pdf)).toBe(0);
  });

  it('contains every KPI value as the engine formats it, the P&L lines and the DRAFT marking', async (context) => {
    if (!tools) return context.skip('poppler-utils/qpdf not installed: apt-get install -y poppler-utils qpdf');
    const text = await pdfText(path);
    const display = { scale: doc.scale, currencyDecimals: doc.currencyDecimals };
    expect(tiles(doc)).toHaveLength(6);
    expect(tiles(doc).map((tile) => tile.id)).toEqual(['net_revenue', 'gross_margin_pct', 'dso_days', 'pipeline_coverage', 'inventory_days_of_supply', 'csat']);
    for (const tile of tiles(doc)) {
      expect(text).toContain(tile.label);
      expect(text).toContain(formatFigure(tile.value, tile.unit, display, 'n/a'));
    }
    for (const label of ['Profit and loss', 'Gross margin', 'EBITDA', 'Receivables ageing', 'Contents', 'Month ended 31 March 2026', 'DRAFT', 'Page 3 of']) {
      expect(text).toContain(label);
    }
    expect(text).toContain(SNAPSHOT.hash.slice(0, 16));
  });

  it('has the expected page count and metadata, passes qpdf --check, and its first pages are not blank', async (context) => {
    if (!tools) return context.skip('poppler-utils/qpdf not installed: apt-get install -y poppler-utils qpdf');
    const info = await pdfInfo(path);
    const sections = doc.sections.filter((section) => section.enabled && section.id !== 'cover' && section.id !== 'contents').length;
    const pages = Number(info.get('Pages'));
    // Cover + contents + at least one page per section, and no runaway layout.
    expect(pages).toBeGreaterThanOrEqual(2 + sections);
    expect(pages).toBeLessThanOrEqual(2 + sections * 2);
    expect(info.get('Title')).toBe(doc.title);
    expect(info.get('Creator')).toBe('Boardpack');
    expect(info.get('Keywords')).toContain(`snapshot:${SNAPSHOT.hash}`);
    expect(info.get('CreationDate')).toMatch(/Apr\s+2 06:00:00 2026/);
    expect(info.get('Page size')).toMatch(/841\.89 x 595\.2\d pts \(A4\)/);
    expect(await qpdfCheck(path)).toMatch(/No syntax or stream encoding errors/);
    await mkdir(ARTIFACTS, { recursive: true });
    for (const page of [1, 2, 3]) {
      const ink = await renderPageInk(path, page, join(ARTIFACTS, `board-page-${page}`));
      expect(ink, `page ${page} ink share`).toBeGreaterThan(0.005);
      expect(ink, `page ${page} ink share`).toBeLessThan(0.6);
    }
  });

  it('drops the watermark once final and honours Letter paper', async (context) => {
    if (!tools) return context.skip('poppler-utils/qpdf not installed: apt-get install -y poppler-utils qpdf');
    const final = buildBoardPack(sampleReport(), { ...OPTIONS, status: 'final', final: { by: 'Jane Doe', at: '2026-04-03T09:00:00Z' } });
    const dir = await mkdtemp(join(tmpdir(), 'bp-pdf-final-'));
    const finalPath = join(dir, 'final.pdf');
    await writeFile(finalPath, await renderPdf(final, { paper: 'Letter' }));
    const text = await pdfText(finalPath);
    expect(text).not.toContain('DRAFT');
    expect(text).toContain('FINAL');
    expect(text).toContain('Jane Doe');
    expect((await pdfInfo(finalPath)).get('Page size')).toMatch(/792 x 612 pts \(letter\)/);
  });

  it('says on the tile why a KPI has no figure instead of a bare n/a', async (context) => {
    if (!tools) return context.skip('poppler-utils/qpdf not installed: apt-get install -y poppler-utils qpdf');
    const report = sampleReport();
    const group = report.consolidated;
    if (!group) throw new Error('sample has a group');
    const csatNote = 'No customer-satisfaction survey imported (boardpack import csat).';
    group.kpis.csat = { ...group.kpis.csat, status: 'unavailable', note: csatNote, month: null, trend: group.kpis.csat.trend.map((point) => ({ ...point, value: null })) };
    group.kpis.budget_variance = { ...group.kpis.budget_variance, status: 'unavailable', breakdown: [] };
    const dir = await mkdtemp(join(tmpdir(), 'bp-pdf-na-'));
    const file = join(dir, 'pack.pdf');
    await writeFile(file, await renderPdf(buildBoardPack(report, OPTIONS)));
    const summaryPage = (await pdfReadingText(file)).split('\f')[2] ?? '';
    const flat = summaryPage.replace(/\s+/g, ' ');
    expect(flat).toContain('Customer satisfaction');
    expect(flat).toContain('Not available');
    expect(flat).toContain(csatNote);
    expect(flat).toContain('no budget imported');
    expect(flat).not.toMatch(/\bn\/a\b/);
  });

  it('renders a sales managers pack with no cash or receivables detail', async (context) => {
    if (!tools) return context.skip('poppler-utils/qpdf not installed: apt-get install -y poppler-utils qpdf');
    for (const scope of [{ kind: 'consolidated' }, { kind: 'company', companyId: 2 }] as const) {
      const sales = buildBoardPack(sampleReport(), { ...OPTIONS, template: 'sales', scope });
      const dir = await mkdtemp(join(tmpdir(), 'bp-pdf-sales-'));
      const file = join(dir, 'sales.pdf');
      await writeFile(file, await renderPdf(sales));
      const text = await pdfText(file);
      for (const expected of ['Sales managers pack', 'Pipeline', 'Sales by channel', 'Top customers', 'Weighted pipeline', 'prepared for the sales managers']) expect(text).toContain(expected);
      expect(text).not.toMatch(/\bcash\b|receivable|\bDSO\b|days sales outstanding|ageing|aging|payable|\bDPO\b|balance sheet|board of directors/i);
    }
  });
});
