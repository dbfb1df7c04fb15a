import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../clock';
import { exportBoardPack, type ExportedFile } from '../boardpack/export-pack';
import { openCache } from '../db/open';
import type { DemoScale } from '../../demo/types';
import type { Logger } from '../logging/logger';
import { importDemoExports, syncDemoCompany } from '../reconcile/demo-check';
import { runReconciliation } from '../reconcile/run';
import { BUDGET_FILE, CSAT_FILE } from '../../demo/plan-files';
import { importBudgetFile } from '../importers/budget/import-budget';
import { importCsatFile } from '../importers/csat/import-csat';
import type { ImportOutcome } from '../importers/budget/import-outcome';

/** What `boardpack demo` did, for people and for `--json`. */
export interface DemoRunResult {
  out: string;
  cache: string;
  exportsDir: string;
  month: string;
  sync: { status: string; records: number; calls: number };
  reconciliation: { files: number; records: number; exceptions: number; channels: string[] };
  /** The demo's budget and survey, imported like `boardpack import budget|csat` (rows imported, rows rejected). */
  plan: { budget: { imported: number; rejected: number }; csat: { imported: number; rejected: number } };
  files: ExportedFile[];
}

export interface DemoRunOptions {
  outDir: string;
  scale: DemoScale;
  seed: number;
  /** The board pack's month; default: the last complete month of the demo history. */
  month?: string;
  currency?: string;
  clock: Clock;
  logger: Logger;
  onStep?: (step: string) => void;
  signal?: AbortSignal;
}

function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The whole main job on the built-in demo company, through the same path a customer's data takes:
 * generate the company, serve it with the Odoo simulator on 127.0.0.1, sync it through the real client
 * into a cache, import the shop/payment/marketplace exports, reconcile the month, and write the board
 * pack (group and each company, Excel and PDF).
 */
export async function runDemo(options: DemoRunOptions): Promise<DemoRunResult> {
  const step = options.onStep ?? (() => undefined);
  const cacheFile = join(options.outDir, 'boardpack-demo.sqlite');
  const exportsDir = join(options.outDir, 'exports');
  const packDir = join(options.outDir, 'board-pack');
  mkdirSync(options.outDir, { recursive: true });
  // A demo run starts from a clean slate: the simulator is a fresh database each time.
  for (const stale of [cacheFile, `${cacheFile}-wal`, `${cacheFile}-shm`, `${cacheFile}.sync.lock`]) rmSync(stale, { force: true });
  rmSync(exportsDir, { recursive: true, force: true });

  step(`Generating the demo company (${options.scale}) and syncing it through the Odoo client`);
  const { answerKey, sync } = await syncDemoCompany({ scale: options.scale, seed: options.seed, cacheFile, exportsDir, logger: options.logger });
  const lastMonth = answerKey.companies[0]?.months.at(-1)?.month;
  const month = options.month ?? (lastMonth ? previousMonth(lastMonth) : undefined);
  if (!month) throw new Error('the demo answer key has no months');

  step('Importing the shop, payment and marketplace exports');
  const cache = openCache(cacheFile, { logger: options.logger });
  let reconciliation: DemoRunResult['reconciliation'];
  let plan: DemoRunResult['plan'];
  try {
    const files = await importDemoExports(cache.db, exportsDir, answerKey.companies, { clock: options.clock, logger: options.logger });
    step(`Reconciling ${month}`);
    const parent = answerKey.companies[0];
    const report = await runReconciliation(cache.db, { month, files: [], ...(parent ? { timeZone: parent.timezone } : {}), clock: options.clock, logger: options.logger, ...(options.signal ? { signal: options.signal } : {}) });
    reconciliation = {
      files,
      records: report.records.length,
      exceptions: report.records.filter((record) => record.exception).length,
      channels: [...new Set(report.summary.map((line) => line.channel))].sort(),
    };
    step('Importing the budget and the customer-satisfaction survey');
    const counts = (outcome: ImportOutcome) => ({ imported: outcome.imported, rejected: outcome.rejected.length });
    const budget = await importBudgetFile(cache.db, join(exportsDir, BUDGET_FILE), { clock: options.clock, ...(options.signal ? { signal: options.signal } : {}) });
    const csat = await importCsatFile(cache.db, join(exportsDir, CSAT_FILE), { clock: options.clock, ...(parent ? { timeZone: parent.timezone } : {}), ...(options.signal ? { signal: options.signal } : {}) });
    plan = { budget: counts(budget), csat: counts(csat) };
  } finally {
    cache.close();
  }

  const files: ExportedFile[] = [];
  const scopes: Array<'all' | number> = ['all', ...answerKey.companies.map((company) => company.id)];
  for (const company of scopes) {
    step(`Writing the board pack for ${company === 'all' ? 'the group' : `company ${company}`}`);
    files.push(
      ...(await exportBoardPack({
        cacheFile,
        month,
        company,
        template: 'board',
        formats: ['xlsx', 'pdf'],
        outDir: packDir,
        ...(options.currency ? { currency: options.currency } : {}),
        logger: options.logger,
        ...(options.signal ? { signal: options.signal } : {}),
      })),
    );
  }
  const records = sync.models.reduce((sum, model) => sum + model.fetched, 0);
  return { out: options.outDir, cache: cacheFile, exportsDir, month, sync: { status: sync.status, records, calls: sync.calls }, reconciliation, plan, files };
}
