import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ReconcileView } from '../../../shared/rpc/contracts/reconcile';
import type { HandlersFor } from '../rpc/handlers';
import type { CoreServices } from '../services';
import { currentUser } from '../workspace/current-user';
import { safeStem } from '../workspace/files-handlers';
import type { Workspace } from '../workspace/workspace';
import { channelDefaultsOf, listChannelRules, saveChannelRule, type ChannelDefaults } from './channel-rules';
import { decideException, decisionKey, listExceptions } from './exception-store';
import { exceptionLines, writeExceptions } from './exceptions-export';
import { runReconciliation, type RunOptions, type RunReport } from './run';

/** Handlers of `reconcile.*`: thin wrappers over the reconciliation run and the exceptions store. */
export function createReconcileHandlers(services: CoreServices, workspace: Workspace): HandlersFor<'reconcile.import' | 'reconcile.results' | 'reconcile.resolve' | 'reconcile.export' | 'reconcile.listChannelRules' | 'reconcile.saveChannelRule'> {
  const activeDb = () => workspace.cacheFor(workspace.requireActive().id).db;
  // Read on every call: a Settings change applies to the next run without restarting anything.
  const channelDefaults = (): ChannelDefaults => channelDefaultsOf(workspace.settings.get().reconciliation);

  function view(report: RunReport): ReconcileView {
    return {
      month: report.month, timeZone: report.timeZone, companyCurrency: report.companyCurrency,
      imports: report.imports.map(({ file, sha256: _sha256, ...rest }) => ({ ...rest, fileName: basename(file) })),
      records: report.records, payouts: report.payouts, summary: report.summary, dataCleaning: report.dataCleaning,
      exceptions: listExceptions(activeDb(), { month: report.month }),
    };
  }

  async function run(month: string, files: string[], format: string | undefined, signal: AbortSignal, onProgress?: RunOptions['onProgress']): Promise<RunReport> {
    return runReconciliation(activeDb(), { month, files, format, clock: services.clock, logger: services.logger, importedBy: currentUser(), channelDefaults: channelDefaults(), signal, ...(onProgress ? { onProgress } : {}) });
  }

  return {
    'reconcile.import': async ({ month, files, format }, ctx) => {
      // Uploaded bytes are kept in the data folder: the import record points at a file that exists.
      const dir = join(services.dataDir, 'imports', services.clock.now().toISOString().replace(/[:.]/g, '-'));
      mkdirSync(dir, { recursive: true });
      const paths = files.map((file, index) => {
        const path = join(dir, `${index + 1}-${safeStem(file.name)}`);
        writeFileSync(path, Buffer.from(file.base64, 'base64'));
        return path;
      });
      // Upload names, not the stored copies' names, in the progress the Reconcile screen shows.
      const report = await run(month, paths, format === 'auto' ? undefined : format, ctx.signal, ({ label, done, total }) => {
        const upload = done < files.length ? files[done] : undefined;
        const shown = upload ? `Reading ${upload.name}` : label;
        services.emit('job.progressed', { jobId: 'reconcile.import', label: shown, done, total });
      });
      services.emit('job.progressed', { jobId: 'reconcile.import', label: 'Done', done: files.length + 1, total: files.length + 1 });
      report.imports.forEach((entry, index) => {
        entry.file = files[index]?.name ?? entry.file;
      });
      return view(report);
    },
    'reconcile.results': async ({ month }, ctx) => view(await run(month, [], undefined, ctx.signal)),
    'reconcile.resolve': async ({ recordKey, category, status, note }) => ({
      exceptions: decideException(activeDb(), { recordKey, category, status, note, who: currentUser() }, services.clock),
    }),
    'reconcile.export': async ({ month, format }, ctx) => {
      const report = await run(month, [], undefined, ctx.signal);
      const decisions = new Map(listExceptions(activeDb(), { month }).map((row) => [decisionKey(row.recordKey, row.category), row]));
      const lines = exceptionLines(report.records, decisions);
      const dir = join(services.dataDir, 'exports');
      mkdirSync(dir, { recursive: true });
      const fileName = `exceptions-${month}.${format}`;
      const path = join(dir, fileName);
      await writeExceptions(path, lines);
      return { path, fileName, lines: lines.length };
    },
    'reconcile.listChannelRules': async () => listChannelRules(activeDb(), channelDefaults()),
    'reconcile.saveChannelRule': async (rule) => {
      const db = activeDb();
      saveChannelRule(db, rule, services.clock);
      // Results are recomputed on every read; the event tells open screens theirs are stale.
      workspace.changed('reconcile.rulesSaved');
      return listChannelRules(db, channelDefaults());
    },
  };
}
