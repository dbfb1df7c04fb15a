import { basename, join } from 'node:path';
import { AppError } from '../../../shared/rpc/errors';
import { APP_VERSION } from '../app-info';
import type { HandlersFor } from '../rpc/handlers';
import type { CoreServices } from '../services';
import { listCompanyIds } from '../reports/context';
import { diffSnapshots } from '../snapshot/diff';
import { listSnapshots } from '../snapshot/snapshot-file';
import { currentUser } from '../workspace/current-user';
import type { Workspace } from '../workspace/workspace';
import { buildPackDocument, buildPackReport, exportBoardPack, packReconciliation } from './export-pack';
import { channelDefaultsOf } from '../reconcile/channel-rules';
import { markPackFinal } from './final-gate';
import { saveCommentary } from './pack-store';
import { closePackSource, openPackSource } from './pack-source';
import { resolvePackTarget, type PackCompanies, type PackTarget } from './pack-target';


/** Handlers of `boardpack.*`: thin wrappers over the board-pack module (document, exports, final gate, snapshots). */
export function createBoardpackHandlers(services: CoreServices, workspace: Workspace): HandlersFor<
  'boardpack.preview' | 'boardpack.saveCommentary' | 'boardpack.export' | 'boardpack.markFinal' | 'boardpack.snapshots' | 'boardpack.diff'
> {
  const activeCacheFile = () => workspace.cacheFor(workspace.requireActive().id).file;
  // Commentary and final marks are keyed by the resolved target, so [1] and 1 (or every id and 'all') share them.
  const targetOf = (company: PackCompanies): PackTarget => resolvePackTarget(listCompanyIds(workspace.cacheFor(workspace.requireActive().id).db), company);
  const logger = services.logger.child('boardpack');
  // The pack's reconciliation summary applies the same Settings defaults as the Reconcile screen.
  const channelDefaults = () => channelDefaultsOf(workspace.settings.get().reconciliation);

  return {
    // The same steps as exportBoardPack up to the document, without rendering files.
    'boardpack.preview': async ({ month, company, currency, template, scale, sections }) => {
      const source = openPackSource(activeCacheFile(), month, logger);
      try {
        const { target, report } = buildPackReport(source, month, company, currency);
        const reconciliation = packReconciliation(source, month, template, target, channelDefaults());
        return buildPackDocument(source, report, { month, scope: target, template, ...(scale ? { scale } : {}), ...(sections ? { sections } : {}), ...(reconciliation ? { reconciliation } : {}) });
      } finally {
        closePackSource(source);
      }
    },
    'boardpack.saveCommentary': async ({ month, company, section, text }) => {
      const cache = workspace.cacheFor(workspace.requireActive().id);
      saveCommentary(cache.db, { month, scope: targetOf(company), section, text, author: currentUser(), at: services.clock.now().toISOString() });
      return { saved: true };
    },
    'boardpack.export': async ({ month, company, currency, template, scale, sections, formats, paper }, ctx) => {
      services.emit('job.progressed', { jobId: 'boardpack.export', label: `Rendering ${formats.join(' and ').toUpperCase()}`, done: 0, total: formats.length });
      const files = await exportBoardPack({
        cacheFile: activeCacheFile(), month, company, template, formats, outDir: join(services.dataDir, 'exports', 'board-packs', month),
        logger, appVersion: APP_VERSION, signal: ctx.signal, channelDefaults: channelDefaults(),
        ...(currency ? { currency } : {}), ...(scale ? { scale } : {}), ...(sections ? { sections } : {}), ...(paper ? { paper } : {}),
      });
      services.emit('job.progressed', { jobId: 'boardpack.export', label: 'Done', done: formats.length, total: formats.length });
      return { files: files.map((file) => ({ ...file, fileName: basename(file.path) })) };
    },
    'boardpack.markFinal': async ({ month, company, currency, template, by, waiver }) => {
      const mark = markPackFinal({ cacheFile: activeCacheFile(), month, scope: targetOf(company), template, by, logger, clock: services.clock, ...(currency ? { currency } : {}), ...(waiver ? { waiver } : {}) });
      workspace.changed('month.closed');
      return mark;
    },
    'boardpack.snapshots': async () => ({
      snapshots: listSnapshots(activeCacheFile(), { logger }).sort((a, b) => b.month.localeCompare(a.month)),
    }),
    'boardpack.diff': async ({ a, b }) => {
      const known = new Set(listSnapshots(activeCacheFile(), { logger }).map((s) => s.file));
      if (!known.has(a) || !known.has(b)) throw new AppError('validation', 'Pick two snapshots of the active connection to compare.');
      return diffSnapshots(a, b, { logger });
    },
  };
}
