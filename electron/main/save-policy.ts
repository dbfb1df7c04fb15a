import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

/**
 * Folders of the data folder the renderer may hand to "Save as…": what the core writes for the user
 * (exports, the demo's sample exports, scratch files). Caches, profiles and imports stay out of reach.
 */
export const SAVABLE_FOLDERS = ['exports', join('demo', 'exports'), 'tmp'] as const;

/** The real path (symlinks resolved) if `path` exists and lies strictly inside `folder`, else null. */
export function realPathInside(folder: string, path: string): string | null {
  let real: string;
  let root: string;
  try {
    real = realpathSync(path);
    root = realpathSync(folder);
  } catch {
    return null;
  }
  const rel = relative(root, real);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? real : null;
}

/**
 * The file "Save as…" may copy: the renderer is untrusted, so a path it sends is only accepted when it
 * resolves inside one of the data folder's SAVABLE_FOLDERS. Returns the real path, or null to refuse.
 */
export function savableSource(dataDir: string, path: unknown): string | null {
  if (typeof path !== 'string' || path.length === 0 || !isAbsolute(path)) return null;
  for (const folder of SAVABLE_FOLDERS) {
    const real = realPathInside(join(dataDir, folder), path);
    if (real) return real;
  }
  return null;
}
