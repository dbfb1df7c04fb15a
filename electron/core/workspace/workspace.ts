import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { settingTimeZone } from '../../../shared/period/timezone';
import type { WorkspaceState } from '../../../shared/rpc/contracts/workspace';
import { AppError } from '../../../shared/rpc/errors';
import { openCache, type CacheDb } from '../db/open';
import { detectServer } from '../odoo/detect';
import { createSnapshotHandles } from '../snapshot/snapshot-handles';
import type { OdooConnectionConfig } from '../odoo/types';
import type { CoreServices } from '../services';
import { createAutoSync } from './auto-sync';
import { readCacheInfo } from './cache-info';
import { closedMonths } from './closed-months';
import type { DemoScaleName, DemoServer, DemoServerFactory } from './demo-server';
import { keyAgeOf } from './key-age';
import { createProfileStore, DEMO_PROFILE_ID } from './profile-store';
import { createSettingsStore } from './settings-store';
import { createSyncRunner, readSyncHistory } from './sync-runner';

export interface WorkspaceOptions {
  startDemoServer: DemoServerFactory;
}

interface OnlineState {
  online: 'online' | 'offline' | 'unknown';
  checkedAt: string | null;
  problem: string | null;
  serverVersion: string | null;
}

/** The secret-store name of a profile's API key. */
export const apiKeyName = (profileId: string) => `odoo.apiKey.${profileId}`;

/**
 * Profiles, their cache files, the demo server and the sync runner, for one core. Nothing global:
 * a test or a second window gets its own workspace over its own data folder.
 */
export function createWorkspace(services: CoreServices, options: WorkspaceOptions) {
  const logger = services.logger.child('workspace');
  const profiles = createProfileStore(services.dataDir);
  const settings = createSettingsStore(services.dataDir);
  const caches = new Map<string, CacheDb>();
  // Closed months' snapshots, verified once and kept open like the caches (reports read them).
  const snapshots = createSnapshotHandles({ logger: services.logger });
  const online = new Map<string, OnlineState>();
  let demo: { server: DemoServer; scale: DemoScaleName } | null = null;
  let demoStarting: Promise<DemoServer> | null = null;

  const changed = (reason: string) => services.emit('workspace.changed', { reason });
  const setOnline = (profileId: string, state: Omit<OnlineState, 'checkedAt'>) => {
    online.set(profileId, { ...state, checkedAt: services.clock.now().toISOString() });
  };

  const sync = createSyncRunner({
    services,
    onFinished(profileId, report) {
      const code = report.error?.code;
      if (report.status === 'ok') setOnline(profileId, { online: 'online', problem: null, serverVersion: online.get(profileId)?.serverVersion ?? null });
      else if (code === 'odoo.network' || code === 'odoo.timeout') setOnline(profileId, { online: 'offline', problem: report.error?.message ?? null, serverVersion: null });
      changed(`sync.${report.status}`);
    },
  });

  function cacheFor(profileId: string): CacheDb {
    let cache = caches.get(profileId);
    if (!cache) {
      const file = profiles.cacheFile(profileId);
      mkdirSync(dirname(file), { recursive: true });
      cache = openCache(file, { logger: services.logger, clock: services.clock });
      caches.set(profileId, cache);
    }
    return cache;
  }

  function activeProfile() {
    const id = profiles.activeId();
    return id ? profiles.get(id) ?? null : null;
  }

  function requireActive() {
    const profile = activeProfile();
    if (!profile) {
      throw new AppError('not_found', 'No Odoo connection yet.', { hint: 'Choose "Explore the demo company" or "Connect to Odoo" on the start screen.' });
    }
    return profile;
  }

  async function ensureDemoServer(scale: DemoScaleName): Promise<DemoServer> {
    if (demo && demo.scale === scale) return demo.server;
    if (demoStarting) return demoStarting;
    const previous = demo;
    demo = null;
    demoStarting = (async () => {
      await previous?.server.close();
      const exportsDir = join(services.dataDir, 'demo', 'exports');
      rmSync(exportsDir, { recursive: true, force: true });
      mkdirSync(exportsDir, { recursive: true });
      const server = await options.startDemoServer({
        scale, exportsDir, logger: services.logger,
        onProgress: (label) => services.emit('job.progressed', { jobId: 'demo', label, done: 0, total: null }),
      });
      demo = { server, scale };
      logger.info('demo server started', { url: server.url, scale });
      return server;
    })().finally(() => {
      demoStarting = null;
    });
    return demoStarting;
  }

  async function connectionFor(profileId: string): Promise<OdooConnectionConfig> {
    const profile = profiles.require(profileId);
    if (profile.kind === 'demo') {
      const server = await ensureDemoServer(profile.demoScale ?? 'small');
      return { url: server.url, db: server.db, login: server.login, apiKey: server.apiKey, protocol: profile.protocol, hosting: 'self-hosted' };
    }
    const apiKey = await services.secrets.get(apiKeyName(profile.id));
    if (!apiKey) {
      throw new AppError('odoo.auth', `No API key is stored for "${profile.name}" in this session.`, {
        hint: 'Open Connection, enter the API key and save. Cached data stays readable meanwhile.',
      });
    }
    return { url: profile.url, db: profile.db, login: profile.login ?? undefined, apiKey, protocol: profile.protocol };
  }

  async function state(): Promise<WorkspaceState> {
    const profile = activeProfile();
    const base = { dataDir: services.dataDir, profiles: profiles.list(), activeProfileId: profile?.id ?? null };
    if (!profile) return { ...base, active: null };
    const cache = cacheFor(profile.id);
    const info = readCacheInfo(cache);
    const now = services.clock.now();
    const hasKey = profile.kind === 'demo' || (await services.secrets.get(apiKeyName(profile.id))) !== undefined;
    const net = online.get(profile.id) ?? { online: 'unknown', checkedAt: null, problem: null, serverVersion: null };
    const demoDown = profile.kind === 'demo' && demo === null;
    return {
      ...base,
      active: {
        profile,
        cacheFile: cache.file,
        hasData: info.hasData,
        lastSync: info.lastSync,
        snapshotAgeSeconds: info.lastSync ? Math.max(0, Math.round((now.getTime() - Date.parse(info.lastSync.finishedAt)) / 1000)) : null,
        companies: info.companies,
        currencies: info.currencies,
        months: info.months,
        closedMonths: closedMonths(cache.file),
        online: demoDown ? 'offline' : net.online,
        onlineCheckedAt: net.checkedAt,
        onlineProblem: demoDown ? 'The demo server is not running; a sync starts it again.' : net.problem,
        serverVersion: net.serverVersion,
        keyAge: keyAgeOf(profile, hasKey, now),
        syncing: sync.isRunning(),
      },
    };
  }

  async function checkOnline(signal?: AbortSignal): Promise<void> {
    const profile = activeProfile();
    if (!profile) return;
    if (profile.kind === 'demo' && !demo) {
      setOnline(profile.id, { online: 'offline', problem: 'The demo server is not running; a sync starts it again.', serverVersion: null });
      return;
    }
    const url = profile.kind === 'demo' && demo ? demo.server.url : profile.url;
    try {
      const server = await detectServer(url, { logger, timeoutMs: 5000, signal });
      setOnline(profile.id, { online: 'online', problem: null, serverVersion: server.serverVersion });
    } catch (error) {
      setOnline(profile.id, { online: 'offline', problem: error instanceof Error ? error.message : String(error), serverVersion: null });
    }
  }

  /** Starts a background sync of the profile through the one runner (the UI's "Sync now" uses it too). */
  function startSync(profileId: string, full = false): { runId: string } {
    const profile = profiles.require(profileId);
    const { runId } = sync.start({
      profileId: profile.id,
      cache: cacheFor(profile.id),
      connection: () => connectionFor(profile.id),
      full,
      companies: profile.companies ?? undefined,
    });
    changed('sync.started');
    return { runId };
  }

  /** Whether the profile counts as online for an automatic sync; a known-offline server is probed again. */
  async function isOnlineForSync(profileId: string): Promise<boolean> {
    const profile = profiles.get(profileId);
    if (!profile) return false;
    if (profile.kind === 'demo' && !demo) return false;
    if (online.get(profileId)?.online !== 'offline') return true;
    await checkOnline();
    return online.get(profileId)?.online !== 'offline';
  }

  const autoSync = createAutoSync({
    clock: services.clock,
    logger,
    schedule: () => settings.get().schedule,
    timeZone: () => settingTimeZone(settings.get().timezone),
    activeProfileId: () => activeProfile()?.id ?? null,
    isOnline: isOnlineForSync,
    isSyncing: () => sync.isRunning(),
    lastSyncAt: (profileId) => {
      const last = readSyncHistory(cacheFor(profileId), 1)[0];
      return last ? new Date(last.startedAt) : null;
    },
    startSync: (profileId) => {
      startSync(profileId);
    },
  });
  autoSync.start();

  return {
    profiles,
    settings,
    sync,
    startSync,
    autoSync,
    cacheFor,
    snapshots,
    activeProfile,
    requireActive,
    connectionFor,
    ensureDemoServer,
    demoServer: (): DemoServer | null => demo?.server ?? null,
    state,
    checkOnline,
    changed,
    /** Stops the automatic sync and the running one, closes the caches and the demo server. */
    async close(): Promise<void> {
      autoSync.stop();
      sync.cancel();
      await sync.settle();
      for (const cache of caches.values()) cache.close();
      caches.clear();
      snapshots.closeAll();
      await demo?.server.close();
      demo = null;
    },
  };
}

export type Workspace = ReturnType<typeof createWorkspace>;
export { DEMO_PROFILE_ID };
