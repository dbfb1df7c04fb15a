import { existsSync } from 'node:fs';
import type { TemplateId } from '../../../shared/boardpack/model';
import { AppError } from '../../../shared/rpc/errors';
import { systemClock, type Clock } from '../clock';
import { openCache } from '../db/open';
import type { Logger } from '../logging/logger';
import { buildReport } from '../reports/index';
import { closeSnapshot, inspectSnapshot, snapshotPathFor } from '../snapshot/snapshot-file';
import { loadFinal, recordFinal, type StoredFinalMark } from './pack-store';
import { closePackSource, openPackSource } from './pack-source';
import { reportCompanies, targetCovers, type PackTarget } from './pack-target';

/** Options of {@link markPackFinal}. */
export interface MarkFinalOptions {
  cacheFile: string;
  month: string;
  /** Group, one company or a subset (see pack-target.ts); marked final independently of each other. */
  scope: PackTarget;
  template: TemplateId;
  currency?: string;
  /** Who marks the pack final (required). */
  by: string;
  /** Written reason for going final despite data-quality errors. */
  waiver?: string;
  logger: Logger;
  clock?: Clock;
}

const MIN_WAIVER_CHARS = 10;

/**
 * The final gate: a pack becomes final only when the month's data-quality checks show no error, or with a
 * written waiver. Going final freezes the month (closes its snapshot, or reuses the verified one) and records
 * who, when, the waiver and the snapshot hash. A final pack cannot be marked again.
 */
export function markPackFinal(options: MarkFinalOptions): StoredFinalMark {
  const clock = options.clock ?? systemClock;
  const by = options.by.trim();
  if (by === '') throw new AppError('validation', 'Marking a pack final needs the name of the person approving it.', { hint: 'Pass --by "Full Name".' });
  if (!existsSync(options.cacheFile)) throw new AppError('cache.missing', `The cache ${options.cacheFile} does not exist.`);

  const live = openCache(options.cacheFile, { logger: options.logger });
  try {
    const existing = loadFinal(live.db, options.month, options.scope, options.template);
    if (existing) {
      throw new AppError('validation', `The ${options.template} pack for ${options.month} was already marked final by ${existing.by} at ${existing.at}.`, {
        hint: 'Final packs are immutable; export it again to get the same files.',
      });
    }
  } finally {
    live.close();
  }

  const source = openPackSource(options.cacheFile, options.month, options.logger);
  let errors: number;
  let messages: string[];
  try {
    const report = buildReport(source.cache.db, {
      month: options.month,
      companies: reportCompanies(options.scope),
      ...(options.currency ? { currency: options.currency } : {}),
    });
    const inScope = report.dataQuality.filter((finding) => finding.severity === 'error' && targetCovers(options.scope, finding.companyId));
    errors = inScope.reduce((sum, finding) => sum + Math.max(1, finding.count), 0);
    messages = inScope.map((finding) => finding.message);
  } finally {
    closePackSource(source);
  }
  const waiver = options.waiver?.trim();
  if (errors > 0 && (!waiver || waiver.length < MIN_WAIVER_CHARS)) {
    throw new AppError('validation', `The data-quality checks found ${errors} error(s) for ${options.month}; the pack cannot be marked final without a written waiver.`, {
      hint: `Fix them and sync again, or pass --waiver "<why the board can rely on the figures>" (at least ${MIN_WAIVER_CHARS} characters). First: ${messages[0] ?? ''}`,
      details: { errors, messages },
    });
  }

  const snapshotFile = snapshotPathFor(options.cacheFile, options.month);
  const snapshot = existsSync(snapshotFile) ? inspectSnapshot(snapshotFile, { logger: options.logger }) : closeSnapshot(options.cacheFile, options.month, { logger: options.logger, clock });
  if (!snapshot.verified) {
    throw new AppError('cache.damaged', `The snapshot ${snapshotFile} does not match its content hash.`, { hint: 'Move it aside and mark the pack final again to close the month afresh.' });
  }
  const mark: StoredFinalMark = {
    by,
    at: clock.now().toISOString(),
    ...(errors > 0 && waiver ? { waiver } : {}),
    errorFindings: errors,
    snapshotFile: snapshot.file,
    snapshotHash: snapshot.content_hash,
  };
  const writable = openCache(options.cacheFile, { logger: options.logger });
  try {
    recordFinal(writable.db, { month: options.month, scope: options.scope, template: options.template, mark });
  } finally {
    writable.close();
  }
  options.logger.info('board pack marked final', { month: options.month, template: options.template, errors, snapshot: snapshot.file });
  return mark;
}
