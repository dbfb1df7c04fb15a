import { describe, expect, it, vi } from 'vitest';
import type { RpcEvent, RpcRequest, RpcResponse } from '../../shared/rpc/envelope';
import type { CoreConnection } from './core-process';

// The electron binary cannot load here: ipcMain is replaced by a registry the test drives like the renderer would.
type Listener = (event: FakeEvent, ...args: unknown[]) => unknown;
interface FakeEvent { sender: { id: number }; senderFrame: { url: string } | null }
const handlers = new Map<string, Listener>();
const listeners = new Map<string, Listener>();
const ipcMain = {
  handle: (channel: string, listener: Listener) => void handlers.set(channel, listener),
  on: (channel: string, listener: Listener) => void listeners.set(channel, listener),
};
vi.mock('electron', () => ({ ipcMain, default: { ipcMain } }));

const { CANCEL_CHANNEL, EVENT_CHANNEL, INVOKE_CHANNEL, connectRpcBridge } = await import('./rpc-bridge');

const WINDOW_ID = 7;
const APP_FRAME = { url: 'app://boardpack/index.html' };

/** A core that records what reaches it; answers every call at once. */
function recordingCore() {
  const calls: RpcRequest[] = [];
  const cancels: Array<RpcRequest['id']> = [];
  let emit: (event: RpcEvent) => void = () => undefined;
  const core: CoreConnection = {
    call: async (request): Promise<RpcResponse> => {
      calls.push(request);
      return { id: request.id, ok: true, value: 'answered' };
    },
    cancel: (id) => void cancels.push(id),
    onEvent: (listener) => {
      emit = listener;
    },
    stop: () => undefined,
  };
  return { core, calls, cancels, emit: (event: RpcEvent) => emit(event) };
}

function connect() {
  handlers.clear();
  listeners.clear();
  const sent: Array<[string, unknown]> = [];
  const window = { webContents: { id: WINDOW_ID, send: (channel: string, payload: unknown) => void sent.push([channel, payload]) }, isDestroyed: () => false };
  const recorded = recordingCore();
  connectRpcBridge(window as unknown as Parameters<typeof connectRpcBridge>[0], recorded.core);
  return { ...recorded, sent };
}

describe('the main-process RPC bridge', () => {
  it('relays a call from the app window to the core and refuses other senders', async () => {
    const bridge = connect();
    const invoke = handlers.get(INVOKE_CHANNEL)!;
    await expect(invoke({ sender: { id: WINDOW_ID }, senderFrame: APP_FRAME }, { id: 1, method: 'app.getInfo', params: {} })).resolves.toEqual({ id: 1, ok: true, value: 'answered' });
    const foreign = await invoke({ sender: { id: 99 }, senderFrame: APP_FRAME }, { id: 2, method: 'app.getInfo', params: {} });
    expect(foreign).toMatchObject({ id: 2, ok: false, error: { code: 'unauthorized' } });
    expect(bridge.calls.map((c) => c.id)).toEqual([1]);
  });

  it('passes a cancel from the app window to the core process with the call id', () => {
    const bridge = connect();
    const cancel = listeners.get(CANCEL_CHANNEL)!;
    cancel({ sender: { id: WINDOW_ID }, senderFrame: APP_FRAME }, 42);
    cancel({ sender: { id: WINDOW_ID }, senderFrame: APP_FRAME }, 'call-7');
    expect(bridge.cancels).toEqual([42, 'call-7']);
  });

  it('ignores cancels from another window, a foreign frame, or with an id that is not a call id', () => {
    const bridge = connect();
    const cancel = listeners.get(CANCEL_CHANNEL)!;
    cancel({ sender: { id: 99 }, senderFrame: APP_FRAME }, 1);
    cancel({ sender: { id: WINDOW_ID }, senderFrame: { url: 'https://evil.example/' } }, 2);
    cancel({ sender: { id: WINDOW_ID }, senderFrame: null }, 3);
    for (const bad of [{ id: 4 }, null, '', 1.5, 'x'.repeat(65)]) cancel({ sender: { id: WINDOW_ID }, senderFrame: APP_FRAME }, bad);
    expect(bridge.cancels).toEqual([]);
  });

  it('forwards core events to the window', () => {
    const bridge = connect();
    bridge.emit({ event: 'job.progressed', payload: { jobId: 'demo' } });
    expect(bridge.sent).toEqual([[EVENT_CHANNEL, { event: 'job.progressed', payload: { jobId: 'demo' } }]]);
  });
});
