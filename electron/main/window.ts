import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { AppSettings } from './app-settings';

/** The main window, locked down: no Node, sandboxed, isolated, no webviews. */
export function createMainWindow(settings: AppSettings, preloadDir: string): BrowserWindow {
  const bounds = settings.get('window');
  const window = new BrowserWindow({
    width: bounds.width,
    height: bounds.height,
    x: bounds.x,
    y: bounds.y,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Boardpack',
    webPreferences: {
      preload: join(preloadDir, 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (bounds.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    settings.set('window', { ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  return window;
}
