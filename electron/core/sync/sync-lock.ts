import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { AppError } from '../../../shared/rpc/errors';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * One sync per cache file across processes: `<cache>.sync.lock` holds the owner's pid. A lock left
 * by a killed process (pid gone) is taken over, so a crash never blocks the next sync.
 */
export function acquireSyncLock(cacheFile: string): () => void {
  if (cacheFile === ':memory:') return () => undefined;
  const lockFile = `${cacheFile}.sync.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && (owner === process.pid || alive(owner))) {
        throw new AppError('sync.in_progress', `Another sync (process ${owner}) is writing ${cacheFile}.`, { hint: 'Wait for it to finish, or stop it first.' });
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new AppError('sync.in_progress', `Could not take the sync lock for ${cacheFile}.`, { hint: 'Try again in a moment.' });
}

/** True while a live process holds the sync lock of `cacheFile` (a lock left by a killed process does not count). */
export function isSyncRunning(cacheFile: string): boolean {
  const lockFile = `${cacheFile}.sync.lock`;
  if (!existsSync(lockFile)) return false;
  const owner = Number(readFileSync(lockFile, 'utf8').trim());
  return Number.isInteger(owner) && owner > 0 && alive(owner);
}
