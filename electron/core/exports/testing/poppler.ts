import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Whether the poppler tools and qpdf are installed (pdftotext, pdfinfo, pdftoppm, qpdf). */
export async function hasPdfTools(): Promise<boolean> {
  try {
    await run('sh', ['-c', 'command -v pdftotext && command -v pdfinfo && command -v pdftoppm && command -v qpdf']);
    return true;
  } catch {
    return false;
  }
}

/** pdftotext -layout of a file. */
export async function pdfText(path: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', path, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** pdftotext in reading order (no -layout): side-by-side tiles come out one after the other, not interleaved. */
export async function pdfReadingText(path: string): Promise<string> {
  const { stdout } = await run('pdftotext', [path, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** pdfinfo fields as a map ("Pages" -> "14"). */
export async function pdfInfo(path: string): Promise<Map<string, string>> {
  const { stdout } = await run('pdfinfo', [path]);
  return new Map(stdout.split('\n').flatMap((line) => {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    return match?.[1] && match[2] !== undefined ? [[match[1], match[2]]] : [];
  }));
}

/** qpdf --check; resolves with its output, rejects when the file is damaged. */
export async function qpdfCheck(path: string): Promise<string> {
  const { stdout } = await run('qpdf', ['--check', path]);
  return stdout;
}

/** Renders one page to PNG (kept as an artifact) and returns the share of non-white pixels from a greyscale render. */
export async function renderPageInk(path: string, page: number, pngPrefix: string): Promise<number> {
  await run('pdftoppm', ['-r', '70', '-png', '-singlefile', '-f', String(page), '-l', String(page), path, pngPrefix]);
  await run('pdftoppm', ['-r', '40', '-gray', '-singlefile', '-f', String(page), '-l', String(page), path, `${pngPrefix}-gray`]);
  const pgm = await readFile(`${pngPrefix}-gray.pgm`);
  // Binary PGM: "P5\n<width> <height>\n<max>\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header?.[0]) throw new Error('pdftoppm did not produce a PGM image');
  const pixels = pgm.subarray(header[0].length);
  let ink = 0;
  for (const value of pixels) if (value < 200) ink += 1;
  return ink / pixels.length;
}
