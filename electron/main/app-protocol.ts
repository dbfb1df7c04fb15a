import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveInside } from '../node-host/static-files';
import { APP_HOST, APP_SCHEME } from './url-policy';

/** Must run before app `ready`: app:// behaves like a secure standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer from app://boardpack/, refusing any path outside its folder. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('not found', { status: 404 });
    const file = resolveInside(rendererDir, url.pathname);
    if (!file) return new Response('bad path', { status: 400 });
    return net.fetch(pathToFileURL(file).toString());
  });
}
