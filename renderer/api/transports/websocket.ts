import type { RpcEvent, RpcRequest, RpcResponse } from '../../../shared/rpc/envelope';
import type { Transport } from './transport';

const TOKEN_KEY = 'boardpack.token';

/**
 * The per-run token arrives in the URL fragment (never sent to a server); keep it for this tab
 * and remove it from the address bar.
 */
export function takeToken(): string | null {
  const match = /token=([\w-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Browser host: one WebSocket to 127.0.0.1 carrying calls, answers and push events. */
export function websocketTransport(token: string): Transport {
  const pending = new Map<RpcRequest['id'], (response: RpcResponse) => void>();
  const listeners = new Set<(event: RpcEvent) => void>();
  let socket: WebSocket | null = null;
  let opening: Promise<WebSocket> | null = null;

  const open = (): Promise<WebSocket> => {
    if (socket && socket.readyState === WebSocket.OPEN) return Promise.resolve(socket);
    if (opening) return opening;
    opening = new Promise<WebSocket>((resolve, reject) => {
      const protocol = window.location.protocol === 'https:' ? 'wss' : 'ws';
      const ws = new WebSocket(`${protocol}://${window.location.host}/api/ws?token=${encodeURIComponent(token)}`);
      ws.onopen = () => {
        socket = ws;
        opening = null;
        resolve(ws);
      };
      ws.onerror = () => {
        opening = null;
        reject(new Error('Cannot reach the Boardpack core. Is `boardpack serve` still running?'));
      };
      ws.onclose = () => {
        socket = null;
        for (const [id, settle] of pending) {
          settle({ id, ok: false, error: { code: 'internal', message: 'The connection to the Boardpack core was lost.' } });
        }
        pending.clear();
      };
      ws.onmessage = (message) => {
        const data = JSON.parse(String(message.data)) as { type: string } & Partial<RpcResponse> & Partial<RpcEvent>;
        if (data.type === 'event' && data.event) {
          for (const listener of listeners) listener({ event: data.event, payload: data.payload });
        } else if (data.type === 'response' && data.id !== undefined) {
          pending.get(data.id)?.(data as RpcResponse);
          pending.delete(data.id);
        }
      };
    });
    return opening;
  };

  return {
    async send(request) {
      const ws = await open();
      return new Promise<RpcResponse>((resolve) => {
        pending.set(request.id, resolve);
        ws.send(JSON.stringify({ type: 'call', ...request }));
      });
    },
    cancel(id) {
      socket?.send(JSON.stringify({ type: 'cancel', id }));
    },
    onEvent(listener) {
      listeners.add(listener);
      void open().catch(() => undefined);
      return () => listeners.delete(listener);
    },
  };
}
