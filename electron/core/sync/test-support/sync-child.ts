/**
 * A minimal sync process for the crash test (lighter to start than the whole CLI):
 * `node --import tsx sync-child.ts <cache> <invoices per company>`. Prints one line per progress
 * event on stderr (`progress <step> <model> <company> <phase> <done>`) so the parent can kill it at
 * a precise point, and the JSON report on stdout when it finishes.
 */
import { startOdooSimulator } from '../../../odoo-sim/server';
import { buildSyncFixtureDataset } from './sync-fixture-dataset';
import { syncInto } from './harness';

const [cache, perCompany] = process.argv.slice(2);
const sim = await startOdooSimulator({ dataset: buildSyncFixtureDataset(Number(perCompany)), latencyMs: 2 });
try {
  const report = await syncInto(cache, sim, {
    onProgress: (e) => process.stderr.write(`progress ${e.step} ${e.model} ${e.companyId} ${e.phase} ${e.done}\n`),
  }, { engine: { pageSize: 50 } });
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exitCode = report.status === 'ok' ? 0 : 1;
} finally {
  await sim.close();
}
