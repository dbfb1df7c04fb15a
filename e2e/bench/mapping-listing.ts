/**
 * Account-mapping editor timings on an existing synced cache (opened read-only, never modified):
 * the listing (chart + 12-month balances) and a rule preview, per company.
 * Usage: npx tsx e2e/bench/mapping-listing.ts CACHE_FILE [RUNS]. Prints numbers, asserts nothing.
 */
import { openCache } from '../../electron/core/db/open';
import { silentLogger } from '../../electron/core/logging/logger';
import { buildMappingListing, previewMappingRule } from '../../electron/core/mapping/listing';
import { listCompanies } from '../../electron/core/mapping/store';

const [file, runsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: npx tsx e2e/bench/mapping-listing.ts CACHE_FILE [RUNS]');
  process.exit(2);
}
const runs = Number(runsArg ?? 5);
const cache = openCache(file, { logger: silentLogger, readonly: true });
const today = new Date().toISOString().slice(0, 10);
const lines = cache.db.prepare('SELECT count(*) FROM odoo_move_line').pluck().get();
console.log(`${file}: ${String(lines)} journal items`);

function median(f: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    f();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
}

for (const company of listCompanies(cache.db)) {
  let accounts = 0;
  const listing = median(() => {
    accounts = buildMappingListing(cache.db, company.id, today).accounts.length;
  });
  const preview = median(() => previewMappingRule(cache.db, company.id, { codePrefix: '6', category: 'excluded' }, today));
  console.log(`company ${company.id} (${company.name}): ${accounts} accounts; listing ${listing.toFixed(1)} ms, preview ${preview.toFixed(1)} ms (median of ${runs})`);
}
cache.close();
