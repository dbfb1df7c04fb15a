import type { StyleDictionary } from 'pdfmake/interfaces';

/** Colours of the PDF, matching the chart palette (IBCS: actual dark, prior year grey). */
export const PDF_COLORS = {
  ink: '#1f2933',
  brand: '#1f3a5f',
  muted: '#6b7785',
  rule: '#c9d1db',
  headerFill: '#eef1f5',
  tileFill: '#f6f8fb',
  good: '#1e7d4f',
  bad: '#b23a2e',
  watermark: '#c0392b',
} as const;

/** Named styles; figures use tabular digits (OpenType "tnum") so columns of numbers align. */
export const PDF_STYLES: StyleDictionary = {
  h1: { fontSize: 18, bold: true, color: PDF_COLORS.brand, margin: [0, 0, 0, 10] },
  tableTitle: { fontSize: 10, bold: true, color: PDF_COLORS.brand, margin: [0, 8, 0, 4] },
  tableHeader: { fontSize: 8, bold: true, color: PDF_COLORS.ink, fillColor: PDF_COLORS.headerFill },
  cell: { fontSize: 8.5, color: PDF_COLORS.ink },
  figure: { fontSize: 8.5, alignment: 'right', fontFeatures: ['tnum'] },
  tileLabel: { fontSize: 9, color: PDF_COLORS.muted },
  tileValue: { fontSize: 20, bold: true, color: PDF_COLORS.ink, fontFeatures: ['tnum'] },
  tileChange: { fontSize: 8.5, fontFeatures: ['tnum'] },
  tileNote: { fontSize: 7, color: PDF_COLORS.muted },
  paragraph: { fontSize: 9.5, color: PDF_COLORS.ink, lineHeight: 1.25, margin: [0, 4, 0, 6] },
  commentaryLabel: { fontSize: 9, bold: true, color: PDF_COLORS.brand },
  footnote: { fontSize: 7.5, color: PDF_COLORS.muted },
  pageFurniture: { fontSize: 7.5, color: PDF_COLORS.muted },
};
