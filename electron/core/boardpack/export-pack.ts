import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBoardPack } from '../../../shared/boardpack/build';
import type { AmountScale, BoardPackDocument, SectionId, TemplateId } from '../../../shared/boardpack/model';
import type { ReconciliationSummaryInput } from '../../../shared/boardpack/reconciliation-input';
import type { ReportResult } from '../../../shared/reports/types';
import { AppError } from '../../../shared/rpc/errors';
import { fixedClock } from '../clock';
import { renderPdf } from '../exports/pdf/render-pdf';
import { renderXlsx, type PaperSize } from '../exports/xlsx/workbook';
import type { Logger } from '../logging/logger';
import { listCompanyIds } from '../reports/context';
import type { ChannelDefaults } from '../reconcile/channel-rules';
import { buildReport } from '../reports/index';
import { loadCommentary, loadFinal, scopeKey } from './pack-store';
import { closePackSource, openPackSource, type PackSource } from './pack-source';
import { reconciliationCompany, reportCompanies, resolvePackTarget, viewScope, type PackCompanies, type PackTarget } from './pack-target';
import { loadReconciliationSummary } from './reconciliation-summary';

/** Output formats of a pack. */
export type PackFormat = 'xlsx' | 'pdf';

/** A file written by an export. */
export interface ExportedFile {
  path: string;
  format: PackFormat;
  bytes: number;
  sha256: string;
}

/** Options of {@link exportBoardPack}. */
export interface ExportOptions {
  cacheFile: string;
  month: string;
  /** 'all' = the consolidated group of every company; a number = that company alone; a list = those companies consolidated. */
  company: PackCompanies;
  currency?: string;
  template: TemplateId;
  formats: PackFormat[];
  outDir: string;
  paper?: PaperSize;
  scale?: AmountScale;
  sections?: Partial<Record<SectionId, boolean>>;
  logger: Logger;
  appVersion?: string;
  signal?: AbortSignal;
  /** The app Settings' reconciliation defaults (the CLI passes none: the matcher's own defaults apply). */
  channelDefaults?: ChannelDefaults;
}

/** File stem of a pack: boardpack-board-group-2026-03, boardpack-sales-company-2-2026-03, boardpack-board-companies-1-3-2026-03. */
export function packFileStem(template: TemplateId, scope: PackTarget, month: string): string {
  return `boardpack-${template}-${scopeKey(scope).replace(/[:,]/g, '-')}-${month}`;
}

function writeAtomically(path: string, bytes: Buffer): void {
  const temp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOSPC') throw new AppError('io.disk_full', `The disk is full; ${path} was not written.`, { hint: 'Free some space and export again.' });
    throw new AppError('export.failed', `Could not write ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Builds the document of one pack from an open source (no files written). */
export function buildPackDocument(
  source: PackSource,
  report: ReportResult,
  options: { month: string; scope: PackTarget; template: TemplateId; scale?: AmountScale; sections?: Partial<Record<SectionId, boolean>>; reconciliation?: ReconciliationSummaryInput },
): BoardPackDocument {
  // Final marks live in the live cache; a final pack's commentary is the one frozen in its snapshot.
  const final = source.live ? loadFinal(source.live.db, options.month, options.scope, options.template) : null;
  const commentarySource = final && source.kind === 'snapshot' ? source.cache : (source.live ?? source.cache);
  const doc = buildBoardPack(report, {
    template: options.template,
    scope: viewScope(options.scope),
    status: final ? 'final' : 'draft',
    ...(final ? { final: { by: final.by, at: final.at, ...(final.waiver ? { waiver: final.waiver } : {}) } } : {}),
    snapshot: source.snapshot,
    dataCutoff: source.dataCutoff,
    commentary: loadCommentary(commentarySource.db, options.month, options.scope),
    ...(options.scale ? { scale: options.scale } : {}),
    ...(options.sections ? { sections: options.sections } : {}),
    ...(options.reconciliation ? { reconciliation: options.reconciliation } : {}),
  });
  if (options.scope.kind !== 'subset') return doc;
  // The cover must not read as the whole group: it names the companies consolidated and how many of the group's.
  const names = report.companies.map((company) => company.name);
  return { ...doc, entityLabel: `Consolidated: ${names.join(', ')} (${names.length} of ${listCompanyIds(source.cache.db).length} companies)` };
}

/** Resolves a pack's companies against the source's companies and builds its report (clock pinned to the snapshot). */
export function buildPackReport(source: PackSource, month: string, companies: PackCompanies, currency?: string): { target: PackTarget; report: ReportResult } {
  const target = resolvePackTarget(listCompanyIds(source.cache.db), companies);
  // The report clock is pinned to the snapshot so nothing time-dependent leaks into the files.
  const report = buildReport(source.cache.db, { month, companies: reportCompanies(target), ...(currency ? { currency } : {}) }, { clock: fixedClock(source.snapshot.createdAt) });
  return { target, report };
}

/** The reconciliation summary a board pack shows for its target (none in the sales pack). */
export function packReconciliation(source: PackSource, month: string, template: TemplateId, target: PackTarget, defaults?: ChannelDefaults): ReconciliationSummaryInput | undefined {
  return template === 'board' ? loadReconciliationSummary(source.cache.db, month, reconciliationCompany(target), defaults) : undefined;
}

/**
 * Exports the board pack of a month: opens the month's snapshot (or the live cache), builds the report and the
 * document, renders each format and writes the files atomically. Returns the files with size and SHA-256.
 */
export async function exportBoardPack(options: ExportOptions): Promise<ExportedFile[]> {
  const logger = options.logger.child('boardpack');
  const source = openPackSource(options.cacheFile, options.month, logger);
  try {
    const { target, report } = buildPackReport(source, options.month, options.company, options.currency);
    const reconciliation = packReconciliation(source, options.month, options.template, target, options.channelDefaults);
    const doc = buildPackDocument(source, report, {
      month: options.month,
      scope: target,
      template: options.template,
      ...(options.scale ? { scale: options.scale } : {}),
      ...(options.sections ? { sections: options.sections } : {}),
      ...(reconciliation ? { reconciliation } : {}),
    });
    mkdirSync(options.outDir, { recursive: true });
    const stem = packFileStem(options.template, target, options.month);
    const files: ExportedFile[] = [];
    for (const format of options.formats) {
      if (options.signal?.aborted) throw new AppError('cancelled', 'Export cancelled.');
      const started = performance.now();
      const bytes = format === 'xlsx' ? await renderXlsx(doc, { paper: options.paper ?? 'A4', ...(options.appVersion ? { appVersion: options.appVersion } : {}) }) : await renderPdf(doc, { paper: options.paper ?? 'A4' });
      const path = join(options.outDir, `${stem}.${format}`);
      writeAtomically(path, bytes);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      files.push({ path, format, bytes: bytes.length, sha256 });
      logger.info('board pack written', { format, path, bytes: bytes.length, ms: Math.round(performance.now() - started), source: source.kind });
    }
    return files;
  } finally {
    closePackSource(source);
  }
}
