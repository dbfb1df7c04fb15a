import { createCore } from '../../electron/core/index';
import { createLogger } from '../../electron/core/logging/logger';
import { createMemorySecretStore } from '../../electron/core/secrets';
import { ensureRendererBuilt } from '../../electron/node-host/renderer-build';
import { startBrowserHost } from '../../electron/node-host/server';

/**
 * Starts another core and browser host over an EXISTING data folder: a "relaunch" of the app,
 * used by the offline-start spec (the fixture always starts from an empty folder).
 */
export async function relaunch(dataDir: string) {
  const logger = createLogger({ level: 'warn' });
  const rendererDir = await ensureRendererBuilt(logger);
  const core = createCore({ dataDir, secrets: createMemorySecretStore(), logger });
  const host = await startBrowserHost({ core, rendererDir, logger });
  return {
    host,
    async close(): Promise<void> {
      await host.close();
      await core.close();
    },
  };
}
