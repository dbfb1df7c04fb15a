/**
 * Where API keys live. In Electron, main encrypts them with safeStorage; in browser mode and the CLI
 * they come from environment variables or stay in memory for the session. The core never persists a
 * key itself and never sends one to the renderer.
 */
export interface SecretStore {
  /** Whether keys survive a restart, and if not, why (shown to the user). */
  persistence(): { persistent: boolean; note?: string };
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

/** Keeps keys in memory only: the honest choice where no OS keychain backs the store. */
export function createMemorySecretStore(note = 'Browser mode keeps API keys in memory for this session only.'): SecretStore {
  const values = new Map<string, string>();
  return {
    persistence: () => ({ persistent: false, note }),
    get: async (name) => values.get(name),
    set: async (name, value) => {
      values.set(name, value);
    },
    delete: async (name) => {
      values.delete(name);
    },
  };
}
