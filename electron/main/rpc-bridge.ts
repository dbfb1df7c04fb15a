import { ipcMain, type BrowserWindow, type WebFrameMain } from 'electron';
import type { RpcRequest } from '../../shared/rpc/envelope';
import type { CoreConnection } from './core-process';
import { isAppUrl } from './url-policy';

export const INVOKE_CHANNEL = 'boardpack:invoke';
export const EVENT_CHANNEL = 'boardpack:event';

/** Only frames showing the app itself may call the core. */
function trusted(frame: WebFrameMain | null): boolean {
  return frame !== null && isAppUrl(frame.url);
}

/** Relays envelopes between the window and the core process; no business rules live here. */
export function connectRpcBridge(window: BrowserWindow, core: CoreConnection): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, request: RpcRequest) => {
    if (!trusted(event.senderFrame) || event.sender.id !== window.webContents.id) {
      return { id: request?.id ?? 0, ok: false, error: { code: 'unauthorized', message: 'Refused: the caller is not the Boardpack window.' } };
    }
    return core.call({ id: request.id, method: String(request.method), params: request.params });
  });
  core.onEvent((event) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });
}
