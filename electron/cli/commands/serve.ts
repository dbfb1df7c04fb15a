import { parseFlags, intFlag } from '../args';
import type { CliCommand } from '../command';
import { createCore } from '../../core/index';
import { defaultDataDir } from '../../core/data-dir';
import { createLogger } from '../../core/logging/logger';
import { createMemorySecretStore } from '../../core/secrets';
import { startBrowserHost } from '../../node-host/server';
import { ensureRendererBuilt } from '../../node-host/renderer-build';

export const command: CliCommand = {
  name: 'serve',
  summary: 'Run the app in browser mode on 127.0.0.1 and print its URL',
  usage: 'boardpack serve [--port N] [--data-dir DIR] [--json]',
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
    });
    const logger = createLogger({ level: io.env.BOARDPACK_LOG_LEVEL === 'debug' ? 'debug' : 'warn' });
    const dataDir = values['data-dir'] ?? defaultDataDir(io.env);
    const rendererDir = await ensureRendererBuilt(logger);
    const core = createCore({ dataDir, secrets: createMemorySecretStore(), logger });
    const host = await startBrowserHost({ core, rendererDir, logger, port: intFlag(values.port, 'port') });
    if (values.json) {
      io.out(JSON.stringify({ url: host.appUrl, origin: host.url, token: host.token, port: host.port, data_dir: dataDir }));
    } else {
      io.out(`Boardpack is running in browser mode.`);
      io.out(`Open: ${host.appUrl}`);
      io.out(`Data: ${dataDir}`);
      io.out('Press Ctrl-C to stop.');
    }
    await new Promise<void>((resolve) => io.signal.addEventListener('abort', () => resolve(), { once: true }));
    await host.close();
    await core.close();
    return 0;
  },
};
