import type ExcelJS from 'exceljs';
import { amountUnitLabel, type AmountDisplay } from '../../../../shared/boardpack/format';
import { tilesAsTable } from '../../../../shared/boardpack/kpi-tile-table';
import type { BoardPackDocument, Section } from '../../../../shared/boardpack/model';
import { neutraliseText } from './safe-text';
import { writeTable } from './table-writer';

/** Renders a chart block to PNG (injected so the sheet writer stays independent of the chart engine). */
export type ChartPng = (chartId: string) => { png: Buffer; width: number; height: number };

const LINE_CHARS = 150;

/** Splits text into lines of at most LINE_CHARS, at spaces; each line goes in its own row (no merged cells). */
function wrapLines(text: string): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      if (line !== '' && line.length + word.length + 1 > LINE_CHARS) {
        lines.push(line);
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    lines.push(line);
  }
  return lines;
}

function writeText(sheet: ExcelJS.Worksheet, row: number, text: string, font: Partial<ExcelJS.Font> = {}): number {
  let r = row;
  for (const line of wrapLines(text)) {
    const cell = sheet.getCell(r, 1);
    cell.value = neutraliseText(line);
    cell.font = font;
    r += 1;
  }
  return r;
}

/** Result of writing a section: the first table's header row, for frozen panes and print titles. */
export interface SectionLayout {
  freezeRow: number;
  lastRow: number;
  lastColumn: number;
  kpiCells: Map<string, string>;
}

/** Writes one section's blocks top to bottom on its own sheet. */
export function writeSectionSheet(sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook, doc: BoardPackDocument, section: Section, chartPng: ChartPng): SectionLayout {
  const display: AmountDisplay = { scale: doc.scale, currencyDecimals: doc.currencyDecimals };
  const title = sheet.getCell(1, 1);
  title.value = section.title;
  title.font = { bold: true, size: 16, color: { argb: 'FF1F3A5F' } };
  sheet.getCell(2, 1).value = neutraliseText(`${doc.entityLabel} \u00b7 ${doc.period.label} \u00b7 ${doc.status === 'final' ? 'FINAL' : 'DRAFT'}`);
  sheet.getCell(2, 1).font = { color: { argb: 'FF6B7785' } };
  let row = 4;
  let freezeRow = 3;
  let lastColumn = 1;
  const kpiCells = new Map<string, string>();
  for (const block of section.blocks) {
    if (block.type === 'table' || block.type === 'kpis') {
      const table = block.type === 'kpis' ? tilesAsTable(block.tiles, amountUnitLabel(doc.currency, doc.scale)) : block;
      const placement = writeTable(sheet, table, row, display);
      if (freezeRow === 3) freezeRow = placement.labelRow;
      lastColumn = Math.max(lastColumn, table.columns.length + 1);
      if (block.type === 'kpis') {
        for (const [key, cells] of placement.addresses) {
          const cell = cells.get('value');
          if (cell) kpiCells.set(key, cell);
        }
      }
      row = placement.nextRow + 1;
    } else if (block.type === 'chart') {
      const image = chartPng(block.id);
      const imageId = workbook.addImage({ base64: image.png.toString('base64'), extension: 'png' });
      sheet.getCell(row, 1).value = block.title;
      sheet.getCell(row, 1).font = { bold: true, color: { argb: 'FF1F3A5F' } };
      sheet.addImage(imageId, { tl: { col: 0, row }, ext: { width: image.width, height: image.height }, editAs: 'oneCell' });
      row += Math.ceil(image.height / 20) + 3;
    } else if (block.type === 'commentary') {
      sheet.getCell(row, 1).value = 'Commentary';
      sheet.getCell(row, 1).font = { bold: true, color: { argb: 'FF1F3A5F' } };
      row = writeText(sheet, row + 1, block.text) + 1;
    } else {
      row = writeText(sheet, row, block.text, block.tone === 'muted' ? { italic: true, color: { argb: 'FF6B7785' } } : block.tone === 'warning' ? { color: { argb: 'FFC0392B' } } : {}) + 1;
    }
  }
  return { freezeRow, lastRow: Math.max(row, freezeRow + 1), lastColumn, kpiCells };
}
