import type { MethodName, OutputOf, ParamsOf, Contract } from '../../shared/rpc/contract';
import { AppError } from '../../shared/rpc/errors';
import type { EventName, EventPayload } from '../../shared/rpc/events';
import { electronTransport } from './transports/electron';
import type { Transport } from './transports/transport';
import { takeToken, websocketTransport } from './transports/websocket';

/** The typed API the UI uses; identical in Electron and in browser mode. */
export interface ApiClient {
  call<K extends MethodName>(method: K, params: ParamsOf<Contract, K>, options?: { signal?: AbortSignal }): Promise<OutputOf<Contract, K>>;
  on<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void;
}

export function createApiClient(transport: Transport): ApiClient {
  // Ids start at a random point, not at 1: after a renderer reload the core (its own process in Electron) may
  // still be answering calls of the previous page, and a reused id would hand one call another call's answer.
  let nextId = Math.floor(Math.random() * 2 ** 40) + 1;
  return {
    async call(method, params, options) {
      const id = nextId++;
      options?.signal?.addEventListener('abort', () => transport.cancel(id), { once: true });
      const response = await transport.send({ id, method, params });
      if (response.ok) return response.value as OutputOf<Contract, typeof method>;
      throw new AppError(response.error.code, response.error.message, { hint: response.error.hint, details: response.error.details });
    },
    on(event, listener) {
      return transport.onEvent((message) => {
        if (message.event === event) listener(message.payload as EventPayload<typeof event>);
      });
    },
  };
}

/** Picks the host's transport: the preload bridge when there is one, else the loopback WebSocket. */
export function connectToCore(): ApiClient {
  if (window.boardpack) return createApiClient(electronTransport(window.boardpack));
  const token = takeToken();
  if (!token) throw new AppError('unauthorized', 'This page was opened without its access token. Open the URL that `boardpack serve` printed.');
  return createApiClient(websocketTransport(token));
}
