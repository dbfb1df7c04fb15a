import { BrowserWindow, screen } from 'electron';
import { join } from 'node:path';
import type { AppSettings } from './app-settings';
import { debounce, MIN_WINDOW, restoreBounds } from './restore-bounds';

/** Long enough to skip the stream of events while dragging, short enough to survive a crash right after. */
const SAVE_DELAY_MS = 500;

/** The main window, locked down: no Node, sandboxed, isolated, no webviews. */
export function createMainWindow(settings: AppSettings, preloadDir: string): BrowserWindow {
  const bounds = restoreBounds(settings.get('window'), screen.getAllDisplays().map((d) => d.workArea), screen.getPrimaryDisplay().workArea);
  const window = new BrowserWindow({
    width: bounds.width,
    height: bounds.height,
    x: bounds.x,
    y: bounds.y,
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
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
  // Saved as it changes, not only on close: a crash or a forced quit must not lose the layout.
  const saver = debounce(() => {
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    settings.set('window', { ...window.getNormalBounds(), maximized: window.isMaximized() });
  }, SAVE_DELAY_MS);
  window.on('resize', () => saver.schedule());
  window.on('move', () => saver.schedule());
  window.on('maximize', () => saver.schedule());
  window.on('unmaximize', () => saver.schedule());
  window.on('close', () => saver.flush());
  return window;
}
