import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Contract, MethodName, OutputOf, ParamsOf } from '../../../shared/rpc/contract';
import type { RpcEvent } from '../../../shared/rpc/envelope';
import { AppError } from '../../../shared/rpc/errors';
import type { Clock } from '../clock';
import { createCore } from '../index';
import { silentLogger } from '../logging/logger';
import { createMemorySecretStore, type SecretStore } from '../secrets';

/**
 * A real core over a temporary data folder, for handler tests through the dispatcher.
 * `call` throws the envelope's error as an AppError, like the renderer's client does.
 */
export function startTestCore(options: { dataDir?: string; secrets?: SecretStore; clock?: Clock } = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'bp-ws-'));
  const secrets = options.secrets ?? createMemorySecretStore();
  const core = createCore({ dataDir, secrets, logger: silentLogger, clock: options.clock });
  const events: RpcEvent[] = [];
  core.subscribe((event) => events.push(event));
  let nextId = 1;
  return {
    core,
    dataDir,
    secrets,
    events,
    async call<K extends MethodName>(method: K, params: ParamsOf<Contract, K>): Promise<OutputOf<Contract, K>> {
      const response = await core.dispatch({ id: nextId++, method, params });
      if (!response.ok) throw new AppError(response.error.code, response.error.message, { hint: response.error.hint, details: response.error.details });
      return response.value as OutputOf<Contract, K>;
    },
    /** Resolves with the next event of that name (or one already received after `since`). */
    waitFor(name: string, since = 0, timeoutMs = 60_000): Promise<RpcEvent> {
      return new Promise((resolve, reject) => {
        const found = events.slice(since).find((e) => e.event === name);
        if (found) return resolve(found);
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${name}`)), timeoutMs);
        const off = core.subscribe((event) => {
          if (event.event !== name) return;
          clearTimeout(timer);
          off();
          resolve(event);
        });
      });
    },
    async close(removeDir = true): Promise<void> {
      await core.close();
      if (removeDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestCore = ReturnType<typeof startTestCore>;
