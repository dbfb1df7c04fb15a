import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBoardPack, type BuildBoardPackOptions } from '../../../../shared/boardpack/build';
import { formatFigure } from '../../../../shared/boardpack/format';
import type { BoardPackDocument } from '../../../../shared/boardpack/model';
import { sampleReport } from '../../../../shared/boardpack/testing/sample-report';
import { hasPdfTools, pdfInfo, pdfText, qpdfCheck, renderPageInk } from '../testing/poppler';
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
});
