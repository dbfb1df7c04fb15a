/**
 * The demo company: a seeded, deterministic multi-company Odoo dataset (Brightline Industrial:
 * EUR parent, GBP subsidiary, USD entity at medium/large), matching e-commerce exports with
 * planted discrepancies, and the answer key. See README.md in this folder.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SimDataset } from '../odoo-sim/dataset';
import { runGenerator } from './generate';
import { DatasetSink, FileSink, nullSink } from './sinks';
import type { AnswerKey } from './answer-key';
import type { DemoOptions, DemoSink, DemoSummary } from './types';

export type { DemoScale, DemoOptions, DemoSink, DemoSummary } from './types';
export type { AnswerKey } from './answer-key';
export { DEFAULT_END_MONTH } from './calendar';

/** The Odoo records in memory, for the simulator. */
export function buildDemoDataset(opts: DemoOptions): SimDataset {
  const dataset = new SimDataset();
  runGenerator(opts, new DatasetSink(dataset));
  return dataset;
}

/** Streams every record and export file to `sink`; memory stays bounded. */
export async function generateDemo(opts: DemoOptions, sink: DemoSink): Promise<DemoSummary> {
  return runGenerator(opts, sink).summary;
}

/** The generator's own bookkeeping of every KPI figure and planted discrepancy. */
export function buildAnswerKey(opts: DemoOptions): AnswerKey {
  return runGenerator(opts, nullSink).answerKey;
}

export const ANSWER_KEY_FILE = 'answer-key.json';

/**
 * Writes the exports and answer-key.json to `outDir`; with `odoo: true` also the Odoo records
 * as `odoo/<model>.jsonl` (one JSON object per line).
 */
export async function writeDemoData(opts: DemoOptions & { outDir: string; odoo?: boolean }): Promise<DemoSummary & { answerKeyFile: string }> {
  const sink = new FileSink(opts.outDir, opts.odoo ?? false);
  try {
    const { summary, answerKey } = runGenerator(opts, sink);
    const answerKeyFile = join(opts.outDir, ANSWER_KEY_FILE);
    writeFileSync(answerKeyFile, `${JSON.stringify(answerKey, null, 1)}\n`);
    return { ...summary, answerKeyFile };
  } finally {
    sink.close();
  }
}
