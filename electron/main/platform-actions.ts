import { dialog, ipcMain, shell, type BrowserWindow } from 'electron';
import { copyFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { realPathInside, savableSource } from './save-policy';
import { isAppUrl, isSafeExternalUrl } from './url-policy';

export const PLATFORM_CHANNELS = { save: 'boardpack:save-file', reveal: 'boardpack:show-in-folder', open: 'boardpack:open-external' } as const;

/**
 * Desktop-only actions (native save dialog, reveal in folder, open a link), each checking its sender.
 * Paths from the renderer are never trusted: "Save as…" copies only the app's own exports, "Show in
 * folder" reveals only files inside the data folder.
 */
export function registerPlatformActions(window: BrowserWindow, dataDir: string): void {
  const fromApp = (frameUrl: string | undefined) => frameUrl !== undefined && isAppUrl(frameUrl);
  ipcMain.handle(PLATFORM_CHANNELS.save, async (event, suggestedName: string, sourcePath: string) => {
    if (!fromApp(event.senderFrame?.url)) return null;
    const source = savableSource(dataDir, sourcePath);
    if (!source) throw new Error('Only files the app exported can be saved from here.');
    const result = await dialog.showSaveDialog(window, { defaultPath: basename(String(suggestedName)) });
    if (result.canceled || !result.filePath) return null;
    await copyFile(source, result.filePath);
    return result.filePath;
  });
  ipcMain.handle(PLATFORM_CHANNELS.reveal, (event, path: string) => {
    const inside = realPathInside(dataDir, String(path));
    if (fromApp(event.senderFrame?.url) && inside) shell.showItemInFolder(inside);
  });
  ipcMain.handle(PLATFORM_CHANNELS.open, async (event, url: string) => {
    if (fromApp(event.senderFrame?.url) && isSafeExternalUrl(String(url))) await shell.openExternal(String(url));
  });
}
