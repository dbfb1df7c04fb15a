import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/rpc/errors';
import { parseFlags, requireFlag } from '../args';
import { UsageError, type CliCommand } from '../command';
import { openCache } from '../../core/db/open';
import { silentLogger } from '../../core/logging/logger';
import { importBudgetFile } from '../../core/importers/budget/import-budget';
import type { ImportOutcome } from '../../core/importers/budget/import-outcome';
import { importCsatFile } from '../../core/importers/csat/import-csat';

const USAGE = [
  'boardpack import budget --cache FILE --file PATH [--json]',
  '       boardpack import csat --cache FILE --file PATH [--scale N] [--tz IANA] [--json]',
  '',
  'budget: CSV/TSV/XLSX, one amount per row; columns company (id or name), kpi (net_revenue, cogs, opex,',
  '        ebitda, gross_margin) or account (code prefix) or account_or_kpi, month (YYYY-MM), amount',
  '        (company currency, revenue and costs both positive; decimal comma and thousands separators ok).',
  'csat:   CSV/TSV/XLSX, one response per row; columns date (or month), score; optional company, scale,',
  '        response_id, respondent, channel. A score of 80 % of the scale or more counts as satisfied.',
  'Re-importing a file of the same name replaces its earlier rows. Exit 1 when any row was rejected.',
].join('\n');

const LISTED_REJECTIONS = 50;

function printHuman(outcome: ImportOutcome, out: (line: string) => void): void {
  const replaced = outcome.replaced > 0 ? `; replaced ${outcome.replaced} stored row(s) of an earlier import` : '';
  out(`${outcome.file}: ${outcome.read} row(s) read, ${outcome.imported} imported, ${outcome.rejected.length} rejected${replaced}`);
  for (const r of outcome.rejected.slice(0, LISTED_REJECTIONS)) out(`  line ${r.line}: ${r.reason}`);
  if (outcome.rejected.length > LISTED_REJECTIONS) out(`  … and ${outcome.rejected.length - LISTED_REJECTIONS} more (--json lists them all)`);
  if (outcome.imported === 0 && outcome.read > 0) out('Nothing was imported; rows stored by an earlier import of this file are unchanged.');
  else if (outcome.rejected.length > 0) out('Fix the rejected lines and import the file again: its rows are replaced, not added.');
}

export const command: CliCommand = {
  name: 'import',
  summary: 'Import a budget (CSV/XLSX) or a customer-satisfaction survey export into a cache',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      argv,
      { cache: { type: 'string' }, file: { type: 'string' }, scale: { type: 'string' }, tz: { type: 'string' }, json: { type: 'boolean' } },
      true,
    );
    const [kind, ...extra] = positionals;
    if (kind !== 'budget' && kind !== 'csat') throw new UsageError(`say what to import: "budget" or "csat"${kind ? `, not "${kind}"` : ''}`);
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const cacheFile = resolve(io.cwd, requireFlag(values.cache, 'cache'));
    const path = resolve(io.cwd, requireFlag(values.file, 'file'));
    const scale = values.scale === undefined ? undefined : Number(values.scale.replace(',', '.'));
    if (scale !== undefined && !(scale > 0)) throw new UsageError(`--scale must be a positive number, got "${values.scale}"`);
    if (kind === 'budget' && (values.scale !== undefined || values.tz !== undefined)) throw new UsageError('--scale and --tz apply to csat imports only');
    if (!existsSync(cacheFile)) {
      throw new AppError('cache.missing', `No cache at ${cacheFile}.`, { hint: 'Run `boardpack sync` first, or check the --cache path.' });
    }
    const cache = openCache(cacheFile, { logger: silentLogger });
    try {
      const outcome =
        kind === 'budget'
          ? await importBudgetFile(cache.db, path, { signal: io.signal })
          : await importCsatFile(cache.db, path, { signal: io.signal, scaleMax: scale, timeZone: values.tz });
      if (values.json) io.out(JSON.stringify(outcome));
      else printHuman(outcome, io.out);
      return outcome.rejected.length > 0 ? 1 : 0;
    } finally {
      cache.close();
    }
  },
};
