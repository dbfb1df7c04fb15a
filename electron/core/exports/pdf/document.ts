import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { AmountDisplay } from '../../../../shared/boardpack/format';
import type { BoardPackDocument, Footnote, Section } from '../../../../shared/boardpack/model';
import { templateTitle } from '../../../../shared/boardpack/templates';
import { chartContent, kpiTilesContent, pdfSafeText, tableContent, type PdfLayout } from './blocks';
import { PDF_COLORS, PDF_STYLES } from './theme';

/** Paper of the PDF; landscape always (statements are wide). */
export type PdfPaper = 'A4' | 'Letter';

const PAGE_WIDTH = { A4: 841.89, Letter: 792 } as const;
const MARGIN_X = 40;

function statusText(doc: BoardPackDocument): string {
  return doc.status === 'final' ? 'FINAL' : 'DRAFT';
}

function coverPage(doc: BoardPackDocument): Content[] {
  const facts: [string, string][] = [
    ['Period', doc.period.label],
    ['Status', statusText(doc)],
    ['Version', doc.version],
    ['Prepared by', doc.preparedBy ?? 'Finance'],
    ['Currency', `${doc.currency}, amounts in ${doc.scale === 'units' ? 'units' : `${doc.currency} ${doc.scale}`}`],
    ['Snapshot', `${doc.snapshot.createdAt} \u00b7 ${doc.snapshot.hash.slice(0, 16)}`],
    ...doc.dataCutoff.map((cutoff): [string, string] => ['Data cut-off', cutoff]),
  ];
  if (doc.final) facts.push(['Approved', `${doc.final.by}, ${doc.final.at}${doc.final.waiver ? ` \u2013 waiver: ${doc.final.waiver}` : ''}`]);
  return [
    { text: templateTitle(doc.template).toUpperCase(), fontSize: 11, bold: true, color: PDF_COLORS.muted, margin: [0, 90, 0, 6], characterSpacing: 2 },
    { text: doc.entityLabel, fontSize: 30, bold: true, color: PDF_COLORS.brand },
    { text: doc.period.label, fontSize: 18, color: PDF_COLORS.ink, margin: [0, 6, 0, 24] },
    { canvas: [{ type: 'rect', x: 0, y: 0, w: 120, h: 4, color: PDF_COLORS.brand }], margin: [0, 0, 0, 18] },
    {
      table: { widths: [90, '*'], body: facts.map(([label, value]) => [{ text: label, color: PDF_COLORS.muted, fontSize: 10 }, { text: value, fontSize: 10, fontFeatures: ['tnum'] }]) },
      layout: 'noBorders',
    },
    { text: `Confidential \u2013 prepared for ${doc.template === 'board' ? 'the board of directors' : 'the sales managers'}.`, fontSize: 9, italics: true, color: PDF_COLORS.muted, margin: [0, 40, 0, 0] },
  ];
}

function sectionContent(section: Section, layout: PdfLayout, footnotes: Footnote[], isLast: boolean): Content[] {
  const content: Content[] = [{ text: section.title, style: 'h1', tocItem: true, pageBreak: 'before' }];
  const referenced = new Set<string>();
  for (const block of section.blocks) {
    if (block.type === 'kpis') content.push(kpiTilesContent(block, layout));
    if (block.type === 'table') {
      content.push(tableContent(block, layout));
      for (const ref of block.footnoteRefs ?? []) referenced.add(ref);
    }
    if (block.type === 'chart') content.push(chartContent(block, layout));
    if (block.type === 'paragraph') {
      content.push({ text: pdfSafeText(block.text), style: 'paragraph', color: block.tone === 'muted' ? PDF_COLORS.muted : block.tone === 'warning' ? PDF_COLORS.bad : PDF_COLORS.ink });
    }
    if (block.type === 'commentary') {
      content.push({
        unbreakable: true,
        table: {
          widths: ['*'],
          body: [[{ stack: [{ text: 'Commentary', style: 'commentaryLabel' }, { text: pdfSafeText(block.text), style: 'paragraph' }, ...(block.author ? [{ text: `\u2013 ${block.author}`, style: 'footnote' }] : [])] }]],
        },
        layout: { fillColor: () => PDF_COLORS.tileFill, hLineWidth: () => 0, vLineWidth: (index: number) => (index === 0 ? 2.5 : 0), vLineColor: () => PDF_COLORS.brand, paddingLeft: () => 10, paddingTop: () => 6, paddingBottom: () => 6 },
        margin: [0, 8, 0, 4],
      });
    }
  }
  const notes = isLast ? footnotes : footnotes.filter((note) => referenced.has(note.marker));
  if (notes.length > 0) {
    content.push({ stack: notes.map((note) => ({ text: `(${note.marker}) ${note.text}`, style: 'footnote' })), margin: [0, 10, 0, 0], unbreakable: true });
  }
  return content;
}

/**
 * The pdfmake document definition of a pack: cover, contents (pdfmake toc with page numbers), one section per
 * page group, header and footer on every page but the cover, DRAFT watermark until final, metadata fixed to the
 * snapshot so identical inputs give identical bytes.
 */
export function pdfDocumentDefinition(doc: BoardPackDocument, paper: PdfPaper = 'A4'): TDocumentDefinitions {
  const display: AmountDisplay = { scale: doc.scale, currencyDecimals: doc.currencyDecimals };
  const layout: PdfLayout = { contentWidth: PAGE_WIDTH[paper] - 2 * MARGIN_X, display };
  const enabled = doc.sections.filter((section) => section.enabled && section.id !== 'cover' && section.id !== 'contents');
  const content: Content[] = [];
  if (doc.sections.some((section) => section.id === 'cover' && section.enabled)) content.push(...coverPage(doc));
  if (doc.sections.some((section) => section.id === 'contents' && section.enabled)) {
    content.push({ toc: { title: { text: 'Contents', style: 'h1' }, numberStyle: { fontFeatures: ['tnum'] } }, pageBreak: 'before' });
  }
  enabled.forEach((section, index) => content.push(...sectionContent(section, layout, doc.footnotes, index === enabled.length - 1)));
  const snapshotDate = new Date(doc.snapshot.createdAt);
  const furniture = `${doc.entityLabel} \u00b7 ${doc.period.label}`;
  return {
    pageSize: paper === 'A4' ? 'A4' : 'LETTER',
    pageOrientation: 'landscape',
    pageMargins: [MARGIN_X, 48, MARGIN_X, 44],
    info: {
      title: doc.title,
      author: doc.preparedBy ?? 'Boardpack',
      subject: furniture,
      keywords: `boardpack snapshot:${doc.snapshot.hash} status:${doc.status} version:${doc.version}`,
      creator: 'Boardpack',
      producer: 'Boardpack',
      creationDate: snapshotDate,
      modDate: snapshotDate,
    },
    ...(doc.status === 'final' ? {} : { watermark: { text: 'DRAFT', color: PDF_COLORS.watermark, opacity: 0.07, bold: true, fontSize: 150 } }),
    header: (currentPage: number) =>
      currentPage === 1
        ? null
        : {
            columns: [
              { text: furniture, style: 'pageFurniture' },
              { text: `${templateTitle(doc.template)} \u00b7 ${statusText(doc)} \u00b7 ${doc.version}`, style: 'pageFurniture', alignment: 'right' },
            ],
            margin: [MARGIN_X, 20, MARGIN_X, 0],
          },
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: `Snapshot ${doc.snapshot.createdAt} \u00b7 hash ${doc.snapshot.hash.slice(0, 16)}`, style: 'pageFurniture' },
        { text: `Page ${currentPage} of ${pageCount}`, style: 'pageFurniture', alignment: 'right' },
      ],
      margin: [MARGIN_X, 14, MARGIN_X, 0],
    }),
    content,
    styles: PDF_STYLES,
    defaultStyle: { font: 'Roboto', fontSize: 9, color: PDF_COLORS.ink },
  };
}
