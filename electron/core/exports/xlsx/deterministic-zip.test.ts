import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { withFixedZipDates } from './deterministic-zip';
import { neutraliseText, safeSheetName, sheetRef } from './safe-text';

/** DOS date/time of every central-directory entry of a zip. */
function entryStamps(zip: Buffer): Array<{ time: number; day: number }> {
  let eocd = zip.length - 22;
  while (zip.readUInt32LE(eocd) !== 0x06054b50) eocd -= 1;
  const count = zip.readUInt16LE(eocd + 10);
  let cursor = zip.readUInt32LE(eocd + 16);
  const stamps: Array<{ time: number; day: number }> = [];
  for (let index = 0; index < count; index += 1) {
    stamps.push({ time: zip.readUInt16LE(cursor + 12), day: zip.readUInt16LE(cursor + 14) });
    const local = zip.readUInt32LE(cursor + 42);
    expect(zip.readUInt16LE(local + 10)).toBe(zip.readUInt16LE(cursor + 12));
    expect(zip.readUInt16LE(local + 12)).toBe(zip.readUInt16LE(cursor + 14));
    cursor += 46 + zip.readUInt16LE(cursor + 28) + zip.readUInt16LE(cursor + 30) + zip.readUInt16LE(cursor + 32);
  }
  return stamps;
}

describe('withFixedZipDates', () => {
  it('stamps every entry (local header and central directory) with the given instant and keeps the zip readable', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('A').getCell('A1').value = 'hello';
    const raw = Buffer.from(await workbook.xlsx.writeBuffer());
    const fixed = withFixedZipDates(raw, new Date('2026-04-02T06:00:10Z'));
    const stamps = entryStamps(fixed);
    expect(stamps.length).toBeGreaterThan(5);
    // 06:00:10 -> (6 << 11) | (0 << 5) | 5; 2026-04-02 -> (46 << 9) | (4 << 5) | 2
    for (const stamp of stamps) expect(stamp).toEqual({ time: (6 << 11) | 5, day: (46 << 9) | (4 << 5) | 2 });
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(new Uint8Array(fixed).buffer);
    expect(reread.getWorksheet('A')?.getCell('A1').value).toBe('hello');
  });

  it('rejects bytes that are not a zip', () => {
    expect(() => withFixedZipDates(Buffer.alloc(100), new Date())).toThrow(/not a zip/);
  });
});

describe('safe text', () => {
  it('neutralises formula-looking text and quotes sheet names for formulas', () => {
    expect(neutraliseText('=1+1')).toBe("'=1+1");
    expect(neutraliseText('+49 30 1234')).toBe("'+49 30 1234");
    expect(neutraliseText('-5 discount')).toBe("'-5 discount");
    expect(neutraliseText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseText('Acme = best')).toBe('Acme = best');
    expect(sheetRef('Data')).toBe('Data');
    expect(sheetRef('P&L')).toBe("'P&L'");
    expect(sheetRef("Bob's")).toBe("'Bob''s'");
    expect(safeSheetName('Q1/Q2 [draft]: a very long sheet name indeed')).toHaveLength(31);
  });
});
