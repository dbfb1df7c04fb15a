/**
 * Delimiter sniffing and streaming CSV rows with their physical line numbers (a quoted field with
 * line breaks spans several lines, so the record index is not the line number).
 */
import { Readable } from 'node:stream';
import Papa from 'papaparse';

/** Delimiters we recognise, in tie-break order. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The header line of a text (first line, quotes respected). */
export function firstLine(text: string): string {
  let inQuotes = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) return text.slice(0, i);
  }
  return text;
}

/** Picks the delimiter that splits the header into the most fields (outside quotes). */
export function sniffDelimiter(head: string): Delimiter {
  const header = firstLine(head);
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (const ch of header) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, (counts.get(ch as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = counts.get(delimiter) ?? 0;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/** One parsed record. `error` is set when the CSV itself is broken on that record. */
export interface CsvRecord {
  fields: string[];
  line: number;
  error?: string;
}

/**
 * Streams records to `onRecord` (synchronously, in file order). Blank lines are skipped. Returns
 * when the input is exhausted.
 */
export function streamCsv(chunks: AsyncIterable<string>, delimiter: Delimiter, onRecord: (record: CsvRecord) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let nextLine = 1;
    let failed = false;
    const input = Readable.from(chunks, { objectMode: false, encoding: 'utf8' });
    input.on('error', (error) => {
      failed = true;
      reject(error);
    });
    Papa.parse<string[]>(input, {
      delimiter,
      header: false,
      skipEmptyLines: false,
      step(results) {
        if (failed) return;
        const fields = results.data;
        const line = nextLine;
        let breaks = 0;
        for (const field of fields) {
          for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) breaks += 1;
        }
        nextLine += 1 + breaks;
        if (fields.length === 1 && (fields[0] ?? '').trim() === '') return;
        const problem = results.errors.find((error) => error.type === 'Quotes');
        const record: CsvRecord = { fields, line };
        if (problem) {
          // The broken field runs to the end of the file: its final line break is the file's, not a record's.
          const last = fields[fields.length - 1] ?? '';
          const swallowed = breaks - (/\n[\r]?$/.test(last) ? 1 : 0);
          record.error = swallowed > 0
            ? `a quote opened on line ${line} is never closed, so lines ${line}-${line + swallowed} were read as one broken record; fix the quote and import again`
            : `a quoted value on line ${line} is not closed properly (${problem.message.toLowerCase()}); the line looks truncated`;
        }
        try {
          onRecord(record);
        } catch (error) {
          failed = true;
          reject(error);
        }
      },
      complete() {
        if (!failed) resolve();
      },
      error(error: Error) {
        failed = true;
        reject(error);
      },
    });
  });
}
