import { resolve } from 'node:path';
import { parseFlags, requireFlag } from '../args';
import { UsageError, type CliCommand } from '../command';
import { exportBoardPack, type PackFormat } from '../../core/boardpack/export-pack';
import { markPackFinal } from '../../core/boardpack/final-gate';
import { resolvePackTarget, type PackCompanies, type PackTarget } from '../../core/boardpack/pack-target';
import { openCache } from '../../core/db/open';
import { listCompanyIds } from '../../core/reports/context';
import { APP_VERSION } from '../../core/app-info';
import { silentLogger } from '../../core/logging/logger';
import type { AmountScale, TemplateId } from '../../../shared/boardpack/model';
import { MonthKeySchema } from '../../../shared/reports/types';

const USAGE =
  'boardpack export --cache FILE --month YYYY-MM [--company ID|ID,ID...|all] [--currency CCY] [--template board|sales] [--format xlsx,pdf] ' +
  '[--paper A4|Letter] [--scale k|m|units] [--mark-final --by NAME [--waiver TEXT]] --out DIR [--json]';

function parseFormats(value: string | undefined): PackFormat[] {
  const formats = (value ?? 'xlsx,pdf').split(',').map((part) => part.trim()).filter((part) => part !== '');
  const unique = [...new Set(formats)];
  for (const format of unique) if (format !== 'xlsx' && format !== 'pdf') throw new UsageError(`--format accepts xlsx and pdf, got "${format}"`);
  if (unique.length === 0) throw new UsageError('--format needs at least one of xlsx, pdf');
  return unique.filter((format): format is PackFormat => format === 'xlsx' || format === 'pdf');
}

/** `all`, one company id, or a comma-separated subset of ids (consolidated together). */
function parseCompany(value: string | undefined): PackCompanies {
  if (value === undefined || value === 'all') return 'all';
  const ids = value.split(',').map((part) => part.trim()).filter((part) => part !== '').map(Number);
  if (ids.length === 0 || ids.some((id) => !Number.isInteger(id) || id <= 0)) {
    throw new UsageError(`--company must be an Odoo company id, a comma-separated list of ids, or "all", got "${value}"`);
  }
  return ids.length === 1 ? ids[0]! : ids;
}

/** The final gate's scope for the requested companies, resolved against the companies in the cache. */
function finalScope(cacheFile: string, company: PackCompanies): PackTarget {
  const cache = openCache(cacheFile, { logger: silentLogger, readonly: true });
  try {
    return resolvePackTarget(listCompanyIds(cache.db), company);
  } finally {
    cache.close();
  }
}

function parseChoice<T extends string>(value: string | undefined, flag: string, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  const found = choices.find((choice) => choice === value);
  if (!found) throw new UsageError(`--${flag} must be one of ${choices.join(', ')}, got "${value}"`);
  return found;
}

export const command: CliCommand = {
  name: 'export',
  summary: 'Write the monthly board pack (Excel with live formulas, PDF) from the cache or the closed month',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      cache: { type: 'string' },
      month: { type: 'string' },
      company: { type: 'string' },
      currency: { type: 'string' },
      template: { type: 'string' },
      format: { type: 'string' },
      paper: { type: 'string' },
      scale: { type: 'string' },
      out: { type: 'string' },
      'mark-final': { type: 'boolean' },
      by: { type: 'string' },
      waiver: { type: 'string' },
      json: { type: 'boolean' },
    });
    const cacheFile = resolve(io.cwd, requireFlag(values.cache, 'cache'));
    const month = requireFlag(values.month, 'month');
    if (!MonthKeySchema.safeParse(month).success) throw new UsageError(`--month must be YYYY-MM, got "${month}"`);
    const outDir = resolve(io.cwd, requireFlag(values.out, 'out'));
    const company = parseCompany(values.company);
    const template = parseChoice<TemplateId>(values.template, 'template', ['board', 'sales'], 'board');
    const paper = parseChoice(values.paper, 'paper', ['A4', 'Letter'] as const, 'A4');
    const scale = parseChoice<AmountScale>(values.scale, 'scale', ['k', 'm', 'units'], 'k');
    const currency = values.currency?.toUpperCase();
    if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) throw new UsageError(`--currency must be an ISO code like EUR, got "${values.currency}"`);
    const formats = parseFormats(values.format);
    if (values['mark-final'] && !values.by) throw new UsageError('--mark-final needs --by NAME (who approves the pack)');

    let final: { by: string; at: string; snapshot: string } | null = null;
    if (values['mark-final']) {
      const mark = markPackFinal({
        cacheFile,
        month,
        scope: finalScope(cacheFile, company),
        template,
        by: values.by ?? '',
        ...(values.waiver ? { waiver: values.waiver } : {}),
        ...(currency ? { currency } : {}),
        logger: silentLogger,
      });
      final = { by: mark.by, at: mark.at, snapshot: mark.snapshotFile };
    }
    const files = await exportBoardPack({
      cacheFile,
      month,
      company,
      template,
      formats,
      outDir,
      paper,
      scale,
      ...(currency ? { currency } : {}),
      logger: silentLogger,
      appVersion: APP_VERSION,
      signal: io.signal,
    });
    if (values.json) {
      io.out(JSON.stringify({ files, ...(final ? { final } : {}) }));
    } else {
      if (final) io.out(`marked final by ${final.by} at ${final.at}; month frozen in ${final.snapshot}`);
      for (const file of files) io.out(`${file.path}  (${file.format}, ${file.bytes} bytes, sha256 ${file.sha256.slice(0, 16)})`);
    }
    return 0;
  },
};
