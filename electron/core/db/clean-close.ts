import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

/**
 * A sidecar `<cache>.checked` written after a clean close: the file's identity (inode, size, mtime,
 * ctime) right after SQLite checkpointed and closed it. The next open skips the O(file size)
 * quick_check when the file is still exactly that (1.5–3.5 s on the large demo cache): a crash never
 * leaves a marker (it is removed while the cache is open), and any byte written to the file since
 * (another program, a restore, a copy over it) changes its mtime/ctime, so the check runs again.
 */
const markerOf = (file: string) => `${file}.checked`;

function identity(file: string): string | null {
  if (!existsSync(file)) return null;
  const s = statSync(file, { bigint: true });
  return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

/** Whether the file is unchanged since a clean close recorded by {@link recordCleanClose}. */
export function closedCleanly(file: string): boolean {
  if (file === ':memory:') return false;
  // A non-empty WAL means commits the main file has not absorbed: not a clean close.
  const wal = `${file}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) return false;
  try {
    const recorded = readFileSync(markerOf(file), 'utf8');
    return recorded === identity(file);
  } catch {
    return false;
  }
}

/** Removes the marker while the cache is open for writing: a crash from here on forces a check. */
export function forgetCleanClose(file: string): void {
  if (file !== ':memory:') rmSync(markerOf(file), { force: true });
}

/** Records the closed file's identity; call only after the connection closed without error. */
export function recordCleanClose(file: string): void {
  if (file === ':memory:') return;
  const id = identity(file);
  if (id !== null) writeFileSync(markerOf(file), id);
}
