/**
 * URL rules for the Electron window, kept free of Electron so they are unit-tested.
 * URLs are parsed, never compared by prefix.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'boardpack';

/** True for pages of the app itself (app://boardpack/...), the only origin the window may show. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** Only plain https links without credentials may be handed to the OS browser. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
