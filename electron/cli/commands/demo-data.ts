import { resolve, relative } from 'node:path';
import { parseFlags, requireFlag, intFlag } from '../args';
import { UsageError } from '../command';
import type { CliCommand } from '../command';
import { AppError } from '../../../shared/rpc/errors';
import { writeDemoData } from '../../demo/index';
import type { DemoScale } from '../../demo/index';

const SCALES: readonly DemoScale[] = ['small', 'medium', 'large'];

export const command: CliCommand = {
  name: 'demo-data',
  summary: 'Write the demo company exports and answer key (optionally its Odoo records)',
  usage: 'boardpack demo-data --scale small|medium|large --out DIR [--seed N] [--end-month YYYY-MM] [--odoo] [--json]',
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      scale: { type: 'string' }, seed: { type: 'string' }, 'end-month': { type: 'string' }, out: { type: 'string' },
      odoo: { type: 'boolean' }, json: { type: 'boolean' },
    });
    const scale = requireFlag(values.scale, 'scale');
    if (!SCALES.includes(scale as DemoScale)) throw new UsageError(`--scale must be small, medium or large, got "${scale}"`);
    const outDir = resolve(io.cwd, requireFlag(values.out, 'out'));
    const seed = intFlag(values.seed, 'seed');
    if (seed !== undefined && seed < 0) throw new UsageError(`--seed must be a non-negative integer, got "${String(values.seed)}"`);
    const endMonth = values['end-month'];
    if (endMonth !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(endMonth)) throw new UsageError(`--end-month must look like YYYY-MM, got "${endMonth}"`);
    let summary;
    try {
      summary = await writeDemoData({ scale: scale as DemoScale, seed, endMonth, outDir, odoo: values.odoo ?? false });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC') throw new AppError('io.disk_full', `disk full while writing ${outDir}`, { hint: 'free some space or choose another --out folder', cause: error });
      if (code === 'EACCES' || code === 'EROFS' || code === 'ENOTDIR') throw new AppError('export.failed', `cannot write to ${outDir} (${String(code)})`, { hint: 'choose a writable --out folder', cause: error });
      throw error;
    }
    const files = [...summary.exportFiles, relative(outDir, summary.answerKeyFile)];
    if (values.odoo) files.push(...Object.keys(summary.counts).filter((k) => !k.startsWith('export:')).map((model) => `odoo/${model}.jsonl`));
    if (values.json) {
      io.out(JSON.stringify({ out: outDir, scale: summary.scale, seed: summary.seed, endMonth: summary.endMonth, files, counts: summary.counts }));
    } else {
      io.out(`Demo company (${summary.scale}, seed ${summary.seed}, ${summary.endMonth}) written to ${outDir}`);
      io.out(`  ${summary.exportFiles.length} export files, answer key: ${relative(outDir, summary.answerKeyFile)}`);
      io.out(`  journal items: ${summary.counts['account.move.line'] ?? 0}, sale orders: ${summary.counts['sale.order'] ?? 0}`);
    }
    return 0;
  },
};
