import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createCore } from '../../electron/core/index';
import { silentLogger } from '../../electron/core/logging/logger';
import { createMemorySecretStore } from '../../electron/core/secrets';
import { test as base } from '../fixtures/app';
import { relaunch } from './boot';

export interface RelaunchedApp {
  dataDir: string;
  /** Opens the app and waits for the core's answer. */
  open(page: Page): Promise<void>;
}

/**
 * A demo company synced ONCE per worker through the core's own API (the golden path proves the UI
 * does the same), then copied into a fresh data folder for each test that needs data: specs stay
 * independent without paying a sync each.
 */
export const test = base.extend<{ synced: RelaunchedApp }, { syncedDemoDir: string }>({
  syncedDemoDir: [
    async ({}, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'boardpack-e2e-demo-'));
      const core = createCore({ dataDir, secrets: createMemorySecretStore(), logger: silentLogger });
      const done = new Promise<unknown>((resolve) => core.subscribe((event) => event.event === 'sync.completed' && resolve(event.payload)));
      const started = await core.dispatch({ id: 1, method: 'demo.start', params: { scale: 'small' } });
      if (!started.ok) throw new Error(`demo.start failed: ${started.error.message}`);
      const completed = (await done) as { status: string; message?: string };
      if (completed.status !== 'ok') throw new Error(`demo sync failed: ${completed.message}`);
      await core.close();
      await use(dataDir);
      rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  synced: async ({ syncedDemoDir }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'boardpack-e2e-copy-'));
    cpSync(syncedDemoDir, dataDir, { recursive: true });
    const app = await relaunch(dataDir);
    await use({
      dataDir,
      open: async (page) => {
        await page.goto(app.host.appUrl);
        await page.locator('[data-app-state="ready"]').waitFor();
      },
    });
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '../fixtures/app';
