import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../core/logging/logger';

/** The built renderer, shared by Electron (electron-vite build) and browser mode. */
export const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));
const WEB_CONFIG = fileURLToPath(new URL('../../vite.web.config.ts', import.meta.url));

/** Builds the renderer once on a fresh clone, so `boardpack serve` works right after `npm ci`. */
export async function ensureRendererBuilt(logger: Logger, rendererDir = RENDERER_DIR): Promise<string> {
  if (existsSync(`${rendererDir}/index.html`)) return rendererDir;
  logger.info('building the renderer (first run)');
  const { build } = await import('vite');
  await build({ configFile: WEB_CONFIG, logLevel: 'warn' });
  return rendererDir;
}
