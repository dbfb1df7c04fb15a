import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCache } from '../../core/db/open';
import { silentLogger } from '../../core/logging/logger';
import { seedTwoCompanyGroup } from '../../core/reports/test-fixture';
import { UsageError, type CliIO } from '../command';
import { command as exportCommand } from './export';

let dir: string;
let cacheFile: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-cli-export-'));
  cacheFile = join(dir, 'cache.sqlite');
  const cache = openCache(cacheFile, { logger: silentLogger });
  seedTwoCompanyGroup(cache.db);
  cache.db.prepare("INSERT INTO sync_run (started_at, finished_at, status, full, companies) VALUES ('2025-04-02 05:00:00', '2025-04-02 05:10:00', 'ok', 1, '1,2')").run();
  cache.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function captureIO(): CliIO & { stdout: string[] } {
  const stdout: string[] = [];
  return { stdout, out: (l) => stdout.push(l), err: () => undefined, env: {}, cwd: dir, signal: new AbortController().signal };
}

describe('boardpack export --company', () => {
  it('takes a comma-separated subset, writes the files and prints one JSON document', async () => {
    const io = captureIO();
    const code = await exportCommand.run(['--cache', cacheFile, '--month', '2025-03', '--company', '2,1', '--format', 'xlsx', '--out', 'subset', '--json'], io);
    expect(code).toBe(0);
    expect(io.stdout).toHaveLength(1);
    const { files } = JSON.parse(io.stdout[0]!) as { files: Array<{ path: string; format: string; bytes: number }> };
    expect(files).toHaveLength(1);
    expect(files[0]!.format).toBe('xlsx');
    expect(statSync(files[0]!.path).size).toBe(files[0]!.bytes);
  });

  it('marks a one-company pack final with a waiver, scoped to that company', async () => {
    const io = captureIO();
    const code = await exportCommand.run(
      ['--cache', cacheFile, '--month', '2025-03', '--company', '1', '--format', 'pdf', '--out', 'final', '--mark-final', '--by', 'CFO', '--waiver', 'Reviewed open items', '--json'],
      io,
    );
    expect(code).toBe(0);
    const result = JSON.parse(io.stdout[0]!) as { final: { by: string; snapshot: string } };
    expect(result.final.by).toBe('CFO');
    expect(statSync(result.final.snapshot).isFile()).toBe(true);
  });

  it('refuses a company list with a non-id in it', async () => {
    await expect(exportCommand.run(['--cache', cacheFile, '--month', '2025-03', '--company', '1,x', '--out', 'bad'], captureIO())).rejects.toThrow(UsageError);
  });
});
