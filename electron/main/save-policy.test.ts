import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Only the save dialog is Electron's; it "chooses" a file in a temp folder so the copy is real.
const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
const dialogCalls: string[] = [];
let chosenTarget = '';
const electron = {
  ipcMain: { handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => void handlers.set(channel, handler) },
  dialog: { showSaveDialog: async (_window: unknown, options: { defaultPath: string }) => { dialogCalls.push(options.defaultPath); return { canceled: false, filePath: chosenTarget }; } },
  shell: { showItemInFolder: () => undefined, openExternal: async () => undefined },
};
vi.mock('electron', () => ({ ...electron, default: electron }));

const { savableSource } = await import('./save-policy');
const { PLATFORM_CHANNELS, registerPlatformActions } = await import('./platform-actions');

/** A data folder with an export, a cache, and a file outside it. */
function dataFolder() {
  const root = mkdtempSync(join(tmpdir(), 'bp-save-'));
  const dataDir = join(root, 'data');
  for (const dir of ['exports/board-packs/2026-10', 'demo/exports/shopify', 'tmp', 'caches']) mkdirSync(join(dataDir, dir), { recursive: true });
  const pack = join(dataDir, 'exports', 'board-packs', '2026-10', 'pack.pdf');
  writeFileSync(pack, '%PDF board pack');
  writeFileSync(join(dataDir, 'demo', 'exports', 'shopify', 'orders.csv'), 'Name\n');
  writeFileSync(join(dataDir, 'tmp', 'table.xlsx'), 'x');
  writeFileSync(join(dataDir, 'caches', 'demo.sqlite'), 'sqlite');
  writeFileSync(join(dataDir, 'profiles.json'), '{}');
  const secret = join(root, 'id_rsa');
  writeFileSync(secret, 'PRIVATE');
  symlinkSync(secret, join(dataDir, 'exports', 'innocent.pdf'));
  return { root, dataDir, pack, secret };
}

describe('savableSource: what "Save as…" may copy', () => {
  const { dataDir, pack, secret } = dataFolder();

  it('accepts the app\'s exports, the demo\'s sample exports and scratch files', () => {
    expect(savableSource(dataDir, pack)).toBe(pack);
    expect(savableSource(dataDir, join(dataDir, 'demo', 'exports', 'shopify', 'orders.csv'))).not.toBeNull();
    expect(savableSource(dataDir, join(dataDir, 'tmp', 'table.xlsx'))).not.toBeNull();
  });

  it('refuses the caches, the profiles, files outside the data folder and traversal out of exports', () => {
    expect(savableSource(dataDir, join(dataDir, 'caches', 'demo.sqlite'))).toBeNull();
    expect(savableSource(dataDir, join(dataDir, 'profiles.json'))).toBeNull();
    expect(savableSource(dataDir, secret)).toBeNull();
    expect(savableSource(dataDir, join(dataDir, 'exports', '..', 'caches', 'demo.sqlite'))).toBeNull();
    expect(savableSource(dataDir, join(dataDir, 'exports'))).toBeNull();
  });

  it('refuses a symlink in exports that points outside, relative paths, missing files and non-strings', () => {
    expect(savableSource(dataDir, join(dataDir, 'exports', 'innocent.pdf'))).toBeNull();
    expect(savableSource(dataDir, 'exports/board-packs/2026-10/pack.pdf')).toBeNull();
    expect(savableSource(dataDir, join(dataDir, 'exports', 'missing.pdf'))).toBeNull();
    expect(savableSource(dataDir, { path: pack })).toBeNull();
    expect(savableSource(dataDir, '')).toBeNull();
  });
});

describe('the save-file action', () => {
  const { root, dataDir, pack, secret } = dataFolder();
  registerPlatformActions({} as Parameters<typeof registerPlatformActions>[0], dataDir);
  const save = handlers.get(PLATFORM_CHANNELS.save)!;
  const fromApp = { senderFrame: { url: 'app://boardpack/index.html' } };

  it('copies an export to the place the user chose', async () => {
    chosenTarget = join(root, 'chosen.pdf');
    await expect(save(fromApp, 'pack.pdf', pack)).resolves.toBe(chosenTarget);
    expect(readFileSync(chosenTarget, 'utf8')).toBe('%PDF board pack');
  });

  it('refuses any other path before showing a dialog, and ignores foreign frames', async () => {
    chosenTarget = join(root, 'stolen.txt');
    const before = dialogCalls.length;
    await expect(save(fromApp, 'id_rsa', secret)).rejects.toThrow('Only files the app exported');
    await expect(save({ senderFrame: { url: 'https://evil.example/' } }, 'pack.pdf', pack)).resolves.toBeNull();
    expect(dialogCalls.length).toBe(before);
  });
});
