import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { z } from 'zod';
import { AppError } from '../../../shared/rpc/errors';

/**
 * Reads a JSON file validated by `schema`; a missing file yields `fallback`. A file that exists but
 * does not parse is an error naming the file, never silently replaced (it holds the user's work).
 */
export function readJsonFile<S extends z.ZodType>(file: string, schema: S, fallback: () => z.output<S>): z.output<S> {
  if (!existsSync(file)) return fallback();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('validation', `${file} is not valid JSON.`, { hint: 'Restore it from a backup or move it aside; Boardpack then starts fresh.', cause: error });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('validation', `${file} does not have the expected shape (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''}).`, {
      hint: 'Move the file aside; Boardpack then starts fresh.',
    });
  }
  return parsed.data;
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export function writeJsonFile(file: string, value: unknown): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
  renameSync(temp, file);
}
