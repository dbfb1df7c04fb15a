import { createCore } from '../../electron/core/index';
import { createLogger } from '../../electron/core/logging/logger';
import { createMemorySecretStore, type SecretStore } from '../../electron/core/secrets';
import { ensureRendererBuilt } from '../../electron/node-host/renderer-build';
import { startBrowserHost } from '../../electron/node-host/server';

/**
 * Starts another core and browser host over an EXISTING data folder: a "relaunch" of the app,
 * used by the offline-start spec (the fixture always starts from an empty folder). Pass the same
 * `secrets` to both launches when the profile's API key must survive the relaunch (the OS keychain does).
 */
export async function relaunch(dataDir: string, options: { secrets?: SecretStore } = {}) {
  const logger = createLogger({ level: 'warn' });
  const rendererDir = await ensureRendererBuilt(logger);
  const core = createCore({ dataDir, secrets: options.secrets ?? createMemorySecretStore(), logger });
  const host = await startBrowserHost({ core, rendererDir, logger });
  return {
    host,
    core,
    async close(): Promise<void> {
      await host.close();
      await core.close();
    },
  };
}
