import ExcelJS from 'exceljs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBoardPack } from '../../../../shared/boardpack/build';
import type { BoardPackDocument } from '../../../../shared/boardpack/model';
import { sampleReport } from '../../../../shared/boardpack/testing/sample-report';
import { findSoffice, recalculateWithLibreOffice } from '../testing/libreoffice';
import { renderXlsx } from './workbook';

const SNAPSHOT = { createdAt: '2026-04-02T06:00:00.000Z', hash: 'c0ffee'.repeat(10) + 'abcd' };

function formulaOf(value: ExcelJS.CellValue): string | null {
  return value !== null && typeof value === 'object' && 'formula' in value && typeof value.formula === 'string' ? value.formula : null;
}

// Cell.value drops a cached result of 0 (exceljs copies only truthy fields); Cell.result keeps it.
function resultOf(cell: ExcelJS.Cell): unknown {
  return formulaOf(cell.value) ? cell.result : cell.value;
}

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  return workbook;
}

function findRow(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && row.getCell(1).value === label) found = row;
  });
  if (!found) throw new Error(`no row "${label}" on ${sheet.name}`);
  return found;
}

describe('renderXlsx', () => {
  let doc: BoardPackDocument;
  let buffer: Buffer;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    doc = buildBoardPack(sampleReport(), {
      template: 'board',
      scope: { kind: 'consolidated' },
      status: 'draft',
      snapshot: SNAPSHOT,
      commentary: { pnl: { text: '=HYPERLINK("http://evil","click") revenue grew 5%' } },
    });
    buffer = await renderXlsx(doc);
    workbook = await load(buffer);
  });

  it('has one sheet per section in pack order, then Data and Info', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Cover', 'Contents', 'Summary', 'P&L', 'Balance sheet', 'Cash', 'Receivables', 'Sales', 'Inventory', 'Reconciliation', 'Data quality', 'Appendix', 'Data', 'Info',
    ]);
  });

  it('writes every figure on presentation sheets as a formula with its cached result, totals and variances as arithmetic', () => {
    let figures = 0;
    for (const sheet of workbook.worksheets) {
      if (sheet.name === 'Data' || sheet.name === 'Info') continue;
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'number') throw new Error(`${sheet.name}!${cell.address} holds a hard-coded number`);
          if (formulaOf(cell.value)) {
            figures += 1;
            expect(typeof resultOf(cell), `${sheet.name}!${cell.address}`).toBe('number');
          }
        }),
      );
    }
    expect(figures).toBeGreaterThan(150);
    const pnl = workbook.getWorksheet('P&L');
    if (!pnl) throw new Error('no P&L sheet');
    const gm = findRow(pnl, 'Gross margin');
    const revenue = findRow(pnl, 'Net revenue');
    const cogs = findRow(pnl, 'Cost of sales');
    expect(formulaOf(gm.getCell(2).value)).toBe(`B${revenue.number}-B${cogs.number}`);
    expect(formulaOf(revenue.getCell(2).value)).toBe('SUMIFS(Data_Value,Data_Table,"pnl",Data_Row,"net_revenue",Data_Column,"m_ac")');
    // Columns B..F: actual, budget, ΔBU, prior year, ΔPY. A cost line's variances are Better/(Worse): reference minus actual.
    expect(formulaOf(cogs.getCell(4).value)).toBe(`C${cogs.number}-B${cogs.number}`);
    expect(formulaOf(cogs.getCell(6).value)).toBe(`E${cogs.number}-B${cogs.number}`);
    expect(formulaOf(revenue.getCell(4).value)).toBe(`B${revenue.number}-C${revenue.number}`);
    expect(formulaOf(gm.getCell(3).value)).toBe(`C${revenue.number}-C${cogs.number}`);
    const expectedGm = (doc.sections.find((s) => s.id === 'pnl')?.blocks[0]);
    const gmRow = expectedGm?.type === 'table' ? expectedGm.rows.find((row) => row.key === 'gross_margin') : undefined;
    expect(resultOf(gm.getCell(2))).toBe((gmRow?.values.m_ac ?? 0) / 100);
  });

  it('neutralises outside text, names ranges, freezes headers, hides gridlines and sets up printing', () => {
    const sales = workbook.getWorksheet('Sales');
    expect(findRow(sales ?? workbook.worksheets[0]!, "'=Marketplace").getCell(1).value).toBe("'=Marketplace");
    const pnl = workbook.getWorksheet('P&L');
    let commentary: unknown = null;
    pnl?.eachRow((row) => {
      const value = row.getCell(1).value;
      if (typeof value === 'string' && value.includes('HYPERLINK')) commentary = value;
    });
    expect(commentary).toMatch(/^'=HYPERLINK/);
    const names = workbook.definedNames.model.map((entry) => entry.name);
    expect(names).toEqual(
      expect.arrayContaining(['Data_Value', 'Data_Table', 'Data_Row', 'Data_Column', ...['net_revenue', 'gross_margin_pct', 'dso_days', 'pipeline_coverage', 'inventory_days_of_supply', 'csat'].map((id) => `KPI_${id}`)]),
    );
    const view = pnl?.views[0];
    expect(view).toMatchObject({ state: 'frozen', xSplit: 1, showGridLines: false });
    expect(pnl?.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(pnl?.pageSetup.printTitlesRow).toMatch(/^1:\d+$/);
    expect(pnl?.headerFooter.oddFooter).toContain('Page &P of &N');
    expect(workbook.getWorksheet('Summary')?.getImages().length).toBeGreaterThan(0);
  });

  it('writes the sales template with the concentration ratio as a formula and neutralised customer names', async () => {
    const sales = buildBoardPack(sampleReport(), { template: 'sales', scope: { kind: 'company', companyId: 1 }, status: 'draft', snapshot: SNAPSHOT });
    const book = await load(await renderXlsx(sales));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Cover', 'Contents', 'Pipeline', 'Channel sales', 'Top customers', 'Data', 'Info']);
    const sheet = book.getWorksheet('Top customers');
    if (!sheet) throw new Error('no Top customers sheet');
    expect(findRow(sheet, "'@Evil Corp").getCell(1).value).toBe("'@Evil Corp");
    const top = findRow(sheet, 'Top 3 customers');
    const all = findRow(sheet, 'All customers (net revenue)');
    const share = findRow(sheet, 'Share of the top customers');
    expect(formulaOf(top.getCell(2).value)).toMatch(/^B\d+\+B\d+\+B\d+$/);
    expect(formulaOf(share.getCell(2).value)).toBe(`B${top.number}/B${all.number}`);
    expect(share.getCell(2).numFmt).toBe('0.0%;(0.0%);"\u2013"');
    // No cash or receivables detail anywhere in the sales managers' workbook, Data and Info sheets included.
    const texts: string[] = [];
    for (const each of book.worksheets) each.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value ?? ''))));
    expect(texts.join('\n')).not.toMatch(/\bcash\b|receivable|\bDSO\b|ageing|payable|\bDPO\b|balance sheet/i);
    expect(book.definedNames.model.map((entry) => entry.name).filter((name) => /cash|ar_|dso|ap_|dpo/.test(name))).toEqual([]);
  });

  it('prints a meaningless relative change as n/m text, never as a number or a formula', async () => {
    const report = sampleReport();
    const ebitda = report.consolidated?.pnl.find((row) => row.key === 'ebitda');
    if (!ebitda) throw new Error('sample has an EBITDA line');
    ebitda.priorYearMonth = -1_000;
    // Without a budget the P&L shows the relative Δ PY % columns.
    if (report.consolidated) report.consolidated.kpis.budget_variance.breakdown = [];
    const book = await load(await renderXlsx(buildBoardPack(report, { template: 'board', scope: { kind: 'consolidated' }, status: 'draft', snapshot: SNAPSHOT })));
    const pnl = book.getWorksheet('P&L');
    if (!pnl) throw new Error('no P&L sheet');
    const header = findRow(pnl, 'EUR k');
    let pctColumn = 0;
    header.eachCell((cell, column) => {
      if (pctColumn === 0 && cell.value === '\u0394 PY %') pctColumn = column;
    });
    expect(pctColumn).toBeGreaterThan(0);
    expect(findRow(pnl, 'EBITDA').getCell(pctColumn).value).toBe('n/m');
  });

  it('renders byte-identical files for the same document', async () => {
    const again = await renderXlsx(doc);
    expect(Buffer.compare(again, buffer)).toBe(0);
    expect(workbook.created.toISOString()).toBe(SNAPSHOT.createdAt);
  });

  it('recalculates in LibreOffice to the same figures, to the cent, with no formula errors', async (context) => {
    const soffice = await findSoffice();
    if (!soffice) {
      context.skip('LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui');
      return;
    }
    // Strip every cached result first, so the values read back can only come from LibreOffice's calculation.
    const stripped = await load(buffer);
    for (const sheet of stripped.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const formula = formulaOf(cell.value);
          if (formula) cell.value = { formula };
        }),
      );
    }
    const dir = await mkdtemp(join(tmpdir(), 'bp-xlsx-'));
    const path = join(dir, 'pack.xlsx');
    await writeFile(path, Buffer.from(await stripped.xlsx.writeBuffer()));
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(await recalculateWithLibreOffice(soffice, path));
    let compared = 0;
    for (const sheet of workbook.worksheets) {
      const other = recalculated.getWorksheet(sheet.name);
      if (!other) throw new Error(`LibreOffice lost sheet ${sheet.name}`);
      sheet.eachRow((row, rowNumber) =>
        row.eachCell((cell, columnNumber) => {
          if (!formulaOf(cell.value)) return;
          const expected = resultOf(cell);
          const actual = resultOf(other.getCell(rowNumber, columnNumber));
          expect(typeof actual, `${sheet.name}!${cell.address} = ${JSON.stringify(actual)}`).toBe('number');
          expect(Math.abs(Number(actual) - Number(expected)), `${sheet.name}!${cell.address}`).toBeLessThan(0.005);
          compared += 1;
        }),
      );
    }
    expect(compared).toBeGreaterThan(150);
  }, 240_000);
});
