import { readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { snapshotPathFor } from '../snapshot/snapshot-file';

/**
 * Months with a closed snapshot beside the cache, from the file names alone (cheap enough for every
 * status refresh; the hash is verified when a snapshot is opened, not here).
 */
export function closedMonths(cacheFile: string): string[] {
  const probe = basename(snapshotPathFor(cacheFile, '0000-00'));
  const [prefix, suffix] = probe.split('0000-00');
  let names: string[];
  try {
    names = readdirSync(dirname(cacheFile));
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith(prefix ?? '') && name.endsWith(suffix ?? ''))
    .map((name) => name.slice((prefix ?? '').length, name.length - (suffix ?? '').length))
    .filter((month) => /^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    .sort();
}
