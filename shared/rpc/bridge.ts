import type { RpcEvent, RpcRequest, RpcResponse } from './envelope';

/**
 * The only surface the preload exposes to the renderer (as `window.boardpack`). Browser mode has no
 * bridge; the renderer then speaks the same envelopes over the host's WebSocket.
 */
export interface BoardpackBridge {
  invoke(request: RpcRequest): Promise<RpcResponse>;
  /** Asks the core to abort the call with this id; the call then answers with a 'cancelled' error (or its result, if it won the race). */
  cancel(id: RpcRequest['id']): void;
  onEvent(listener: (event: RpcEvent) => void): () => void;
  /** Desktop-only actions; browser mode falls back to downloads. */
  platform: {
    kind: 'electron';
    saveFile(suggestedName: string, sourcePath: string): Promise<string | null>;
    showInFolder(path: string): Promise<void>;
    openExternal(url: string): Promise<void>;
  };
}
