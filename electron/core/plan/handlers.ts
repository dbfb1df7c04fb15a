import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative } from 'node:path';
import type { PlanImportResult } from '../../../shared/rpc/contracts/plan';
import { AppError } from '../../../shared/rpc/errors';
import { importBudgetFile } from '../importers/budget/import-budget';
import type { ImportOutcome } from '../importers/budget/import-outcome';
import { importCsatFile } from '../importers/csat/import-csat';
import type { HandlersFor } from '../rpc/handlers';
import type { CoreServices } from '../services';
import type { Workspace } from '../workspace/workspace';
import { batchOfFile, listPlanBatches, removePlanBatch } from './batch-store';
import { BUDGET_FILE, CSAT_FILE } from '../../demo/plan-files';

type PlanFile = { name: string; base64: string } | { path: string };

/** The renderer names files; it never chooses where the core reads: paths must lie in the data folder. */
function insideDataDir(dataDir: string, path: string): string {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    throw new AppError('not_found', `No file at ${path}.`, { hint: 'Choose the file again.' });
  }
  const rel = relative(realpathSync(dataDir), real);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new AppError('validation', 'Only files in the data folder can be imported by path; upload the file instead.');
  return real;
}

/** A name usable as a file name that keeps what the user sees (it identifies the import): no folders, no control characters. */
function uploadName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f<>:"|?*]/g, '-').trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'plan-import.csv' : cleaned.slice(0, 200);
}

/** Handlers of `plan.*`: budget and survey imports over the existing importers, listed and undone by batch. */
export function createPlanHandlers(services: CoreServices, workspace: Workspace): HandlersFor<'plan.importBudget' | 'plan.importCsat' | 'plan.listBatches' | 'plan.removeBatch'> {
  const activeDb = () => workspace.cacheFor(workspace.requireActive().id).db;

  /** Uploaded bytes are kept in the data folder under their own name, so the import record names the user's file. */
  function localPath(file: PlanFile): string {
    if ('path' in file) return insideDataDir(services.dataDir, file.path);
    const dir = join(services.dataDir, 'imports', 'plan', services.clock.now().toISOString().replace(/[:.]/g, '-'));
    mkdirSync(dir, { recursive: true });
    const path = join(dir, uploadName(file.name));
    writeFileSync(path, Buffer.from(file.base64, 'base64'));
    return path;
  }

  function finish(outcome: ImportOutcome): PlanImportResult {
    const batchId = outcome.imported > 0 ? batchOfFile(activeDb(), outcome.kind, outcome.file) : null;
    // The dashboard and the pack recompute from the cache (their memo keys on its data stamp); this tells open screens.
    if (outcome.imported > 0) workspace.changed(`plan.${outcome.kind}Imported`);
    return { kind: outcome.kind, file: outcome.file, batchId, read: outcome.read, imported: outcome.imported, rejected: outcome.rejected, replaced: outcome.replaced };
  }

  function demoFile(relativePath: string): string | null {
    if (workspace.requireActive().kind !== 'demo') return null;
    const path = join(services.dataDir, 'demo', 'exports', relativePath);
    return existsSync(path) ? path : null;
  }

  return {
    'plan.importBudget': async ({ file }, ctx) => finish(await importBudgetFile(activeDb(), localPath(file), { clock: services.clock, signal: ctx.signal })),
    'plan.importCsat': async ({ file, scaleMax }, ctx) => {
      const timeZone = workspace.settings.get().timezone ?? undefined;
      return finish(await importCsatFile(activeDb(), localPath(file), { clock: services.clock, signal: ctx.signal, ...(scaleMax ? { scaleMax } : {}), ...(timeZone ? { timeZone } : {}) }));
    },
    'plan.listBatches': async () => ({
      batches: listPlanBatches(activeDb()),
      demoFiles: { budget: demoFile(BUDGET_FILE), csat: demoFile(CSAT_FILE) },
    }),
    'plan.removeBatch': async ({ batchId }) => {
      const removed = removePlanBatch(activeDb(), batchId);
      if (removed === 0) throw new AppError('not_found', 'That import is no longer stored.', { hint: 'Reload the list of imports.' });
      workspace.changed('plan.batchRemoved');
      return { removed };
    },
  };
}
