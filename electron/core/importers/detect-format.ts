/**
 * Format detection from the header row: a format matches when all its required columns are
 * present (case-insensitive, synonyms allowed). Unknown headers get a message naming every
 * format we expected and the header we found.
 */
import { AppError } from '../../../shared/rpc/errors';
import type { FormatSpec } from './formats/format';

/** Lower-cased, trimmed, BOM and quote debris removed. */
export function headerKey(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase();
}

/** Column index of every canonical name a format knows (plus aliases); -1 when absent. */
export function columnIndex(spec: FormatSpec, header: readonly string[]): Map<string, number> {
  const positions = new Map<string, number>();
  header.forEach((name, index) => {
    const key = headerKey(name);
    if (!positions.has(key)) positions.set(key, index);
  });
  const index = new Map<string, number>();
  const names = new Set([...spec.known, ...spec.required, ...Object.keys(spec.aliases ?? {})]);
  for (const name of names) {
    const spellings = [name, ...(spec.aliases?.[name] ?? [])];
    const found = spellings.map((spelling) => positions.get(headerKey(spelling))).find((position) => position !== undefined);
    index.set(name, found ?? -1);
  }
  return index;
}

/** True when every required column of `spec` is in the header. */
export function matchesHeader(spec: FormatSpec, header: readonly string[]): boolean {
  const index = columnIndex(spec, header);
  return spec.required.every((name) => (index.get(name) ?? -1) >= 0);
}

/** Picks the format for a header, or throws `import.unknown_format` / `validation` with plain words. */
export function detectFormat(formats: readonly FormatSpec[], header: readonly string[], requested: string, fileName: string): FormatSpec {
  if (requested !== 'auto') {
    const spec = formats.find((format) => format.id === requested);
    if (!spec) {
      throw new AppError('validation', `unknown format "${requested}"`, { hint: `Use auto or one of: ${formats.map((f) => f.id).join(', ')}.` });
    }
    const index = columnIndex(spec, header);
    const missing = spec.required.filter((name) => (index.get(name) ?? -1) < 0);
    if (missing.length > 0) {
      throw new AppError('import.unknown_format', `${fileName} is not a ${spec.label}: missing column(s) ${missing.join(', ')}`, {
        hint: `The header found was: ${header.slice(0, 12).join(', ')}${header.length > 12 ? ', …' : ''}`,
        details: { header, missing },
      });
    }
    return spec;
  }
  const found = formats.find((format) => matchesHeader(format, header));
  if (found) return found;
  const shown = header.slice(0, 12).map((name) => name.trim()).join(', ') + (header.length > 12 ? ', …' : '');
  const singleColumn = header.length === 1 && /[,;\t|]/.test(header[0] ?? '') === false && (header[0] ?? '').length > 40;
  throw new AppError('import.unknown_format', `${fileName} is not a format we know. Expected one of: ${formats.map((format) => format.label).join('; ')}. Found header: ${shown || '(empty)'}`, {
    hint: singleColumn
      ? 'The header did not split into columns: the file may use a delimiter other than comma, semicolon, tab or pipe.'
      : 'Export the file with the platform\'s standard columns, or save a column mapping for this source (generic CSV) and import with --format generic:<name>.',
    details: { header, expected: formats.map((format) => format.id) },
  });
}
