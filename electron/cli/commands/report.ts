import { resolve } from 'node:path';
import { parseFlags, requireFlag } from '../args';
import { UsageError, type CliCommand } from '../command';
import { openCache } from '../../core/db/open';
import { silentLogger } from '../../core/logging/logger';
import { buildReport } from '../../core/reports/index';
import { formatMoney } from '../../../shared/money/money';
import type { Kpi, KpiSet, ReportResult } from '../../../shared/reports/types';
import { KPI_IDS, MonthKeySchema } from '../../../shared/reports/types';

const USAGE =
  'boardpack report --cache FILE --month YYYY-MM [--company ID|all] [--currency CCY] [--tz IANA] [--company-tz ID=IANA,...] [--json]';

function parseCompanyTimezones(value: string | undefined): Record<number, string> | undefined {
  if (value === undefined) return undefined;
  const result: Record<number, string> = {};
  for (const part of value.split(',')) {
    const [id, tz] = part.split('=');
    if (!id || !tz || !Number.isInteger(Number(id))) throw new UsageError(`--company-tz expects ID=Zone pairs, got "${part}"`);
    result[Number(id)] = tz;
  }
  return result;
}

function show(kpi: Kpi): string {
  if (kpi.month === null) return kpi.status === 'ok' ? '–' : `n/a (${kpi.status})`;
  switch (kpi.unit.kind) {
    case 'money':
      return `${formatMoney(kpi.month, { parentheses: true })} ${kpi.unit.currency}`;
    case 'percent':
      return `${(kpi.month * 100).toFixed(1)} %`;
    case 'days':
      return `${kpi.month.toFixed(1)} d`;
    case 'ratio':
      return `${kpi.month.toFixed(2)}x`;
    case 'count':
      return String(kpi.month);
  }
}

function ytd(kpi: Kpi): string {
  if (kpi.ytd === null) return '';
  return kpi.unit.kind === 'money' ? formatMoney(kpi.ytd, { parentheses: true }) : kpi.unit.kind === 'percent' ? `${(kpi.ytd * 100).toFixed(1)} %` : String(kpi.ytd);
}

function table(title: string, kpis: KpiSet, out: (line: string) => void): void {
  out(title);
  for (const id of KPI_IDS) {
    const kpi = kpis[id];
    out(`  ${id.padEnd(26)} ${show(kpi).padStart(24)}   YTD ${ytd(kpi)}`);
  }
}

function printHuman(result: ReportResult, out: (line: string) => void): void {
  for (const company of result.companies) {
    table(`${company.name} (#${company.companyId}, ${company.currency}, ${company.timezone}) — ${result.month}`, company.kpis, out);
    out('');
  }
  if (result.consolidated) {
    table(`Consolidated group (${result.consolidated.currency}) — ${result.month}`, result.consolidated.kpis, out);
    out(`  CTA (Σ companies): ${result.consolidated.ctaTotal === null ? 'n/a (missing rate)' : formatMoney(result.consolidated.ctaTotal, { parentheses: true })}`);
    out('');
  }
  out(`Data quality: ${result.dataQuality.length === 0 ? 'no findings' : ''}`);
  for (const f of result.dataQuality) out(`  [${f.severity}] ${f.code} ×${f.count}: ${f.message}`);
}

export const command: CliCommand = {
  name: 'report',
  summary: 'Compute the KPIs, statements and data-quality findings of one month from a cache',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      cache: { type: 'string' },
      month: { type: 'string' },
      company: { type: 'string' },
      currency: { type: 'string' },
      tz: { type: 'string' },
      'company-tz': { type: 'string' },
      'stale-days': { type: 'string' },
      json: { type: 'boolean' },
    });
    const cacheFile = resolve(io.cwd, requireFlag(values.cache, 'cache'));
    const month = requireFlag(values.month, 'month');
    if (!MonthKeySchema.safeParse(month).success) throw new UsageError(`--month must be YYYY-MM, got "${month}"`);
    const company = values.company ?? 'all';
    if (company !== 'all' && !/^\d+(,\d+)*$/.test(company)) throw new UsageError(`--company must be an id, a comma list of ids or "all", got "${company}"`);
    const currency = values.currency?.toUpperCase();
    if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) throw new UsageError(`--currency must be an ISO code like EUR, got "${values.currency}"`);
    const staleDays = values['stale-days'] === undefined ? undefined : Number(values['stale-days']);
    if (staleDays !== undefined && !Number.isInteger(staleDays)) throw new UsageError('--stale-days must be an integer');

    const cache = openCache(cacheFile, { logger: silentLogger, readonly: true });
    try {
      const result = buildReport(
        cache.db,
        {
          month,
          companies: company === 'all' ? 'all' : company.split(',').map(Number),
          currency,
          tz: values.tz,
          staleDraftDays: staleDays,
        },
        { companyTimezones: parseCompanyTimezones(values['company-tz']) },
      );
      if (values.json) io.out(JSON.stringify(result));
      else printHuman(result, io.out);
      return 0;
    } finally {
      cache.close();
    }
  },
};
