/**
 * Sinks for the generator: into a SimDataset (the simulator), into files (exports,
 * answer key, optional odoo/<model>.jsonl), or nowhere (answer key only).
 */
import { mkdirSync, openSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SimDataset } from '../odoo-sim/dataset';
import type { DemoSink, SimRecord } from './types';

export class DatasetSink implements DemoSink {
  constructor(private readonly dataset: SimDataset) {}

  records(model: string, batch: SimRecord[]): void {
    this.dataset.addRecords(model, batch);
  }

  exportFile(): void {
    // The simulator serves Odoo records only; exports are written by writeDemoData.
  }
}

/**
 * One JSON object per line. Stringifying the whole batch as an array takes V8's fast path
 * (about 40 % quicker at the large scale); the array is then cut between records. JSON never
 * contains a raw newline, so if the cut count is off (a string holding "},{"), fall back.
 */
export function jsonLines(batch: readonly SimRecord[]): string {
  if (batch.length === 0) return '';
  const lines = JSON.stringify(batch).slice(1, -1).replaceAll('},{', '}\n{');
  let newlines = 0;
  for (let i = lines.indexOf('\n'); i !== -1; i = lines.indexOf('\n', i + 1)) newlines++;
  if (newlines === batch.length - 1) return `${lines}\n`;
  return batch.map((record) => `${JSON.stringify(record)}\n`).join('');
}

export const nullSink: DemoSink = { records() {}, exportFile() {} };

/** Writes export files under `outDir`, and Odoo records as JSON lines when `odoo` is set. */
export class FileSink implements DemoSink {
  private readonly files = new Map<string, number>();

  constructor(private readonly outDir: string, private readonly odoo: boolean) {
    mkdirSync(outDir, { recursive: true });
    if (odoo) mkdirSync(join(outDir, 'odoo'), { recursive: true });
  }

  records(model: string, batch: SimRecord[]): void {
    if (!this.odoo) return;
    let fd = this.files.get(model);
    if (fd === undefined) {
      fd = openSync(join(this.outDir, 'odoo', `${model}.jsonl`), 'w');
      this.files.set(model, fd);
    }
    writeSync(fd, jsonLines(batch));
  }

  exportFile(relativePath: string, content: string): void {
    const path = join(this.outDir, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }

  close(): void {
    for (const fd of this.files.values()) closeSync(fd);
    this.files.clear();
  }
}
