import type { OdooConnectionConfig } from '../../core/odoo/types';
import { buildSyncFixtureDataset } from '../../core/sync/test-support/sync-fixture-dataset';
import { startOdooSimulator } from '../../odoo-sim/server';

export interface DemoSourceOptions {
  scale: 'small' | 'medium' | 'large';
  seed: number;
  version: 17 | 18 | 19;
  faultRate: number;
  /** Simulate Odoo Online: the server refuses impolite clients, the client runs in online mode. */
  online: boolean;
}

// Invoices per company for each scale (each brings 3 journal items, an order line, a lead, a stock move).
const PER_COMPANY = { small: 40, medium: 4000, large: 40000 } as const;

/**
 * Starts the Odoo simulator in-process with a deterministic dataset and returns the connection
 * config for it. The dataset is the sync fixture until the demo-company generator exposes
 * buildDemoDataset (then this is the one line to change).
 */
export async function startDemoSource(options: DemoSourceOptions): Promise<{ config: OdooConnectionConfig; close(): Promise<void> }> {
  const dataset = buildSyncFixtureDataset(PER_COMPANY[options.scale]);
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
    close: () => sim.close(),
  };
}
