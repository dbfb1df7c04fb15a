import { resolve } from 'node:path';
import { AppError } from '../../../shared/rpc/errors';
import { intFlag, parseFlags, requireFlag } from '../args';
import { UsageError, type CliCommand, type CliIO } from '../command';
import { openCache } from '../../core/db/open';
import { createLogger, type Logger } from '../../core/logging/logger';
import { createOdooClient } from '../../core/odoo/client';
import type { OdooConnectionConfig } from '../../core/odoo/types';
import { createSyncEngine } from '../../core/sync/engine';
import type { SyncReport } from '../../core/sync/types';
import { startDemoSource } from './sync-demo';
import { printSummary, progressPrinter, syncJson } from './sync-output';

const USAGE = [
  'boardpack sync --url U --db D [--login L] --api-key-env VAR --cache FILE [--companies 1,5] [--full] [--hosting auto|online|self-hosted] [--json]',
  'boardpack sync --demo [--scale small|medium|large] [--seed N] [--version 17|18|19] [--fault-rate R] [--online] --cache FILE [--companies 1,5] [--full] [--json]',
].join('\n       ');

function parseCompanies(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  const ids = value.split(',').map((part) => Number(part.trim()));
  if (ids.length === 0 || ids.some((id) => !Number.isInteger(id) || id <= 0)) throw new UsageError(`--companies must be a comma-separated list of company ids, got "${value}"`);
  return ids;
}

async function runEngine(cacheFile: string, config: OdooConnectionConfig, options: { companies?: number[]; full: boolean; json: boolean; pageSize?: number }, io: CliIO, logger: Logger): Promise<SyncReport> {
  const cache = openCache(cacheFile, { logger });
  try {
    const client = createOdooClient(config, { logger });
    const engine = createSyncEngine({ cache, client, logger, source: { url: config.url, db: config.db }, pageSize: options.pageSize });
    return await engine.run({
      companies: options.companies,
      full: options.full,
      signal: io.signal,
      onProgress: options.json ? undefined : progressPrinter(io),
    });
  } finally {
    cache.close();
  }
}

export const command: CliCommand = {
  name: 'sync',
  summary: 'Sync Odoo (or the in-process demo simulator) into a local cache file',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      url: { type: 'string' },
      db: { type: 'string' },
      login: { type: 'string' },
      'api-key-env': { type: 'string' },
      cache: { type: 'string' },
      companies: { type: 'string' },
      full: { type: 'boolean' },
      hosting: { type: 'string' },
      'page-size': { type: 'string' },
      demo: { type: 'boolean' },
      scale: { type: 'string' },
      seed: { type: 'string' },
      version: { type: 'string' },
      'fault-rate': { type: 'string' },
      online: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const cacheFile = resolve(io.cwd, requireFlag(values.cache, 'cache'));
    const json = values.json ?? false;
    const logger = createLogger({ level: 'warn' });
    const options = { companies: parseCompanies(values.companies), full: values.full ?? false, json, pageSize: intFlag(values['page-size'], 'page-size') };

    let report: SyncReport;
    if (values.demo) {
      if (values.url || values.db || values['api-key-env']) throw new UsageError('--demo syncs the built-in simulator: drop --url/--db/--api-key-env');
      const scale = values.scale ?? 'small';
      if (!['small', 'medium', 'large'].includes(scale)) throw new UsageError(`--scale must be small, medium or large, got "${scale}"`);
      const version = intFlag(values.version, 'version') ?? 19;
      if (![17, 18, 19].includes(version)) throw new UsageError(`--version must be 17, 18 or 19, got "${version}"`);
      const faultRate = values['fault-rate'] === undefined ? 0 : Number(values['fault-rate']);
      if (!(faultRate >= 0 && faultRate < 1)) throw new UsageError(`--fault-rate must be a number in [0, 1), got "${values['fault-rate']}"`);
      const demo = await startDemoSource({ scale: scale as 'small' | 'medium' | 'large', seed: intFlag(values.seed, 'seed') ?? 1, version: version as 17 | 18 | 19, faultRate, online: values.online ?? false });
      try {
        report = await runEngine(cacheFile, demo.config, options, io, logger);
      } finally {
        await demo.close();
      }
    } else {
      const url = requireFlag(values.url, 'url');
      const keyVar = requireFlag(values['api-key-env'], 'api-key-env');
      const apiKey = io.env[keyVar];
      if (!apiKey) {
        throw new AppError('validation', `The environment variable ${keyVar} is empty or not set.`, { hint: `Put the Odoo API key in it, e.g. export ${keyVar}=<key> (the key is never printed or logged).` });
      }
      const hosting = values.hosting ?? 'auto';
      if (hosting !== 'auto' && hosting !== 'online' && hosting !== 'self-hosted') throw new UsageError(`--hosting must be auto, online or self-hosted, got "${hosting}"`);
      report = await runEngine(cacheFile, { url, db: requireFlag(values.db, 'db'), login: values.login, apiKey, hosting }, options, io, logger);
    }

    if (json) io.out(JSON.stringify(syncJson(cacheFile, report)));
    else printSummary(cacheFile, report, io);
    if (report.status !== 'ok' && report.error) {
      if (json) return 1;
      throw new AppError(report.error.code, report.error.message, { hint: report.error.hint ?? 'Run the same command again: the sync resumes where it stopped.' });
    }
    return report.status === 'ok' ? 0 : 1;
  },
};
