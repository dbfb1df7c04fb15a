import { app } from 'electron';
import { join } from 'node:path';
import { openAppSettings } from './app-settings';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { startCoreProcess } from './core-process';
import { registerPlatformActions } from './platform-actions';
import { connectRpcBridge } from './rpc-bridge';
import { createSafeSecretStore } from './secrets';
import { applySecurityPolicy } from './security';
import { APP_HOST, APP_SCHEME } from './url-policy';

// Wiring only: each concern lives in its own module.
const outDir = join(import.meta.dirname, '..');
registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

void app.whenReady().then(async () => {
  applySecurityPolicy();
  serveRenderer(join(outDir, 'renderer'));
  const settings = openAppSettings();
  const core = startCoreProcess({ outDir, dataDir: app.getPath('userData'), secrets: createSafeSecretStore(settings) });
  const { createMainWindow } = await import('./window');
  const window = createMainWindow(settings, join(outDir, 'preload'));
  connectRpcBridge(window, core);
  registerPlatformActions(window, app.getPath('userData'));
  await window.loadURL(`${APP_SCHEME}://${APP_HOST}/index.html`);
  app.on('before-quit', () => core.stop());
});

app.on('window-all-closed', () => app.quit());
