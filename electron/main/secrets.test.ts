import { describe, expect, it, vi } from 'vitest';
import type { AppSettings } from './app-settings';

// safeStorage exists only inside Electron; these tests pin our policy around it, not its cryptography.
const backend = { name: 'gnome_libsecret', available: true };
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => backend.available,
    getSelectedStorageBackend: () => backend.name,
    encryptString: (plain: string) => Buffer.from(`enc:${plain}`),
    decryptString: (cipher: Buffer) => cipher.toString().replace(/^enc:/, ''),
  },
}));

const { createSafeSecretStore } = await import('./secrets');

function memorySettings(): AppSettings & { dump(): Record<string, string> } {
  let secrets: Record<string, string> = {};
  const store = {
    get: (key: string) => (key === 'secrets' ? secrets : undefined),
    set: (key: string, value: Record<string, string>) => {
      if (key === 'secrets') secrets = value;
    },
    dump: () => secrets,
  };
  return store as unknown as AppSettings & { dump(): Record<string, string> };
}

describe('API key storage', () => {
  it('stores only ciphertext when a real keyring backs safeStorage', async () => {
    backend.name = process.platform === 'linux' ? 'gnome_libsecret' : 'os';
    const settings = memorySettings();
    const store = createSafeSecretStore(settings);
    await store.set('odoo:prod', 'key-123');
    expect(store.persistence().persistent).toBe(true);
    expect(JSON.stringify(settings.dump())).not.toContain('"key-123"');
    expect(await createSafeSecretStore(settings).get('odoo:prod')).toBe('key-123');
  });

  it.runIf(process.platform === 'linux')('refuses to persist with the basic_text backend and says why', async () => {
    backend.name = 'basic_text';
    const settings = memorySettings();
    const store = createSafeSecretStore(settings);
    await store.set('odoo:prod', 'key-123');
    expect(settings.dump()).toEqual({});
    expect(await store.get('odoo:prod')).toBe('key-123');
    expect(store.persistence()).toMatchObject({ persistent: false, note: expect.stringContaining('kept in memory') });
    expect(await createSafeSecretStore(settings).get('odoo:prod')).toBeUndefined();
  });
});
