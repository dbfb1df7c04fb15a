import { join } from 'node:path';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../../shared/rpc/contracts/settings';
import { readJsonFile, writeJsonFile } from './json-file';

/** User settings in `<dataDir>/settings.json`, defaults filled in for keys a newer app added. */
export function createSettingsStore(dataDir: string) {
  const file = join(dataDir, 'settings.json');
  const Stored = SettingsSchema.partial();
  return {
    get(): Settings {
      return { ...DEFAULT_SETTINGS, ...readJsonFile(file, Stored, () => ({})) };
    },
    set(patch: Partial<Settings>): Settings {
      const next = SettingsSchema.parse({ ...this.get(), ...patch });
      writeJsonFile(file, next);
      return next;
    },
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
