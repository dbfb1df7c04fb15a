/**
 * Byte-level facts about an import file, gathered in one streaming pass: SHA-256 (duplicate
 * detection), the text encoding (UTF-8 with/without BOM, UTF-16 LE/BE, Windows-1252 fallback) and
 * the first characters for sniffing the delimiter and the header.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../shared/rpc/errors';

/** Encodings we read. Windows-1252 is what Excel on Western Windows writes for "CSV". */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What the first pass learned about a file. */
export interface FileFacts {
  path: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  encoding: TextEncoding;
  /** Bytes to skip at the start (the BOM). */
  bomLength: number;
  /** The first ~64 KB decoded, BOM removed ('' for workbooks). */
  head: string;
  /** An Excel workbook (zip container) rather than delimited text. */
  isWorkbook: boolean;
}

const HEAD_BYTES = 64 * 1024;

function bomOf(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without BOM: text with many NUL bytes on one parity. */
function utf16WithoutBom(bytes: Uint8Array): TextEncoding | null {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Reads the file once: hash, encoding, head. Throws `import.invalid_file` for unreadable or binary files. */
export async function inspectFile(path: string, signal?: AbortSignal): Promise<FileFacts> {
  let sizeBytes: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new AppError('import.invalid_file', `${path} is not a file`);
    sizeBytes = info.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('import.invalid_file', `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, {
      hint: 'Check the path and that the file is readable.',
    });
  }
  const hash = createHash('sha256');
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let utf8Valid = true;
  const validator = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of createReadStream(path, { signal })) {
    const bytes = chunk instanceof Buffer ? chunk : Buffer.from(String(chunk));
    hash.update(bytes);
    if (headLength < HEAD_BYTES) {
      headChunks.push(bytes);
      headLength += bytes.length;
    }
    if (utf8Valid) {
      try {
        validator.decode(bytes, { stream: true });
      } catch {
        utf8Valid = false;
      }
    }
  }
  if (utf8Valid) {
    try {
      validator.decode();
    } catch {
      utf8Valid = false;
    }
  }
  const headBytes = Buffer.concat(headChunks).subarray(0, HEAD_BYTES);
  const sha256 = hash.digest('hex');
  if (headBytes[0] === 0x50 && headBytes[1] === 0x4b && headBytes[2] === 0x03 && headBytes[3] === 0x04) {
    return { path, fileName: basename(path), sizeBytes, sha256, encoding: 'utf-8', bomLength: 0, head: '', isWorkbook: true };
  }
  const bom = bomOf(headBytes);
  let encoding: TextEncoding;
  let bomLength = 0;
  if (bom) {
    encoding = bom.encoding;
    bomLength = bom.length;
  } else {
    encoding = utf16WithoutBom(headBytes) ?? (utf8Valid ? 'utf-8' : 'windows-1252');
  }
  const head = new TextDecoder(encoding).decode(headBytes.subarray(bomLength));
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be' && headBytes.includes(0)) {
    throw new AppError('import.invalid_file', `${basename(path)} looks like a binary file, not a CSV/TSV export`, {
      hint: 'Export the data as CSV (comma, semicolon or tab separated). Excel workbooks (.xlsx) must be saved as CSV first.',
    });
  }
  return { path, fileName: basename(path), sizeBytes, sha256, encoding, bomLength, head, isWorkbook: false };
}

/** Streams the file as decoded text chunks (BOM skipped). */
export async function* decodedChunks(facts: FileFacts, signal?: AbortSignal): AsyncGenerator<string> {
  const decoder = new TextDecoder(facts.encoding);
  for await (const chunk of createReadStream(facts.path, { start: facts.bomLength, highWaterMark: 256 * 1024, signal })) {
    const bytes = chunk instanceof Buffer ? chunk : Buffer.from(String(chunk));
    const text = decoder.decode(bytes, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
