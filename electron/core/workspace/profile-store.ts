import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { ProfileSchema, type Profile } from '../../../shared/rpc/contracts/workspace';
import { AppError } from '../../../shared/rpc/errors';
import { readJsonFile, writeJsonFile } from './json-file';

const FileSchema = z.object({ version: z.literal(1), activeProfileId: z.string().nullable(), profiles: z.array(ProfileSchema) });
type ProfilesFile = z.infer<typeof FileSchema>;

/** The id of the one demo profile. */
export const DEMO_PROFILE_ID = 'demo';

/** Connection profiles in `<dataDir>/profiles.json`; each profile's cache is `<dataDir>/caches/<id>.sqlite`. */
export function createProfileStore(dataDir: string) {
  const file = join(dataDir, 'profiles.json');
  const empty = (): ProfilesFile => ({ version: 1, activeProfileId: null, profiles: [] });
  const load = (): ProfilesFile => readJsonFile(file, FileSchema, empty);
  const save = (value: ProfilesFile) => writeJsonFile(file, value);

  return {
    list: (): Profile[] => load().profiles,
    activeId: (): string | null => load().activeProfileId,
    get(id: string): Profile | undefined {
      return load().profiles.find((p) => p.id === id);
    },
    require(id: string): Profile {
      const profile = load().profiles.find((p) => p.id === id);
      if (!profile) throw new AppError('not_found', `No connection profile "${id}".`, { hint: 'Pick a profile in Settings or create one in Connection.' });
      return profile;
    },
    /** Inserts or replaces a profile by id; a new profile gets an id. */
    upsert(input: Omit<Profile, 'id' | 'createdAt'> & { id?: string; createdAt?: string }, now: Date): Profile {
      const data = load();
      const existing = input.id ? data.profiles.find((p) => p.id === input.id) : undefined;
      const profile: Profile = { ...input, id: input.id ?? randomUUID(), createdAt: existing?.createdAt ?? input.createdAt ?? now.toISOString() };
      data.profiles = existing ? data.profiles.map((p) => (p.id === profile.id ? profile : p)) : [...data.profiles, profile];
      save(data);
      return profile;
    },
    setActive(id: string | null): void {
      const data = load();
      if (id !== null && !data.profiles.some((p) => p.id === id)) throw new AppError('not_found', `No connection profile "${id}".`);
      data.activeProfileId = id;
      save(data);
    },
    cacheFile: (id: string): string => join(dataDir, 'caches', `${id}.sqlite`),
  };
}

export type ProfileStore = ReturnType<typeof createProfileStore>;
