import { describe, expect, it, vi } from 'vitest';
import type { BoardpackBridge } from '../../shared/rpc/bridge';

// The sandboxed preload may import only 'electron'; here electron is a recorder, so the test sees what the bridge sends where.
const sent: Array<[string, unknown[]]> = [];
const exposed = new Map<string, unknown>();
const ipcRenderer = {
  invoke: async (channel: string, ...args: unknown[]) => void sent.push([channel, args]),
  send: (channel: string, ...args: unknown[]) => void sent.push([channel, args]),
  on: () => undefined,
  removeListener: () => undefined,
};
const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) };
vi.mock('electron', () => ({ ipcRenderer, contextBridge, default: { ipcRenderer, contextBridge } }));

await import('./index');
const { CANCEL_CHANNEL, INVOKE_CHANNEL } = await import('../main/rpc-bridge');
const { PLATFORM_CHANNELS } = await import('../main/platform-actions');

describe('the preload bridge', () => {
  const bridge = exposed.get('boardpack') as BoardpackBridge;

  it('sends calls and cancels on the channels main listens to', async () => {
    await bridge.invoke({ id: 3, method: 'app.getInfo', params: {} });
    bridge.cancel(3);
    expect(sent.slice(-2)).toEqual([[INVOKE_CHANNEL, [{ id: 3, method: 'app.getInfo', params: {} }]], [CANCEL_CHANNEL, [3]]]);
  });

  it('uses main\'s platform channels', async () => {
    await bridge.platform.saveFile('pack.pdf', '/data/exports/pack.pdf');
    await bridge.platform.showInFolder('/data/exports/pack.pdf');
    await bridge.platform.openExternal('https://www.odoo.com/');
    expect(sent.slice(-3).map(([channel]) => channel)).toEqual([PLATFORM_CHANNELS.save, PLATFORM_CHANNELS.reveal, PLATFORM_CHANNELS.open]);
  });
});
