import { app, utilityProcess, type UtilityProcess } from 'electron';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { RpcEvent, RpcRequest, RpcResponse } from '../../shared/rpc/envelope';
import type { SecretStore } from '../core/secrets';
import type { FromCore, ToCore } from '../core-process/protocol';

export interface CoreConnection {
  call(request: RpcRequest): Promise<RpcResponse>;
  cancel(id: RpcRequest['id']): void;
  onEvent(listener: (event: RpcEvent) => void): void;
  stop(): void;
}

/**
 * Starts the core in its own process. Packaged builds use Electron's utilityProcess (better-sqlite3 is
 * rebuilt for Electron at packaging time). In development better-sqlite3 keeps its Node build, so the
 * core runs under the system `node` instead — same code, same messages.
 */
export function startCoreProcess(options: { outDir: string; dataDir: string; secrets: SecretStore }): CoreConnection {
  const entry = join(options.outDir, 'main', 'core.js');
  let child: UtilityProcess | ChildProcess;
  let send: (message: ToCore) => void;
  if (app.isPackaged) {
    const utility = utilityProcess.fork(entry, [], { serviceName: 'Boardpack core' });
    send = (message) => utility.postMessage(message);
    child = utility;
  } else {
    const node = fork(entry, [], { execPath: process.env.BOARDPACK_NODE ?? 'node', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    send = (message) => void node.send(message);
    child = node;
  }
  const pending = new Map<RpcRequest['id'], (response: RpcResponse) => void>();
  const listeners: ((event: RpcEvent) => void)[] = [];

  child.on('message', async (message: FromCore) => {
    if (message.type === 'response') {
      pending.get(message.response.id)?.(message.response);
      pending.delete(message.response.id);
    } else if (message.type === 'event') {
      for (const listener of listeners) listener(message.event);
    } else if (message.type === 'secret') {
      const { op, name, value, requestId } = message;
      const result = op === 'get' ? await options.secrets.get(name) : op === 'set' ? await options.secrets.set(name, value ?? '') : await options.secrets.delete(name);
      send({ type: 'secret-reply', requestId, value: typeof result === 'string' ? result : undefined });
    }
  });
  const persistence = options.secrets.persistence();
  send({ type: 'init', dataDir: options.dataDir, secretsPersistent: persistence.persistent, secretsNote: persistence.note });

  return {
    call: (request) =>
      new Promise((resolve) => {
        pending.set(request.id, resolve);
        send({ type: 'call', request });
      }),
    cancel: (id) => send({ type: 'cancel', id }),
    onEvent: (listener) => void listeners.push(listener),
    stop: () => void child.kill(),
  };
}
