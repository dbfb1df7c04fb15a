import type Database from 'better-sqlite3';

/**
 * Where the cache's data stands for this connection: `total_changes()` moves with every row this
 * connection writes (sync, imports, account mappings, commentary: they all write through the
 * workspace's one connection per cache), `data_version` with every commit made by ANY other
 * connection to the same file (a CLI sync, a second window). Equal stamps mean identical data.
 */
export function dataStamp(db: Pick<Database.Database, 'prepare' | 'pragma'>): string {
  const changes = db.prepare<[], { n: number }>('SELECT total_changes() AS n').get()?.n ?? 0;
  const version = db.pragma('data_version', { simple: true });
  return `${changes}:${String(version)}`;
}

/**
 * A small per-core memo of computed results keyed by request and data stamp: asking again for a
 * report over unchanged data (dashboard → pack → dashboard, a second tab, a remount) is free, and any
 * write to the cache changes the stamp, so a stale result is never returned and nothing has to
 * remember to invalidate it. Least recently used entries go first.
 */
export function createResultMemo<T>(capacity = 8) {
  const entries = new Map<string, T>();
  return {
    get(key: string, compute: () => T): T {
      const hit = entries.get(key);
      if (hit !== undefined) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const value = compute();
      entries.set(key, value);
      for (const oldest of entries.keys()) {
        if (entries.size <= capacity) break;
        entries.delete(oldest);
      }
      return value;
    },
    /** Drops everything (e.g. when a cache file is replaced under the same connection name). */
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}
