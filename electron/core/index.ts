import { mkdirSync } from 'node:fs';
import type { RpcEvent } from '../../shared/rpc/envelope';
import { createAppHandlers } from './app/handlers';
import { createBoardpackHandlers } from './boardpack/handlers';
import { createConnectionHandlers } from './connection/handlers';
import { createMappingHandlers } from './mapping/handlers';
import { createPlanHandlers } from './plan/handlers';
import { createReconcileHandlers } from './reconcile/handlers';
import { createReportsHandlers } from './reports/handlers';
import { createSettingsHandlers } from './settings/handlers';
import { createSyncHandlers } from './sync/handlers';
import { createFilesHandlers } from './workspace/files-handlers';
import { createWorkspaceHandlers } from './workspace/handlers';
import { startDemoServer } from './workspace/start-demo-server';
import { createWorkspace } from './workspace/workspace';
import { systemClock, type Clock } from './clock';
import type { Logger } from './logging/logger';
import { createDispatcher } from './rpc/dispatch';
import type { Emit, Handlers } from './rpc/handlers';
import type { SecretStore } from './secrets';
import type { CoreServices } from './services';

export interface CoreDeps {
  dataDir: string;
  secrets: SecretStore;
  logger: Logger;
  clock?: Clock;
}

/**
 * The composition root: builds the services and the handlers of every domain, and returns the one
 * dispatcher both hosts (Electron IPC, browser-mode WebSocket) and the tests talk to.
 */
export function createCore(deps: CoreDeps) {
  mkdirSync(deps.dataDir, { recursive: true });
  const listeners = new Set<(event: RpcEvent) => void>();
  const emit: Emit = (name, payload) => {
    for (const listener of listeners) listener({ event: name, payload });
  };
  const services: CoreServices = {
    dataDir: deps.dataDir,
    secrets: deps.secrets,
    logger: deps.logger,
    clock: deps.clock ?? systemClock,
    emit,
  };
  const workspace = createWorkspace(services, { startDemoServer });
  const handlers = {
    ...createAppHandlers(services),
    ...createWorkspaceHandlers(services, workspace),
    ...createConnectionHandlers(services, workspace),
    ...createSyncHandlers(services, workspace),
    ...createSettingsHandlers(services, workspace),
    ...createFilesHandlers(services),
    ...createReportsHandlers(services, workspace),
    ...createReconcileHandlers(services, workspace),
    ...createBoardpackHandlers(services, workspace),
    ...createMappingHandlers(services, workspace),
    ...createPlanHandlers(services, workspace),
  } satisfies Handlers;
  const dispatch = createDispatcher(handlers, deps.logger.child('rpc'));
  return {
    dispatch,
    /** Subscribes to push events; returns the unsubscribe function. */
    subscribe(listener: (event: RpcEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close(): Promise<void> {
      await workspace.close();
      listeners.clear();
    },
  };
}

export type Core = ReturnType<typeof createCore>;
