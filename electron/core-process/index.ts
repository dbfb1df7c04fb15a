import { createCore } from '../core/index';
import { createLogger } from '../core/logging/logger';
import type { SecretStore } from '../core/secrets';
import type { FromCore, ToCore } from './protocol';

/**
 * Entry of the core's own process (Electron utilityProcess when packaged; a Node child in development,
 * so better-sqlite3 keeps its Node build). Keeps the main process free of synchronous SQLite and
 * CPU-heavy exports. Talks to main only through typed messages.
 */
interface ParentPort {
  postMessage(message: FromCore): void;
  on(event: 'message', listener: (message: { data: ToCore } | ToCore) => void): void;
}

const utilityPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
const port: ParentPort = utilityPort ?? {
  postMessage: (message) => process.send?.(message),
  on: (_event, listener) => process.on('message', (message) => listener(message as ToCore)),
};
const unwrap = (message: { data: ToCore } | ToCore): ToCore => ('data' in message ? message.data : message);

const logger = createLogger({ level: process.env.BOARDPACK_LOG_LEVEL === 'debug' ? 'debug' : 'info' });
const waiting = new Map<number, (value?: string) => void>();
let nextSecretRequest = 1;
let core: ReturnType<typeof createCore> | null = null;
const inflight = new Map<string | number, AbortController>();

function askMain(op: 'get' | 'set' | 'delete', name: string, value?: string): Promise<string | undefined> {
  const requestId = nextSecretRequest++;
  return new Promise((resolve) => {
    waiting.set(requestId, resolve);
    port.postMessage({ type: 'secret', requestId, op, name, value });
  });
}

port.on('message', (raw) => {
  const message = unwrap(raw);
  if (message.type === 'init') {
    const secrets: SecretStore = {
      persistence: () => ({ persistent: message.secretsPersistent, note: message.secretsNote }),
      get: (name) => askMain('get', name),
      set: async (name, value) => void (await askMain('set', name, value)),
      delete: async (name) => void (await askMain('delete', name)),
    };
    core = createCore({ dataDir: message.dataDir, secrets, logger });
    core.subscribe((event) => port.postMessage({ type: 'event', event }));
    port.postMessage({ type: 'ready' });
  } else if (message.type === 'call' && core) {
    const controller = new AbortController();
    inflight.set(message.request.id, controller);
    void core.dispatch(message.request, controller.signal).then((response) => {
      inflight.delete(message.request.id);
      port.postMessage({ type: 'response', response });
    });
  } else if (message.type === 'cancel') {
    inflight.get(message.id)?.abort();
  } else if (message.type === 'secret-reply') {
    waiting.get(message.requestId)?.(message.value);
    waiting.delete(message.requestId);
  }
});
