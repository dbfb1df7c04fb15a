import type { RpcEvent, RpcRequest, RpcResponse } from '../../shared/rpc/envelope';

/** Messages from Electron main to the core process. */
export type ToCore =
  | { type: 'init'; dataDir: string; secretsPersistent: boolean; secretsNote?: string }
  | { type: 'call'; request: RpcRequest }
  | { type: 'cancel'; id: RpcRequest['id'] }
  | { type: 'secret-reply'; requestId: number; value?: string };

/** Messages from the core process to Electron main. */
export type FromCore =
  | { type: 'ready' }
  | { type: 'response'; response: RpcResponse }
  | { type: 'event'; event: RpcEvent }
  | { type: 'secret'; requestId: number; op: 'get' | 'set' | 'delete'; name: string; value?: string };
