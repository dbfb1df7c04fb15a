import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateDemo } from '../../demo/index';
import type { DemoSink } from '../../demo/types';
import { SimDataset } from '../../odoo-sim/dataset';
import { startOdooSimulator } from '../../odoo-sim/server';
import type { DemoServerFactory } from './demo-server';

/**
 * Builds the demo company (records for the simulator, export files for reconciliation) and serves
 * it with the Odoo simulator on 127.0.0.1, on a port the OS picks. The app then syncs it through
 * the real client, exactly as it would a customer's Odoo.
 */
export const startDemoServer: DemoServerFactory = async ({ scale, exportsDir, logger, onProgress }) => {
  onProgress?.('Generating the demo company');
  const dataset = new SimDataset();
  const sink: DemoSink = {
    records: (model, batch) => dataset.addRecords(model, batch),
    exportFile: (relativePath, content) => {
      const file = join(exportsDir, relativePath);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    },
  };
  await generateDemo({ scale, seed: 1 }, sink);
  onProgress?.('Starting the demo Odoo server');
  const sim = await startOdooSimulator({ dataset, version: 19, logger, port: 0 });
  const { credentials } = sim;
  return { url: credentials.url, db: credentials.db, login: credentials.login, apiKey: credentials.api_key, exportsDir, close: () => sim.close() };
};
