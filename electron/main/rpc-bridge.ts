import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import type { RpcRequest } from '../../shared/rpc/envelope';
import type { CoreConnection } from './core-process';
import { isAppUrl } from './url-policy';

export const INVOKE_CHANNEL = 'boardpack:invoke';
export const CANCEL_CHANNEL = 'boardpack:cancel';
export const EVENT_CHANNEL = 'boardpack:event';

/** Only frames showing the app itself may call the core. */
function trusted(frame: WebFrameMain | null): boolean {
  return frame !== null && isAppUrl(frame.url);
}

/** Call ids come from the renderer, which is untrusted: only a number or a short string is passed on. */
function isCallId(id: unknown): id is RpcRequest['id'] {
  return (typeof id === 'number' && Number.isSafeInteger(id)) || (typeof id === 'string' && id.length > 0 && id.length <= 64);
}

/** Relays envelopes between the window and the core process; no business rules live here. */
export function connectRpcBridge(window: BrowserWindow, core: CoreConnection): void {
  const fromWindow = (event: IpcMainEvent | IpcMainInvokeEvent) => trusted(event.senderFrame) && event.sender.id === window.webContents.id;
  ipcMain.handle(INVOKE_CHANNEL, async (event, request: RpcRequest) => {
    if (!fromWindow(event)) {
      return { id: request?.id ?? 0, ok: false, error: { code: 'unauthorized', message: 'Refused: the caller is not the Boardpack window.' } };
    }
    return core.call({ id: request.id, method: String(request.method), params: request.params });
  });
  // Fire-and-forget (ipcRenderer.send): the cancelled call itself answers through INVOKE_CHANNEL.
  ipcMain.on(CANCEL_CHANNEL, (event, id: unknown) => {
    if (fromWindow(event) && isCallId(id)) core.cancel(id);
  });
  core.onEvent((event) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });
}
