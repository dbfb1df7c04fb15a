import { safeStorage } from 'electron';
import type { SecretStore } from '../core/secrets';
import type { AppSettings } from './app-settings';

/**
 * API keys encrypted with the OS keychain through safeStorage, stored as ciphertext in the
 * preferences file. On Linux without a keyring (backend "basic_text") the "encryption" is a fixed
 * key, so we refuse to persist and keep the key in memory for this session, and say so.
 */
export function createSafeSecretStore(settings: AppSettings): SecretStore {
  const memory = new Map<string, string>();
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
  const persistent = safeStorage.isEncryptionAvailable() && backend !== 'basic_text' && backend !== 'unknown';
  const note = persistent
    ? undefined
    : 'No system keyring is available, so the API key is kept in memory until you quit and must be entered again next time.';
  return {
    persistence: () => ({ persistent, note }),
    async get(name) {
      if (!persistent) return memory.get(name);
      const cipher = settings.get('secrets')[name];
      return cipher ? safeStorage.decryptString(Buffer.from(cipher, 'base64')) : undefined;
    },
    async set(name, value) {
      if (!persistent) {
        memory.set(name, value);
        return;
      }
      settings.set('secrets', { ...settings.get('secrets'), [name]: safeStorage.encryptString(value).toString('base64') });
    },
    async delete(name) {
      memory.delete(name);
      const { [name]: _removed, ...rest } = settings.get('secrets');
      settings.set('secrets', rest);
    },
  };
}
