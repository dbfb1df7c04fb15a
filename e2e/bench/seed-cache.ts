import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openCache } from '../../electron/core/db/open';
import { silentLogger } from '../../electron/core/logging/logger';
import { createProfileStore, DEMO_PROFILE_ID } from '../../electron/core/workspace/profile-store';

type Scale = 'small' | 'medium' | 'large';

/**
 * A fresh data folder whose active demo profile reads a COPY of an already synced cache file, so a
 * benchmark starts warm without a long sync. The profile is written by the workspace's own profile
 * store, exactly as `demo.start` writes it; the demo server is not running (the app shows it offline),
 * and the copy keeps the source file untouched.
 */
export function seedDataDirFromCache(cacheFile: string, scale: Scale): string {
  const dataDir = mkdtempSync(join(tmpdir(), `boardpack-bench-${scale}-`));
  const profiles = createProfileStore(dataDir);
  const target = profiles.cacheFile(DEMO_PROFILE_ID);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(cacheFile, target);
  // Open once as the app would (pending migrations after their backup, integrity check, clean close):
  // "warm" means a cache this app version has already opened, so a launch measures the app, not an upgrade.
  const started = performance.now();
  openCache(target, { logger: silentLogger }).close();
  console.log(`cache copy opened once (migrations + integrity check): ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // The demo server's address changes with every start; the workspace resolves it again on the next sync.
  profiles.upsert({
    id: DEMO_PROFILE_ID, name: 'Demo company', kind: 'demo', url: 'http://127.0.0.1/', db: 'demo', login: null,
    protocol: 'auto', companies: null, keySavedAt: null, demoScale: scale,
  }, new Date());
  profiles.setActive(DEMO_PROFILE_ID);
  return dataDir;
}
