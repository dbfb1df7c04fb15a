import type { RpcEvent, RpcRequest, RpcResponse } from '../../../shared/rpc/envelope';

/** Moves envelopes between the renderer and the core; the client above it does not know which host it is. */
export interface Transport {
  send(request: RpcRequest): Promise<RpcResponse>;
  cancel(id: RpcRequest['id']): void;
  onEvent(listener: (event: RpcEvent) => void): () => void;
}
