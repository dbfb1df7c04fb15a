import { createRequire } from 'node:module';

// Read from package.json at runtime so the CLI, the browser host and the Electron app report one version.
const pkg = createRequire(import.meta.url)('../../package.json') as { version: string; name: string };

export const APP_NAME = 'Boardpack';
export const APP_VERSION: string = pkg.version;
