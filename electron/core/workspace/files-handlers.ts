import { mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, relative, isAbsolute } from 'node:path';
import ExcelJS from 'exceljs';
import { currencyDecimals } from '../../../shared/boardpack/build';
import { AppError } from '../../../shared/rpc/errors';
import type { HandlersFor } from '../rpc/handlers';
import type { CoreServices } from '../services';

const MIME: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv',
  '.json': 'application/json',
};

/** Browser-mode downloads may only reach into the data folder, whatever path the page sends. */
function insideDataDir(dataDir: string, path: string): string {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    throw new AppError('not_found', `No file at ${path}.`);
  }
  const rel = relative(realpathSync(dataDir), real);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new AppError('validation', 'Only files in the data folder can be opened from the app.');
  return real;
}

/** Makes a safe file name stem: letters, digits, dashes. */
export function safeStem(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'export';
}

/** Handlers of `files.*`. */
export function createFilesHandlers(services: CoreServices): HandlersFor<'files.read' | 'files.exportTable'> {
  return {
    'files.read': async ({ path }) => {
      const file = insideDataDir(services.dataDir, path);
      const size = statSync(file).size;
      if (size > 200 * 1024 * 1024) throw new AppError('validation', 'The file is too large to download through the app.', { hint: `Open it from the data folder: ${file}` });
      return { name: basename(file), mimeType: MIME[extname(file).toLowerCase()] ?? 'application/octet-stream', size, base64: readFileSync(file).toString('base64') };
    },
    'files.exportTable': async ({ name, columns, rows }) => {
      const dir = join(services.dataDir, 'exports');
      mkdirSync(dir, { recursive: true });
      const stamp = services.clock.now().toISOString().replace(/[:.]/g, '-').slice(0, 19);
      const fileName = `${safeStem(name)}-${stamp}.xlsx`;
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet(safeStem(name).slice(0, 31));
      sheet.columns = columns.map((column) => ({ header: column.label, width: column.kind === 'text' ? 32 : 16 }));
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
      sheet.getRow(1).font = { bold: true };
      for (const cells of rows) {
        sheet.addRow(cells.map((cell, index) => {
          const column = columns[index];
          // Amounts travel as minor units; the sheet shows currency units. Text is never a formula.
          if (column?.kind === 'amount' && typeof cell === 'number') return cell / 10 ** currencyDecimals(column.currency ?? 'EUR');
          return cell;
        }));
      }
      columns.forEach((column, index) => {
        if (column.kind !== 'amount') return;
        const decimals = currencyDecimals(column.currency ?? 'EUR');
        const digits = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
        sheet.getColumn(index + 1).numFmt = `#,##0${digits};(#,##0${digits});"–"`;
      });
      const path = join(dir, fileName);
      await workbook.xlsx.writeFile(path);
      return { path, fileName };
    },
  };
}
