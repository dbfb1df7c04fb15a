import { statSync } from 'node:fs';
import type { CacheDb } from '../db/open';
import type { Logger } from '../logging/logger';
import { openSnapshot, snapshotPathFor, type SnapshotMeta } from './snapshot-file';

/** An open, hash-verified closed month: the read-only handle and what the file says about itself. */
export interface OpenSnapshot {
  file: string;
  cache: CacheDb;
  meta: SnapshotMeta;
}

interface Entry extends OpenSnapshot {
  /** Identity of the file on disk when it was verified: a snapshot moved aside and closed again is a new file. */
  identity: string;
}

function identityOf(file: string): string | null {
  try {
    const stat = statSync(file);
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return null;
  }
}

/**
 * Read-only handles of closed-month snapshots, opened and hash-verified once per file and kept open:
 * verifying re-reads every row (seconds on a large cache), too slow for every dashboard call, and a
 * closed snapshot is immutable (read-only on disk), so one verification per file identity suffices.
 * A file that disappears (moved aside deliberately) or is replaced is closed and forgotten.
 */
export function createSnapshotHandles(deps: { logger: Logger; capacity?: number }) {
  const capacity = deps.capacity ?? 4;
  const open = new Map<string, Entry>();

  function forget(file: string): void {
    open.get(file)?.cache.close();
    open.delete(file);
  }

  return {
    /** The verified snapshot of `month` beside `cacheFile`, or null when the month is not closed. Throws 'cache.damaged' on a hash mismatch. */
    forMonth(cacheFile: string, month: string): OpenSnapshot | null {
      const file = snapshotPathFor(cacheFile, month);
      const identity = identityOf(file);
      const known = open.get(file);
      if (known && known.identity === identity) {
        // Most recently used last, so the eviction below drops the oldest.
        open.delete(file);
        open.set(file, known);
        return known;
      }
      if (known) forget(file);
      if (identity === null) return null;
      const { cache, meta } = openSnapshot(file, { logger: deps.logger });
      open.set(file, { file, cache, meta, identity });
      for (const oldest of open.keys()) {
        if (open.size <= capacity) break;
        forget(oldest);
      }
      return { file, cache, meta };
    },
    /** Closes every handle (workspace close). */
    closeAll(): void {
      for (const file of [...open.keys()]) forget(file);
    },
    get size() {
      return open.size;
    },
  };
}

export type SnapshotHandles = ReturnType<typeof createSnapshotHandles>;
