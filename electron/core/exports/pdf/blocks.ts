import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatChange, formatFigure, type AmountDisplay } from '../../../../shared/boardpack/format';
import type { ChartBlock, KpiTile, KpiTilesBlock, TableBlock, TableColumn, TableRow } from '../../../../shared/boardpack/model';
import { kpiSparklineOption } from '../../../../shared/charts/kpi-sparkline';
import { cellUnit, isNotMeaningful } from '../../../../shared/boardpack/table-math';
import { renderChartSvg } from '../charts/render-chart';
import { PDF_COLORS } from './theme';

const ARROWS: Record<string, string> = { '\u2192': '->', '\u2190': '<-', '\u2194': '<->', '\u21d2': '=>' };

/**
 * The embedded Roboto has no arrow glyphs; outside text (engine messages, partner names) would print them as
 * blanks, so they are spelled in ASCII.
 */
export function pdfSafeText(text: string): string {
  return text.replace(/[\u2190-\u21ff]/g, (glyph) => ARROWS[glyph] ?? '-');
}

/** Text width available for content (points), set per paper size. */
export interface PdfLayout {
  contentWidth: number;
  display: AmountDisplay;
}

function changeColor(change: number | null, good: KpiTile['good']): string {
  if (change === null || change === 0 || good === 'neutral') return PDF_COLORS.muted;
  return (change > 0) === (good === 'higher') ? PDF_COLORS.good : PDF_COLORS.bad;
}

/**
 * The change line of a tile: "vs prior month +4.2%   vs budget -1.0%". A missing comparison says why in words
 * ("no budget imported") instead of "n/a"; a tile without a value has no change line at all.
 */
function changeLine(tileData: KpiTile): Content {
  // Without a value the reason takes the change line's place, right under "Not available".
  if (tileData.value === null) return { text: pdfSafeText(tileData.note ?? 'No data for this month.'), style: 'tileChange', color: PDF_COLORS.ink };
  const parts: { text: string; color: string }[] = [{ text: 'vs prior month ', color: PDF_COLORS.muted }];
  if (tileData.changeVsPrior === null) parts.push({ text: 'no prior-month figure', color: PDF_COLORS.muted });
  else parts.push({ text: formatChange(tileData.changeVsPrior, tileData.prior, tileData.unit), color: changeColor(tileData.changeVsPrior, tileData.good) });
  if (tileData.changeVsBudget === null) parts.push({ text: `   ${tileData.budgetNote ?? 'no budget'}`, color: PDF_COLORS.muted });
  else {
    parts.push({ text: '   vs budget ', color: PDF_COLORS.muted });
    parts.push({ text: formatChange(tileData.changeVsBudget, tileData.budget, tileData.unit), color: changeColor(tileData.changeVsBudget, tileData.good) });
  }
  return { text: parts, style: 'tileChange' };
}

function tileValue(tileData: KpiTile, layout: PdfLayout): Content {
  if (tileData.value === null) return { text: 'Not available', style: 'tileValue', fontSize: 15, color: PDF_COLORS.muted, margin: [0, 3, 0, 3] };
  const value = formatFigure(tileData.value, tileData.unit, layout.display, 'n/a');
  return { text: [{ text: value }, ...(tileData.unitLabel ? [{ text: ` ${tileData.unitLabel}`, fontSize: 9, bold: false, color: PDF_COLORS.muted }] : [])], style: 'tileValue' };
}

function tile(tileData: KpiTile, layout: PdfLayout, width: number): Content {
  const hasTrend = tileData.sparkline.some((value) => value !== null);
  const sparklineWidth = width - 16;
  return {
    stack: [
      { text: tileData.label, style: 'tileLabel' },
      tileValue(tileData, layout),
      changeLine(tileData),
      hasTrend
        ? { svg: renderChartSvg(kpiSparklineOption(tileData.sparkline), 240, 40), width: sparklineWidth, margin: [0, 4, 0, 2] }
        : // Same height as a sparkline, so tiles of one row line up; drawn in the tile's own fill (invisible).
          { canvas: [{ type: 'rect', x: 0, y: 0, w: sparklineWidth, h: (sparklineWidth * 40) / 240, color: PDF_COLORS.tileFill, lineWidth: 0 }], margin: [0, 4, 0, 2] },
      { text: pdfSafeText(tileData.value !== null && tileData.note ? tileData.note : tileData.definition), style: 'tileNote' },
    ],
    margin: [6, 6, 6, 6],
  };
}

/** KPI tiles, three per row, kept on one page. */
export function kpiTilesContent(block: KpiTilesBlock, layout: PdfLayout): Content {
  const perRow = 3;
  const width = (layout.contentWidth - 24) / perRow;
  const rows: TableCell[][] = [];
  for (let index = 0; index < block.tiles.length; index += perRow) {
    const cells: TableCell[] = block.tiles.slice(index, index + perRow).map((entry) => tile(entry, layout, width));
    while (cells.length < perRow) cells.push({ text: '' });
    rows.push(cells);
  }
  return {
    unbreakable: true,
    table: { widths: Array.from({ length: perRow }, () => '*'), body: rows },
    layout: {
      fillColor: () => PDF_COLORS.tileFill,
      hLineColor: () => '#ffffff',
      vLineColor: () => '#ffffff',
      hLineWidth: () => 6,
      vLineWidth: () => 6,
    },
    margin: [0, 0, 0, 8],
  };
}

function footnoteMarks(block: TableBlock): string {
  return block.footnoteRefs && block.footnoteRefs.length > 0 ? ` (${block.footnoteRefs.join(', ')})` : '';
}

function figureCell(row: TableRow, column: TableColumn, layout: PdfLayout, block: TableBlock, bold: boolean): TableCell {
  if (column.kind === 'text') return { text: pdfSafeText(row.texts?.[column.key] ?? ''), style: 'cell', bold, ...(column.align ? { alignment: column.align, fontFeatures: ['tnum'] } : {}) };
  const value = row.values[column.key] ?? null;
  const display = { ...layout.display, scale: row.scale ?? block.scale ?? layout.display.scale };
  return { text: formatFigure(value, cellUnit(row, column), display, isNotMeaningful(row, column) ? 'n/m' : ''), style: 'figure', bold };
}

/** Widths: figures fit their header; short tables stay compact instead of stretching one column across the page. */
function columnWidths(block: TableBlock): (string | number)[] {
  const figureWidth = (column: TableColumn) => Math.max(58, Math.ceil(column.label.length * 4.4) + 10);
  const textWidth = (column: TableColumn) => (column.key === 'reference' ? 150 : 70);
  const stretchKey = block.columns.find((column) => column.kind === 'text' && (column.key === 'description' || column.key === 'message'))?.key;
  const widths: (string | number)[] = block.columns.map((column) => (column.key === stretchKey ? '*' : column.kind === 'text' ? textWidth(column) : figureWidth(column)));
  const figures = block.columns.filter((column) => column.kind !== 'text').length;
  const hasText = block.columns.some((column) => column.kind === 'text');
  const label = stretchKey || hasText ? 110 : figures <= 3 ? 220 : '*';
  return [label, ...widths];
}

/** The unit in the title where the header cell does not state it ("Top customers (EUR k)"). */
function titleUnit(block: TableBlock): string {
  const statesUnit = block.labelHeader === undefined || block.labelHeader === block.unitLabel;
  const hasAmounts = block.rows.some((row) => row.unit === 'amount');
  return !statesUnit && hasAmounts ? ` (${block.unitLabel})` : '';
}

/**
 * A table with repeated header rows on every page (group row + label row), subtotals and totals ruled like a
 * statement. Short tables are kept in one piece; long ones break between rows, never inside one.
 */
export function tableContent(block: TableBlock, layout: PdfLayout): Content {
  const hasGroups = block.columns.some((column) => column.group);
  const body: TableCell[][] = [];
  if (hasGroups) {
    const groupRow: TableCell[] = [{ text: '', style: 'tableHeader' }];
    for (let index = 0; index < block.columns.length; ) {
      const group = block.columns[index]?.group;
      let span = 1;
      while (group && block.columns[index + span]?.group === group) span += 1;
      groupRow.push({ text: group ?? '', colSpan: span, alignment: 'center', style: 'tableHeader' });
      for (let filler = 1; filler < span; filler += 1) groupRow.push({ text: '' });
      index += span;
    }
    body.push(groupRow);
  }
  body.push([
    { text: block.labelHeader ?? block.unitLabel, style: 'tableHeader', color: PDF_COLORS.muted },
    ...block.columns.map((column): TableCell => ({ text: column.label, style: 'tableHeader', alignment: column.kind === 'text' ? (column.align ?? 'left') : 'right' })),
  ]);
  const headerRows = body.length;
  for (const row of block.rows) {
    const bold = row.kind === 'subtotal' || row.kind === 'total' || row.kind === 'heading';
    body.push([
      { text: pdfSafeText(row.label), style: 'cell', bold, margin: [8 * (row.indent ?? 0), 0, 0, 0] },
      ...block.columns.map((column) => figureCell(row, column, layout, block, bold)),
    ]);
  }
  const kinds = block.rows.map((row) => row.kind);
  const widths = columnWidths(block);
  const table: Content = {
    table: { headerRows, dontBreakRows: true, widths, body },
    layout: {
      hLineWidth: (index: number) => {
        if (index === headerRows) return 0.8;
        const kind = kinds[index - headerRows];
        if (kind === 'total') return 0.8;
        if (kind === 'subtotal') return 0.5;
        if (index === body.length && kinds.at(-1) === 'total') return 1.6;
        return 0;
      },
      hLineColor: () => PDF_COLORS.rule,
      vLineWidth: () => 0,
      paddingTop: () => 2.5,
      paddingBottom: () => 2.5,
    },
  };
  const title: Content = { text: `${block.title}${titleUnit(block)}${footnoteMarks(block)}`, style: 'tableTitle' };
  return block.rows.length <= 18 ? { stack: [title, table], unbreakable: true } : { stack: [title, table] };
}

/** A chart drawn as vector SVG by ECharts' server-side renderer, with its title, kept together. */
export function chartContent(block: ChartBlock, layout: PdfLayout): Content {
  // Capped in height too, so a chart fits under the KPI tiles instead of leaving a half-empty page.
  const width = Math.min(layout.contentWidth, 700, (165 * block.width) / block.height);
  return {
    unbreakable: true,
    stack: [
      { text: block.title, style: 'tableTitle' },
      { svg: renderChartSvg(block.option, block.width, block.height), width, height: (width * block.height) / block.width },
    ],
    margin: [0, 0, 0, 6],
  };
}
