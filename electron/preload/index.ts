import { contextBridge, ipcRenderer } from 'electron';
import type { BoardpackBridge } from '../../shared/rpc/bridge';
import type { RpcEvent } from '../../shared/rpc/envelope';

// Channel names are repeated here on purpose: a sandboxed preload is one bundled file that may import
// only 'electron', so it cannot import main's modules.
const bridge: BoardpackBridge = {
  invoke: (request) => ipcRenderer.invoke('boardpack:invoke', request),
  cancel: (id) => ipcRenderer.send('boardpack:cancel', id),
  onEvent: (listener) => {
    const handler = (_event: unknown, message: RpcEvent) => listener(message);
    ipcRenderer.on('boardpack:event', handler);
    return () => ipcRenderer.removeListener('boardpack:event', handler);
  },
  platform: {
    kind: 'electron',
    saveFile: (suggestedName, sourcePath) => ipcRenderer.invoke('boardpack:save-file', suggestedName, sourcePath),
    showInFolder: (path) => ipcRenderer.invoke('boardpack:show-in-folder', path),
    openExternal: (url) => ipcRenderer.invoke('boardpack:open-external', url),
  },
};

contextBridge.exposeInMainWorld('boardpack', bridge);
