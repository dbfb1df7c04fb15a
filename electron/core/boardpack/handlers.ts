import { basename, join } from 'node:path';
import type { PackScope } from '../../../shared/boardpack/report-view';
import { AppError } from '../../../shared/rpc/errors';
import { APP_VERSION } from '../app-info';
import { fixedClock } from '../clock';
import type { HandlersFor } from '../rpc/handlers';
import type { CoreServices } from '../services';
import { buildReport } from '../reports/index';
import { diffSnapshots } from '../snapshot/diff';
import { listSnapshots } from '../snapshot/snapshot-file';
import { currentUser } from '../workspace/current-user';
import type { Workspace } from '../workspace/workspace';
import { buildPackDocument, exportBoardPack } from './export-pack';
import { markPackFinal } from './final-gate';
import { saveCommentary } from './pack-store';
import { closePackSource, openPackSource } from './pack-source';
import { loadReconciliationSummary } from './reconciliation-summary';

const scopeOf = (company: 'all' | number): PackScope => (company === 'all' ? { kind: 'consolidated' } : { kind: 'company', companyId: company });

/** Handlers of `boardpack.*`: thin wrappers over the board-pack module (document, exports, final gate, snapshots). */
export function createBoardpackHandlers(services: CoreServices, workspace: Workspace): HandlersFor<
  'boardpack.preview' | 'boardpack.saveCommentary' | 'boardpack.export' | 'boardpack.markFinal' | 'boardpack.snapshots' | 'boardpack.diff'
> {
  const activeCacheFile = () => workspace.cacheFor(workspace.requireActive().id).file;
  const logger = services.logger.child('boardpack');

  return {
    // The same steps as exportBoardPack up to the document, without rendering files.
    'boardpack.preview': async ({ month, company, currency, template, scale, sections }) => {
      const source = openPackSource(activeCacheFile(), month, logger);
      try {
        const report = buildReport(source.cache.db, { month, companies: company === 'all' ? 'all' : [company], ...(currency ? { currency } : {}) }, { clock: fixedClock(source.snapshot.createdAt) });
        const reconciliation = template === 'board' ? loadReconciliationSummary(source.cache.db, month, company === 'all' ? undefined : company) : undefined;
        return buildPackDocument(source, report, { month, scope: scopeOf(company), template, ...(scale ? { scale } : {}), ...(sections ? { sections } : {}), ...(reconciliation ? { reconciliation } : {}) });
      } finally {
        closePackSource(source);
      }
    },
    'boardpack.saveCommentary': async ({ month, company, section, text }) => {
      const cache = workspace.cacheFor(workspace.requireActive().id);
      saveCommentary(cache.db, { month, scope: scopeOf(company), section, text, author: currentUser(), at: services.clock.now().toISOString() });
      return { saved: true };
    },
    'boardpack.export': async ({ month, company, currency, template, scale, sections, formats, paper }, ctx) => {
      services.emit('job.progressed', { jobId: 'boardpack.export', label: `Rendering ${formats.join(' and ').toUpperCase()}`, done: 0, total: formats.length });
      const files = await exportBoardPack({
        cacheFile: activeCacheFile(), month, company, template, formats, outDir: join(services.dataDir, 'exports', 'board-packs', month),
        logger, appVersion: APP_VERSION, signal: ctx.signal,
        ...(currency ? { currency } : {}), ...(scale ? { scale } : {}), ...(sections ? { sections } : {}), ...(paper ? { paper } : {}),
      });
      services.emit('job.progressed', { jobId: 'boardpack.export', label: 'Done', done: formats.length, total: formats.length });
      return { files: files.map((file) => ({ ...file, fileName: basename(file.path) })) };
    },
    'boardpack.markFinal': async ({ month, company, currency, template, by, waiver }) => {
      const mark = markPackFinal({ cacheFile: activeCacheFile(), month, scope: scopeOf(company), template, by, logger, clock: services.clock, ...(currency ? { currency } : {}), ...(waiver ? { waiver } : {}) });
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
