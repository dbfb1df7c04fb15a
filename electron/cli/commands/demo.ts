import { resolve } from 'node:path';
import { intFlag, parseFlags, requireFlag } from '../args';
import { UsageError, type CliCommand } from '../command';
import { systemClock } from '../../core/clock';
import { runDemo } from '../../core/demo-run/run-demo';
import { createLogger } from '../../core/logging/logger';
import type { DemoScale } from '../../demo/types';

const SCALES: readonly DemoScale[] = ['small', 'medium', 'large'];

export const command: CliCommand = {
  name: 'demo',
  summary: 'Run the whole main job on the built-in demo company: generate, serve, sync, reconcile, write the board pack',
  usage: 'boardpack demo --out DIR [--scale small|medium|large] [--seed N] [--month YYYY-MM] [--currency CCY] [--json]',
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      out: { type: 'string' },
      scale: { type: 'string' },
      seed: { type: 'string' },
      month: { type: 'string' },
      currency: { type: 'string' },
      json: { type: 'boolean' },
    });
    const outDir = resolve(io.cwd, requireFlag(values.out, 'out'));
    const scale = (values.scale ?? 'small') as DemoScale;
    if (!SCALES.includes(scale)) throw new UsageError(`--scale must be one of ${SCALES.join(', ')}, got "${values.scale}"`);
    if (values.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month)) throw new UsageError(`--month must be YYYY-MM, got "${values.month}"`);
    const currency = values.currency?.toUpperCase();
    if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) throw new UsageError(`--currency must be an ISO code like EUR, got "${values.currency}"`);
    const result = await runDemo({
      outDir,
      scale,
      seed: intFlag(values.seed, 'seed') ?? 1,
      ...(values.month ? { month: values.month } : {}),
      ...(currency ? { currency } : {}),
      clock: systemClock,
      logger: createLogger({ level: 'warn' }),
      onStep: values.json ? undefined : (step) => io.err(`• ${step}`),
      signal: io.signal,
    });
    if (values.json) {
      io.out(JSON.stringify(result));
      return 0;
    }
    io.out(`Demo company synced: ${result.sync.records} records in ${result.sync.calls} Odoo calls (${result.sync.status}).`);
    io.out(`Reconciled ${result.month}: ${result.reconciliation.records} records, ${result.reconciliation.exceptions} open exceptions (${result.reconciliation.channels.join(', ')}).`);
    io.out(`Plan: budget ${result.plan.budget.imported} rows, CSAT survey ${result.plan.csat.imported} responses imported (${result.plan.budget.rejected + result.plan.csat.rejected} rejected).`);
    io.out(`Board pack for ${result.month}:`);
    for (const file of result.files) io.out(`  ${file.path}`);
    io.out(`Cache: ${result.cache}  (try: boardpack report --cache ${result.cache} --month ${result.month})`);
    return 0;
  },
};
