import type { BoardpackBridge } from '../../../shared/rpc/bridge';
import type { Transport } from './transport';

/** Electron host: the preload bridge relays envelopes over IPC to the core process. */
export function electronTransport(bridge: BoardpackBridge): Transport {
  return {
    send: (request) => bridge.invoke(request),
    cancel: (id) => bridge.cancel(id),
    onEvent: (listener) => bridge.onEvent(listener),
  };
}
