import type { HandlersFor } from '../rpc/handlers';
import type { CoreServices } from '../services';
import { APP_NAME, APP_VERSION } from '../app-info';

/** Handlers of the `app.*` methods. */
export function createAppHandlers(services: CoreServices): HandlersFor<'app.getInfo' | 'app.ping'> {
  return {
    'app.getInfo': async () => {
      const persistence = services.secrets.persistence();
      return {
        name: APP_NAME,
        version: APP_VERSION,
        dataDir: services.dataDir,
        secretsPersistent: persistence.persistent,
        secretsNote: persistence.note,
      };
    },
    'app.ping': async ({ message }) => ({ message, receivedAt: services.clock.now().toISOString() }),
  };
}
