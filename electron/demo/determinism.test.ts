// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { writeDemoData, buildAnswerKey, buildDemoDataset } from './index';
import { command } from '../cli/commands/demo-data';
import type { SimRecord } from './types';

function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

describe('determinism and entry points', () => {
  it('same seed, scale and end month -> byte-identical files (exports, answer key, Odoo records)', async () => {
    const a = mkdtempSync(join(tmpdir(), 'demo-a-'));
    const b = mkdtempSync(join(tmpdir(), 'demo-b-'));
    const c = mkdtempSync(join(tmpdir(), 'demo-c-'));
    try {
      await writeDemoData({ scale: 'small', seed: 7, outDir: a, odoo: true });
      await writeDemoData({ scale: 'small', seed: 7, outDir: b, odoo: true });
      await writeDemoData({ scale: 'small', seed: 8, outDir: c, odoo: false });
      const ha = hashTree(a);
      expect(Object.keys(ha).length).toBeGreaterThan(100);
      expect(ha['odoo/account.move.line.jsonl']).toBeDefined();
      expect(hashTree(b)).toEqual(ha);
      expect(hashTree(c)['answer-key.json']).not.toBe(ha['answer-key.json']);
    } finally {
      for (const d of [a, b, c]) rmSync(d, { recursive: true, force: true });
    }
  }, 60_000);

  it('buildAnswerKey and buildDemoDataset agree with each other; endMonth moves the window', () => {
    const key = buildAnswerKey({ scale: 'small', endMonth: '2025-06' });
    expect(key.companies[0]!.months[0]!.month).toBe('2023-07');
    expect(key.companies[0]!.months[23]!.month).toBe('2025-06');
    const dataset = buildDemoDataset({ scale: 'small', endMonth: '2025-06' });
    expect(dataset.table('account.move.line').length).toBe(key.totals.journal_items);
    expect(dataset.table('account.move').length).toBe(key.totals.moves);
    expect(dataset.table('account.move.line').every((l) => (l.date as string) <= '2025-06-30')).toBe(true);
    expect(() => buildAnswerKey({ scale: 'small', endMonth: '2025-13' })).toThrow(/YYYY-MM/);
  }, 60_000);

  it('boardpack demo-data --json prints one JSON document naming what it wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-cli-'));
    const out: string[] = [];
    const err: string[] = [];
    try {
      const code = await command.run(['--scale', 'small', '--out', dir, '--json'], { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd: dir, signal: new AbortController().signal });
      expect(code).toBe(0);
      expect(out).toHaveLength(1);
      const doc = JSON.parse(out[0]!) as { out: string; files: string[]; counts: Record<string, number> };
      expect(doc.out).toBe(dir);
      expect(doc.files).toContain('answer-key.json');
      expect(doc.files).toContain('woocommerce/orders_2026-11.csv');
      expect(doc.counts['account.move.line']).toBeGreaterThan(3000);
      for (const file of doc.files) expect(statSync(join(dir, file)).isFile()).toBe(true);
      await expect(command.run(['--scale', 'huge', '--out', dir], { out: () => {}, err: () => {}, env: {}, cwd: dir, signal: new AbortController().signal })).rejects.toThrow(/small, medium or large/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('jsonLines', () => {
  it('writes one JSON object per line, even when a string contains the record separator', async () => {
    const { jsonLines } = await import('./sinks');
    const batch: SimRecord[] = [{ id: 1, name: 'a' }, { id: 2, name: 'x},{y', ids: [1, 2] }, { id: 3, name: false }];
    const text = jsonLines(batch);
    expect(text.split('\n').slice(0, -1).map((l) => JSON.parse(l) as unknown)).toEqual(batch);
    expect(jsonLines([{ id: 1 }, { id: 2 }])).toBe('{"id":1}\n{"id":2}\n');
  });
});
