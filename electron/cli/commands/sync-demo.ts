import type { OdooConnectionConfig } from '../../core/odoo/types';
import { loadSimDataset } from '../../odoo-sim/dataset-source';
import { startOdooSimulator } from '../../odoo-sim/server';

export interface DemoSourceOptions {
  scale: 'small' | 'medium' | 'large';
  seed: number;
  version: 17 | 18 | 19;
  faultRate: number;
  /** Simulate Odoo Online: the server refuses impolite clients, the client runs in online mode. */
  online: boolean;
}

/**
 * Starts the Odoo simulator in-process with the seeded demo company (the generator in
 * electron/demo when present, else the simulator's small hand-made dataset) and returns the
 * connection config for it.
 */
export async function startDemoSource(options: DemoSourceOptions): Promise<{ config: OdooConnectionConfig; source: string; close(): Promise<void> }> {
  const { dataset, source } = await loadSimDataset({ scale: options.scale, seed: options.seed });
  const sim = await startOdooSimulator({ dataset, version: options.version, faultRate: options.faultRate, faultSeed: options.seed, onlineLimits: options.online });
  const { credentials } = sim;
  return {
    config: {
      url: credentials.url,
      db: credentials.db,
      login: credentials.login,
      apiKey: credentials.api_key,
      hosting: options.online ? 'online' : 'self-hosted',
      retryBaseMs: 20,
    },
    source,
    close: () => sim.close(),
  };
}
