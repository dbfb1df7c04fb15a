import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Boardpack keeps its caches, snapshots and settings when no folder is given:
 * BOARDPACK_DATA_DIR if set, else the platform's usual per-user application-data folder
 * (the same folder Electron's app.getPath('userData') would pick for "Boardpack").
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.BOARDPACK_DATA_DIR) return env.BOARDPACK_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Boardpack');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Boardpack');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Boardpack');
}
