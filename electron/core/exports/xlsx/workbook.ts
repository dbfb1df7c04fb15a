import ExcelJS from 'exceljs';
import type { BoardPackDocument } from '../../../../shared/boardpack/model';
import { sectionSpec, templateTitle } from '../../../../shared/boardpack/templates';
import { renderChartPng } from '../charts/render-chart';
import { collectDataEntries, writeDataSheet } from './data-sheet';
import { withFixedZipDates } from './deterministic-zip';
import { headerFooterText, neutraliseText, safeSheetName, sheetRef } from './safe-text';
import { writeSectionSheet, type ChartPng } from './section-sheet';

/** Paper size of the printed workbook and PDF. */
export type PaperSize = 'A4' | 'Letter';

/** Options of {@link renderXlsx}. */
export interface XlsxOptions {
  paper?: PaperSize;
  /** Application version stamped on the Info sheet. */
  appVersion?: string;
}

// exceljs types PaperSize as a const enum without Letter; Letter is the spreadsheet default when unset.
const EXCEL_A4: ExcelJS.PaperSize = 9;

function chartRenderer(doc: BoardPackDocument): ChartPng {
  const charts = new Map(doc.sections.flatMap((section) => section.blocks.flatMap((block) => (block.type === 'chart' ? [[block.id, block] as const] : []))));
  return (chartId) => {
    const chart = charts.get(chartId);
    if (!chart) throw new Error(`chart ${chartId} not found`);
    const width = Math.round(chart.width * 0.8);
    const height = Math.round(chart.height * 0.8);
    return { png: renderChartPng(chart.option, chart.width, chart.height, 1.6), width, height };
  };
}

function statusText(doc: BoardPackDocument): string {
  return doc.status === 'final' ? 'FINAL' : 'DRAFT';
}

function printSetup(sheet: ExcelJS.Worksheet, doc: BoardPackDocument, paper: PaperSize, titleRows: number, lastRow: number, lastColumn: number): void {
  const lastLetter = String.fromCharCode(64 + Math.min(26, Math.max(1, lastColumn)));
  sheet.pageSetup = {
    orientation: 'landscape',
    ...(paper === 'A4' ? { paperSize: EXCEL_A4 } : {}),
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: `A1:${lastLetter}${lastRow}`,
    printTitlesRow: `1:${titleRows}`,
    margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = {
    oddHeader: `&L${headerFooterText(`${doc.entityLabel} \u00b7 ${doc.period.label} \u00b7 ${statusText(doc)}`)}&R${headerFooterText(doc.title)}`,
    oddFooter: `&LPage &P of &N \u00b7 ${headerFooterText(doc.version)} \u00b7 snapshot ${doc.snapshot.hash.slice(0, 12)} \u00b7 ${headerFooterText(doc.snapshot.createdAt)}`,
  };
}

function writeCover(sheet: ExcelJS.Worksheet, doc: BoardPackDocument): void {
  const lines: [string, string][] = [
    ['Entity', doc.entityLabel],
    ['Period', doc.period.label],
    ['Status', statusText(doc)],
    ['Version', doc.version],
    ['Prepared by', doc.preparedBy ?? ''],
    ['Currency', `${doc.currency} (amounts in ${doc.scale === 'units' ? 'units' : doc.scale})`],
    ['Snapshot', `${doc.snapshot.createdAt} \u00b7 ${doc.snapshot.hash}`],
    ...doc.dataCutoff.map((cutoff): [string, string] => ['Data cut-off', cutoff]),
  ];
  if (doc.final) lines.push(['Marked final', `${doc.final.by} at ${doc.final.at}${doc.final.waiver ? ` (waiver: ${doc.final.waiver})` : ''}`]);
  sheet.getCell('A1').value = neutraliseText(doc.title);
  sheet.getCell('A1').font = { bold: true, size: 20, color: { argb: 'FF1F3A5F' } };
  lines.forEach(([label, value], index) => {
    sheet.getCell(index + 3, 1).value = label;
    sheet.getCell(index + 3, 1).font = { bold: true };
    sheet.getCell(index + 3, 2).value = neutraliseText(value);
  });
  sheet.getCell(lines.length + 4, 1).value = `Confidential \u2013 prepared for ${doc.template === 'board' ? 'the board' : 'the sales managers'}. Every figure traces to the Data sheet.`;
  sheet.getCell(lines.length + 4, 1).font = { italic: true, color: { argb: 'FF6B7785' } };
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 90;
}

/**
 * Renders the board pack as an xlsx workbook: Cover, Contents, one sheet per enabled section, Data (the
 * snapshot's figures) and Info. Presentation figures are formulas over Data with cached results; the file is
 * byte-identical for the same document (fixed workbook and zip dates, stable order).
 */
export async function renderXlsx(doc: BoardPackDocument, options: XlsxOptions = {}): Promise<Buffer> {
  const paper = options.paper ?? 'A4';
  const documentDate = new Date(doc.snapshot.createdAt);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Boardpack';
  workbook.lastModifiedBy = 'Boardpack';
  workbook.created = documentDate;
  workbook.modified = documentDate;
  workbook.title = doc.title;
  workbook.subject = `${doc.entityLabel} \u00b7 ${doc.period.label}`;
  workbook.keywords = `snapshot:${doc.snapshot.hash}`;
  workbook.calcProperties.fullCalcOnLoad = true;

  const chartPng = chartRenderer(doc);
  const enabled = doc.sections.filter((section) => section.enabled);
  const sheetNames = new Map(enabled.map((section) => [section.id, safeSheetName(sectionSpec(section.id).sheetName)]));

  for (const section of enabled) {
    const name = sheetNames.get(section.id) ?? section.id;
    const sheet = workbook.addWorksheet(name, { views: [{ showGridLines: false, zoomScale: 100 }] });
    if (section.id === 'cover') {
      writeCover(sheet, doc);
      printSetup(sheet, doc, paper, 1, 20, 2);
      continue;
    }
    if (section.id === 'contents') {
      sheet.getCell('A1').value = 'Contents';
      sheet.getCell('A1').font = { bold: true, size: 16, color: { argb: 'FF1F3A5F' } };
      enabled
        .filter((other) => other.id !== 'cover' && other.id !== 'contents')
        .forEach((other, index) => {
          const target = sheetNames.get(other.id) ?? other.id;
          const cell = sheet.getCell(index + 3, 1);
          cell.value = { text: `${index + 1}. ${other.title}`, hyperlink: `#${sheetRef(target)}!A1` };
          cell.font = { color: { argb: 'FF1F5FBF' }, underline: true };
        });
      sheet.getColumn(1).width = 60;
      printSetup(sheet, doc, paper, 1, enabled.length + 3, 1);
      continue;
    }
    const layout = writeSectionSheet(sheet, workbook, doc, section, chartPng);
    sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: layout.freezeRow, showGridLines: false, zoomScale: 100 }];
    sheet.getColumn(1).width = 42;
    for (let column = 2; column <= Math.max(2, layout.lastColumn); column += 1) sheet.getColumn(column).width = 14;
    printSetup(sheet, doc, paper, layout.freezeRow, layout.lastRow, layout.lastColumn);
    for (const [kpiId, address] of layout.kpiCells) workbook.definedNames.add(`${sheetRef(name)}!${address}`, `KPI_${kpiId}`);
  }

  writeDataSheet(workbook, collectDataEntries(doc));
  const info = workbook.addWorksheet('Info');
  const infoRows: [string, string][] = [
    ['Template', templateTitle(doc.template)],
    ['Entity', doc.entityLabel],
    ['Odoo company ids', doc.companyIds.join(', ')],
    ['Month', doc.period.month],
    ['Currency', doc.currency],
    ['Status', statusText(doc)],
    ['Version', doc.version],
    ['Snapshot created', doc.snapshot.createdAt],
    ['Snapshot hash', doc.snapshot.hash],
    ['Generated by', `Boardpack ${options.appVersion ?? ''}`.trim()],
    ...doc.dataCutoff.map((cutoff): [string, string] => ['Data cut-off', cutoff]),
    ...doc.footnotes.map((note): [string, string] => [`Note ${note.marker}`, note.text]),
  ];
  infoRows.forEach(([label, value], index) => {
    info.getCell(index + 1, 1).value = label;
    info.getCell(index + 1, 1).font = { bold: true };
    info.getCell(index + 1, 2).value = neutraliseText(value);
  });
  info.getColumn(1).width = 20;
  info.getColumn(2).width = 100;

  const raw = await workbook.xlsx.writeBuffer();
  return withFixedZipDates(Buffer.from(raw), documentDate);
}
