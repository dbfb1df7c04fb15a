import { createCore } from '../../electron/core/index';
import { createLogger } from '../../electron/core/logging/logger';
import { createMemorySecretStore } from '../../electron/core/secrets';
import { ensureRendererBuilt } from '../../electron/node-host/renderer-build';
import { startBrowserHost } from '../../electron/node-host/server';

/** One RPC call as the core handled it: method, time inside dispatch, response size and time to serialise it. */
export interface CoreCall { method: string; ms: number; bytes: number; serialiseMs: number }

/**
 * Starts a core and browser host over an existing data folder (like e2e/pages/boot.ts `relaunch`),
 * timing every RPC inside the core: the bench's process also runs the core, so times taken from the
 * browser's frames would include the core's own blocking.
 */
export async function timedLaunch(dataDir: string) {
  const logger = createLogger({ level: 'warn' });
  const rendererDir = await ensureRendererBuilt(logger);
  const core = createCore({ dataDir, secrets: createMemorySecretStore(), logger });
  const calls: CoreCall[] = [];
  const timedCore: typeof core = {
    ...core,
    async dispatch(request, signal) {
      const start = performance.now();
      const response = await core.dispatch(request, signal);
      const ms = performance.now() - start;
      const serialiseStart = performance.now();
      const bytes = Buffer.byteLength(JSON.stringify(response));
      calls.push({ method: String(request.method), ms, bytes, serialiseMs: performance.now() - serialiseStart });
      return response;
    },
  };
  const host = await startBrowserHost({ core: timedCore, rendererDir, logger });
  return {
    host,
    calls,
    /** e.g. "reports.get ×1 (4210 ms, 0.10 MB), workspace.getState ×2 (3 ms, 0.00 MB; 1 ms, 0.00 MB)". */
    summary(from = 0): string {
      const byMethod = new Map<string, CoreCall[]>();
      for (const call of calls.slice(from)) byMethod.set(call.method, [...(byMethod.get(call.method) ?? []), call]);
      return [...byMethod].map(([method, list]) => `${method} ×${list.length} (${list.map((c) => `${c.ms.toFixed(0)} ms, ${(c.bytes / 1048576).toFixed(2)} MB, JSON ${c.serialiseMs.toFixed(0)} ms`).join('; ')})`).join(', ');
    },
    async close(): Promise<void> {
      await host.close();
      await core.close();
    },
  };
}
