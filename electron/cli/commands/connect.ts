import { AppError } from '../../../shared/rpc/errors';
import { intFlag, parseFlags, requireFlag } from '../args';
import { UsageError, type CliCommand, type CliIO } from '../command';
import { createLogger } from '../../core/logging/logger';
import { diagnoseConnection, type ConnectionReport } from '../../core/odoo/diagnose';
import type { OdooConnectionConfig } from '../../core/odoo/types';

const PROTOCOLS = ['auto', 'json2', 'jsonrpc'] as const;
const HOSTINGS = ['auto', 'online', 'self-hosted'] as const;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  const match = allowed.find((a) => a === value);
  if (!match) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, got "${value}"`);
  return match;
}

function printHuman(report: ConnectionReport, io: CliIO): void {
  if (report.version) io.out(`Odoo ${report.version} at ${report.url}, database "${report.db}", protocol ${report.protocol ?? '?'}${report.online ? ' (Odoo Online: 1 call at a time, >= 1 s apart)' : ''}`);
  if (report.user) io.out(`User: ${report.user.name}${report.user.login ? ` <${report.user.login}>` : ''} (uid ${report.user.uid}${report.user.tz ? `, tz ${report.user.tz}` : ''})`);
  if (report.companies.length > 0) {
    io.out(`Companies visible (${report.companies.length}):`);
    const width = Math.max(...report.companies.map((c) => String(c.id).length));
    for (const c of report.companies) {
      const marker = c.id === report.defaultCompanyId ? ' (default)' : '';
      io.out(`  ${String(c.id).padStart(width)}  ${c.name}  ${c.currency ?? '?'}${marker}`);
    }
  }
  if (report.models.length > 0) {
    io.out('Reporting models:');
    for (const m of report.models) {
      const state = m.readable ? 'ok     ' : m.available ? 'denied ' : 'missing';
      io.out(`  ${state} ${m.name}${m.required ? ' (required)' : ''}${m.note ? ` - ${m.note}` : ''}`);
    }
  }
  if (report.ok) io.out(`Ready: ${report.models.filter((m) => m.readable).length}/${report.models.length} reporting models readable (${report.stats.calls} calls).`);
}

export const command: CliCommand = {
  name: 'connect',
  summary: 'Check an Odoo connection: version, protocol, user, companies, reporting models',
  usage: 'boardpack connect --url URL --db DB [--login LOGIN] --api-key-env VAR [--protocol auto|json2|jsonrpc] [--hosting auto|online|self-hosted] [--timeout-ms N] [--json]',
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      url: { type: 'string' },
      db: { type: 'string' },
      login: { type: 'string' },
      'api-key-env': { type: 'string' },
      protocol: { type: 'string' },
      hosting: { type: 'string' },
      'timeout-ms': { type: 'string' },
      json: { type: 'boolean' },
    });
    const url = requireFlag(values.url, 'url');
    try {
      new URL(url);
    } catch {
      throw new UsageError(`--url is not a valid URL: "${url}" (expected e.g. https://mycompany.odoo.com)`);
    }
    const keyVar = requireFlag(values['api-key-env'], 'api-key-env');
    const apiKey = io.env[keyVar];
    if (!apiKey) {
      throw new AppError('validation', `The environment variable ${keyVar} is empty or not set.`, {
        hint: `Put the Odoo API key in it, e.g. export ${keyVar}=<key> (the key is never printed or logged).`,
      });
    }
    const config: OdooConnectionConfig = {
      url,
      db: requireFlag(values.db, 'db'),
      login: values.login,
      apiKey,
      protocol: oneOf(values.protocol, PROTOCOLS, 'protocol'),
      hosting: oneOf(values.hosting, HOSTINGS, 'hosting'),
      timeoutMs: intFlag(values['timeout-ms'], 'timeout-ms'),
    };
    const report = await diagnoseConnection(config, { logger: createLogger({ level: 'warn' }), signal: io.signal });
    if (values.json) {
      io.out(JSON.stringify(report));
      return report.ok ? 0 : 1;
    }
    printHuman(report, io);
    if (report.problem) {
      io.err(`error: ${report.problem.message}`);
      if (report.problem.hint) io.err(`hint: ${report.problem.hint}`);
    }
    return report.ok ? 0 : 1;
  },
};
