import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { currencyDecimals } from '../../../shared/boardpack/build';
import { toMajorString } from '../../../shared/money/money';
import { formatOdooDatetime, localDateOf } from '../../../shared/period/timezone';
import {
  BS_CLASS_LABELS,
  MAPPING_CATEGORIES,
  MAPPING_CATEGORY_INFO,
  mappingContract,
  type MappedAccount,
  type MappingListing,
  type MappingPreview,
} from '../../../shared/rpc/contracts/mapping';
import { AppError } from '../../../shared/rpc/errors';
import { parseFlags, requireFlag } from '../args';
import { UsageError, type CliCommand } from '../command';
import { systemClock } from '../../core/clock';
import { openCache } from '../../core/db/open';
import { silentLogger } from '../../core/logging/logger';
import { buildMappingListing, previewMappingRule } from '../../core/mapping/listing';
import { deleteRule, requireCompany, upsertRule } from '../../core/mapping/store';
import { defaultTimezone } from '../../core/reports/context';

const USAGE = [
  'boardpack mapping list    --cache FILE --company ID [--needs-mapping] [--json]',
  '       boardpack mapping preview --cache FILE --company ID --prefix P --category C [--json]',
  '       boardpack mapping set     --cache FILE --company ID --prefix P --category C [--note TEXT] [--json]',
  '       boardpack mapping remove  --cache FILE --company ID --prefix P [--json]',
  '',
  'The account mapping refines what Odoo account types cannot separate (interest, income tax, FX, marketplace',
  'fees...): every account whose code starts with P is reported as category C; the longest prefix wins.',
  `Categories: ${MAPPING_CATEGORIES.join(', ')}.`,
  'A closed month keeps the mapping of its snapshot; the live cache (dashboard, open months) uses the new one.',
].join('\n');

/** Parses the flags with the RPC contract's own input schema, so CLI and app accept exactly the same values. */
function parseInput<S extends z.ZodType>(schema: S, input: Record<string, unknown>): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const flag: Record<string, string> = { companyId: '--company', codePrefix: '--prefix', category: '--category', note: '--note' };
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  throw new UsageError(`${flag[field] ?? field}: ${issue?.message ?? 'invalid value'}`);
}

const money = (minor: number, currency: string) => toMajorString(minor, currencyDecimals(currency));

function reportedAs(a: MappedAccount): string {
  if (a.category) return MAPPING_CATEGORY_INFO[a.category].label;
  return a.bsClass ? BS_CLASS_LABELS[a.bsClass] : 'not classified';
}

function decidedBy(a: MappedAccount): string {
  if (a.source === 'rule' || a.source === 'inventory_role') return `${a.source === 'rule' ? 'rule' : 'inventory role'} ${a.sourcePrefix ?? ''}`;
  if (a.source === 'detected') return 'detected';
  return `type ${a.accountType ?? '?'}`;
}

function printListing(listing: MappingListing, needsOnly: boolean, out: (line: string) => void): void {
  const window = listing.window ? `balances ${listing.window.from}..${listing.window.to}` : 'no posted entries';
  out(`${listing.companyName} (company ${listing.companyId}, ${listing.currency}), ${window}`);
  const accounts = needsOnly ? listing.accounts.filter((a) => a.needsMapping) : listing.accounts;
  for (const a of accounts) {
    const flag = a.needsMapping ? '  [needs mapping]' : '';
    out(`  ${a.code.padEnd(10)} ${a.name.slice(0, 34).padEnd(34)} ${reportedAs(a).padEnd(30)} ${decidedBy(a).padEnd(26)} ${money(a.balance, listing.currency).padStart(16)}${flag}`);
  }
  out(`Rules: ${listing.rules.length === 0 ? 'none' : ''}`);
  for (const r of listing.rules) out(`  ${r.codePrefix.padEnd(10)} → ${MAPPING_CATEGORY_INFO[r.category].label} (${r.accountCount} account(s))${r.note ? ` — ${r.note}` : ''}`);
  out(`${listing.accounts.filter((a) => a.needsMapping).length} account(s) need a mapping.`);
}

function printPreview(preview: MappingPreview, out: (line: string) => void): void {
  out(`Rule ${preview.codePrefix} → ${MAPPING_CATEGORY_INFO[preview.category].label} would move ${preview.changes.length} account(s); EBITDA over 12 months ${preview.ebitdaDelta >= 0 ? '+' : ''}${money(preview.ebitdaDelta, preview.currency)} ${preview.currency}`);
  for (const c of preview.changes) {
    out(`  ${c.code.padEnd(10)} ${c.name.slice(0, 34).padEnd(34)} ${c.from ?? '-'} → ${c.to ?? '-'}  ${money(c.balance, preview.currency)}`);
  }
  if (preview.shadowedByLongerRule > 0) out(`  ${preview.shadowedByLongerRule} account(s) stay with a longer rule.`);
  if (preview.balanceSheetIgnored > 0) out(`  ${preview.balanceSheetIgnored} balance-sheet account(s) under the prefix are not affected.`);
}

export const command: CliCommand = {
  name: 'mapping',
  summary: 'List, preview, set or remove account-mapping rules (code prefix → P&L category) of a cache',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      argv,
      {
        cache: { type: 'string' }, company: { type: 'string' }, prefix: { type: 'string' }, category: { type: 'string' }, note: { type: 'string' },
        'needs-mapping': { type: 'boolean' }, json: { type: 'boolean' },
      },
      true,
    );
    const [verb, ...extra] = positionals;
    if (verb !== 'list' && verb !== 'preview' && verb !== 'set' && verb !== 'remove') throw new UsageError(`say what to do: list, preview, set or remove${verb ? `, not "${verb}"` : ''}`);
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const cacheFile = resolve(io.cwd, requireFlag(values.cache, 'cache'));
    const companyId = Number(requireFlag(values.company, 'company'));
    if (!existsSync(cacheFile)) throw new AppError('cache.missing', `No cache at ${cacheFile}.`, { hint: 'Run `boardpack sync` first, or check the --cache path.' });

    const writes = verb === 'set' || verb === 'remove';
    const cache = openCache(cacheFile, { logger: silentLogger, readonly: !writes });
    try {
      const db = cache.db;
      const today = localDateOf(formatOdooDatetime(systemClock.now().getTime()), defaultTimezone(db));
      let listing: MappingListing;
      if (verb === 'preview') {
        const input = parseInput(mappingContract['mapping.preview'].input, { companyId, codePrefix: values.prefix ?? '', category: values.category });
        const preview = previewMappingRule(db, input.companyId, input, today);
        if (values.json) io.out(JSON.stringify(preview));
        else printPreview(preview, io.out);
        return 0;
      }
      if (verb === 'set') {
        const input = parseInput(mappingContract['mapping.saveRule'].input, { companyId, codePrefix: values.prefix ?? '', category: values.category, note: values.note });
        requireCompany(db, input.companyId);
        upsertRule(db, input.companyId, { codePrefix: input.codePrefix, category: input.category, note: input.note || null }, systemClock.now().toISOString());
        listing = buildMappingListing(db, input.companyId, today);
      } else if (verb === 'remove') {
        const input = parseInput(mappingContract['mapping.removeRule'].input, { companyId, codePrefix: values.prefix ?? '' });
        requireCompany(db, input.companyId);
        deleteRule(db, input.companyId, input.codePrefix);
        listing = buildMappingListing(db, input.companyId, today);
      } else {
        const input = parseInput(mappingContract['mapping.listAccounts'].input, { companyId });
        listing = buildMappingListing(db, input.companyId, today);
      }
      if (values.json) io.out(JSON.stringify(listing));
      else printListing(listing, values['needs-mapping'] ?? false, io.out);
      return 0;
    } finally {
      cache.close();
    }
  },
};
