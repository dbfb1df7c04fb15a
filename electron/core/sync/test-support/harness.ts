import { openCache } from '../../db/open';
import { silentLogger } from '../../logging/logger';
import { createOdooClient } from '../../odoo/client';
import type { OdooConnectionConfig } from '../../odoo/types';
import { computeContentHash } from '../../snapshot/content-hash';
import { createSyncEngine, type SyncEngineDeps } from '../engine';
import type { SyncReport, SyncRunOptions } from '../types';
import type { RunningSimulator } from '../../../odoo-sim/server';

/** Client settings for tests: fast retries so injected faults cost milliseconds, not seconds. */
export function clientConfigFor(sim: RunningSimulator, extra: Partial<OdooConnectionConfig> = {}): OdooConnectionConfig {
  const c = sim.credentials;
  return { url: c.url, db: c.db, login: c.login, apiKey: c.api_key, hosting: 'self-hosted', retryBaseMs: 5, retryMaxMs: 50, maxRetries: 6, ...extra };
}

/** One sync of `file` against `sim` with a fresh client; returns the report and the client's call count. */
export async function syncInto(
  file: string,
  sim: RunningSimulator,
  run: SyncRunOptions = {},
  options: { client?: Partial<OdooConnectionConfig>; engine?: Partial<Omit<SyncEngineDeps, 'cache' | 'client' | 'logger'>> } = {},
): Promise<SyncReport> {
  const cache = openCache(file, { logger: silentLogger });
  try {
    const client = createOdooClient(clientConfigFor(sim, options.client), { logger: silentLogger });
    const engine = createSyncEngine({ cache, client, logger: silentLogger, source: { url: sim.url, db: sim.credentials.db }, ...options.engine });
    return await engine.run(run);
  } finally {
    cache.close();
  }
}

/** Content hash of the synced data in a cache file. */
export function hashOf(file: string): string {
  const cache = openCache(file, { logger: silentLogger, readonly: true });
  try {
    return computeContentHash(cache.db);
  } finally {
    cache.close();
  }
}
