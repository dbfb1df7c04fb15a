import { parseFlags, intFlag } from '../args';
import { UsageError, type CliCommand } from '../command';
import { createLogger } from '../../core/logging/logger';
import { loadSimDataset, type DatasetScale } from '../../odoo-sim/dataset-source';
import { startOdooSimulator } from '../../odoo-sim/server';

const SCALES: DatasetScale[] = ['small', 'medium', 'large'];

export const command: CliCommand = {
  name: 'odoo-sim',
  summary: 'Run the protocol-faithful Odoo simulator on 127.0.0.1 (foreground, Ctrl-C to stop)',
  usage: 'boardpack odoo-sim [--port N] [--version 17|18|19] [--scale small|medium|large] [--seed N] [--hand-made] [--db NAME] [--online-limits] [--faults RATE] [--latency MS] [--json]',
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      port: { type: 'string' },
      version: { type: 'string' },
      scale: { type: 'string' },
      seed: { type: 'string' },
      'hand-made': { type: 'boolean' },
      db: { type: 'string' },
      'online-limits': { type: 'boolean' },
      faults: { type: 'string' },
      latency: { type: 'string' },
      json: { type: 'boolean' },
    });
    const version = intFlag(values.version, 'version') ?? 19;
    if (version !== 17 && version !== 18 && version !== 19) throw new UsageError(`--version must be 17, 18 or 19, got "${values.version}"`);
    const scale = (values.scale ?? 'small') as DatasetScale;
    if (!SCALES.includes(scale)) throw new UsageError(`--scale must be one of ${SCALES.join(', ')}, got "${values.scale}"`);
    const faultRate = values.faults === undefined ? 0 : Number(values.faults);
    if (!Number.isFinite(faultRate) || faultRate < 0 || faultRate > 1) throw new UsageError(`--faults must be a rate between 0 and 1, got "${values.faults}"`);
    const latencyMs = intFlag(values.latency, 'latency') ?? 0;
    if (latencyMs < 0) throw new UsageError('--latency must be >= 0');
    const seed = intFlag(values.seed, 'seed') ?? 1;
    const logger = createLogger({ level: io.env.BOARDPACK_LOG_LEVEL === 'debug' ? 'debug' : 'warn' });

    const { dataset, source } = loadSimDataset({ scale, seed, handMade: values['hand-made'] ?? false });
    const sim = await startOdooSimulator({
      dataset,
      version,
      db: values.db ?? 'boardpack',
      port: intFlag(values.port, 'port') ?? 0,
      latencyMs,
      faultRate,
      faultSeed: seed,
      onlineLimits: values['online-limits'] ?? false,
      logger,
    });
    const c = sim.credentials;
    if (values.json) {
      io.out(JSON.stringify({ url: c.url, db: c.db, login: c.login, password: c.password, api_key: c.api_key }));
    } else {
      io.out(`Odoo ${version}.0 simulator listening on ${c.url}`);
      io.out(`Data:     ${source === 'seed-small' ? 'small hand-made dataset (2 companies)' : `demo company (scale ${scale}, seed ${seed})`}`);
      io.out(`Database: ${c.db}`);
      io.out(`Login:    ${c.login}`);
      io.out(`Password: ${c.password}`);
      io.out(`API key:  ${c.api_key}`);
      io.out(`Restricted user: ${sim.restricted.login} / ${sim.restricted.password} / ${sim.restricted.api_key}`);
      io.out('Press Ctrl-C to stop.');
    }
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) resolve();
      else io.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await sim.close();
    return 0;
  },
};
