import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../command';
import { command as snapshot } from './snapshot';
import { command as sync } from './sync';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-cli-sync-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function captureIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), env: {}, cwd: dir, signal: new AbortController().signal };
}

describe('boardpack sync / snapshot (demo)', () => {
  it('syncs the demo company, prints one JSON document, closes, lists and diffs snapshots', async () => {
    const io = captureIO();
    expect(await sync.run(['--demo', '--cache', 'demo.sqlite', '--json'], io)).toBe(0);
    expect(io.stdout).toHaveLength(1);
    const report = JSON.parse(io.stdout[0]) as { cache: string; status: string; models: Array<Record<string, unknown>>; calls: number; duration_ms: number };
    expect(report.cache).toBe(join(dir, 'demo.sqlite'));
    expect(report.status).toBe('ok');
    expect(Object.keys(report.models[0]).sort()).toEqual(['calls', 'company_id', 'deleted', 'model', 'records', 'skipped']);
    expect(report.models.some((m) => (m.records as number) > 0)).toBe(true);
    expect(report.calls).toBeGreaterThan(report.models.length);

    const close = captureIO();
    expect(await snapshot.run(['close', '--cache', 'demo.sqlite', '--month', '2026-10', '--json'], close)).toBe(0);
    const closed = JSON.parse(close.stdout[0]) as { month: string; content_hash: string; verified: boolean; file: string };
    expect(closed).toMatchObject({ month: '2026-10', verified: true });
    expect(closed.content_hash).toMatch(/^[0-9a-f]{64}$/);

    // A no-change resync and a second close: same hash, empty diff.
    expect(await sync.run(['--demo', '--cache', 'demo.sqlite', '--json'], captureIO())).toBe(0);
    expect(await snapshot.run(['close', '--cache', 'demo.sqlite', '--month', '2026-11', '--json'], captureIO())).toBe(0);
    const list = captureIO();
    expect(await snapshot.run(['list', '--cache', 'demo.sqlite', '--json'], list)).toBe(0);
    const listed = JSON.parse(list.stdout[0]) as { snapshots: Array<{ month: string; content_hash: string; verified: boolean }> };
    expect(listed.snapshots.map((s) => [s.month, s.verified, s.content_hash])).toEqual([['2026-10', true, closed.content_hash], ['2026-11', true, closed.content_hash]]);
    const diff = captureIO();
    expect(await snapshot.run(['diff', 'demo.snapshot-2026-10.sqlite', 'demo.snapshot-2026-11.sqlite', '--json'], diff)).toBe(0);
    expect((JSON.parse(diff.stdout[0]) as { models: unknown[] }).models).toEqual([]);
  }, 120_000);

  it('rejects bad flags with usage errors', async () => {
    await expect(sync.run(['--demo', '--cache', 'x.sqlite', '--scale', 'huge'], captureIO())).rejects.toThrow(/--scale/);
    await expect(sync.run(['--cache', 'x.sqlite', '--companies', '1,a', '--demo'], captureIO())).rejects.toThrow(/--companies/);
    await expect(snapshot.run(['close', '--cache', 'x.sqlite', '--month', '2026-13'], captureIO())).rejects.toThrow(/YYYY-MM/);
    await expect(snapshot.run(['frobnicate'], captureIO())).rejects.toThrow(/unknown action/);
  });
});
