import { dialog, ipcMain, shell, type BrowserWindow } from 'electron';
import { copyFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { isAppUrl, isSafeExternalUrl } from './url-policy';

export const PLATFORM_CHANNELS = { save: 'boardpack:save-file', reveal: 'boardpack:show-in-folder', open: 'boardpack:open-external' } as const;

/** Desktop-only actions (native save dialog, reveal in folder, open a link), each checking its sender. */
export function registerPlatformActions(window: BrowserWindow): void {
  const fromApp = (frameUrl: string | undefined) => frameUrl !== undefined && isAppUrl(frameUrl);
  ipcMain.handle(PLATFORM_CHANNELS.save, async (event, suggestedName: string, sourcePath: string) => {
    if (!fromApp(event.senderFrame?.url)) return null;
    const result = await dialog.showSaveDialog(window, { defaultPath: basename(String(suggestedName)) });
    if (result.canceled || !result.filePath) return null;
    await copyFile(String(sourcePath), result.filePath);
    return result.filePath;
  });
  ipcMain.handle(PLATFORM_CHANNELS.reveal, (event, path: string) => {
    if (fromApp(event.senderFrame?.url)) shell.showItemInFolder(String(path));
  });
  ipcMain.handle(PLATFORM_CHANNELS.open, async (event, url: string) => {
    if (fromApp(event.senderFrame?.url) && isSafeExternalUrl(String(url))) await shell.openExternal(String(url));
  });
}
