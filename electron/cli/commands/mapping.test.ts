import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MappingListingSchema } from '../../../shared/rpc/contracts/mapping';
import { openCache } from '../../core/db/open';
import { silentLogger } from '../../core/logging/logger';
import { seedTwoCompanyGroup } from '../../core/reports/test-fixture';
import { UsageError, type CliIO } from '../command';
import { command } from './mapping';

let dir: string;
let cacheFile: string;

function io(): CliIO & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (line) => lines.push(line), err: () => undefined, env: {}, cwd: dir, signal: new AbortController().signal };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-mapping-cli-'));
  cacheFile = join(dir, 'cache.sqlite');
  const cache = openCache(cacheFile, { logger: silentLogger });
  seedTwoCompanyGroup(cache.db);
  cache.close();
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('boardpack mapping', () => {
  it('sets a rule, lists it as JSON (the contract shape), and removes it', async () => {
    const set = io();
    expect(await command.run(['set', '--cache', cacheFile, '--company', '1', '--prefix', '441', '--category', 'fx', '--note', 'FX', '--json'], set)).toBe(0);
    const listing = MappingListingSchema.parse(JSON.parse(set.lines.join('\n')));
    expect(listing.rules).toEqual([expect.objectContaining({ codePrefix: '441', category: 'fx', note: 'FX', accountCount: 1 })]);
    expect(listing.accounts.find((a) => a.code === '441000')).toMatchObject({ category: 'fx', needsMapping: false, source: 'rule' });

    const human = io();
    expect(await command.run(['list', '--cache', cacheFile, '--company', '1'], human)).toBe(0);
    expect(human.lines.join('\n')).toMatch(/441000 .*FX gains\/losses .*rule 441/);

    const removed = io();
    expect(await command.run(['remove', '--cache', cacheFile, '--company', '1', '--prefix', '441', '--json'], removed)).toBe(0);
    expect(MappingListingSchema.parse(JSON.parse(removed.lines.join(''))).rules).toEqual([]);
  });

  it('refuses bad flags naming them, and unknown companies with the known ones', async () => {
    await expect(command.run(['set', '--cache', cacheFile, '--company', '1', '--prefix', '4 4', '--category', 'fx'], io())).rejects.toThrow(UsageError);
    await expect(command.run(['set', '--cache', cacheFile, '--company', '1', '--prefix', '44', '--category', 'ebitda'], io())).rejects.toThrow(/--category/);
    await expect(command.run(['list', '--cache', cacheFile, '--company', '7'], io())).rejects.toMatchObject({ code: 'not_found', hint: expect.stringContaining('1 (EU GmbH)') });
  });
});
