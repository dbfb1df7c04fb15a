import type { ApiClient } from './client';

/** Offers a browser download of in-memory content. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Gives the user a file the core wrote: a native "Save as" in Electron, a download in browser mode.
 * Returns where it went (Electron) or the name (browser), null when the user cancelled.
 */
export async function saveCoreFile(api: ApiClient, path: string, suggestedName: string): Promise<string | null> {
  if (window.boardpack) return window.boardpack.platform.saveFile(suggestedName, path);
  const file = await api.call('files.read', { path });
  downloadBlob(suggestedName, new Blob([base64ToBytes(file.base64)], { type: file.mimeType }));
  return suggestedName;
}

/** "Show in folder" exists only in Electron. */
export const canShowInFolder = (): boolean => window.boardpack !== undefined;

export async function showInFolder(path: string): Promise<void> {
  await window.boardpack?.platform.showInFolder(path);
}

/** Reads a picked or dropped file for the core (the renderer never has paths in browser mode). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
