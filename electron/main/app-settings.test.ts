import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// electron-store reads the user-data folder from Electron's app; outside Electron we hand it a temp folder.
const userData = mkdtempSync(join(tmpdir(), 'bp-prefs-'));
vi.mock('electron', () => ({
  default: { app: { getPath: () => userData, getVersion: () => '0.0.0-test' }, ipcMain: { on: () => undefined }, shell: {} },
}));

const { openAppSettings } = await import('./app-settings');

describe('app preferences (electron-store with a typed schema)', () => {
  it('starts from the defaults', () => {
    const settings = openAppSettings();
    expect(settings.get('theme')).toBe('auto');
    expect(settings.get('window')).toMatchObject({ width: 1360, height: 860, maximized: false });
  });

  it('persists valid values to the preferences file and reads them back', () => {
    openAppSettings().set('lastPeriod', '2026-10');
    openAppSettings().set('theme', 'dark');
    const reopened = openAppSettings();
    expect(reopened.get('lastPeriod')).toBe('2026-10');
    expect(JSON.parse(readFileSync(join(userData, 'preferences.json'), 'utf8'))).toMatchObject({ theme: 'dark', lastPeriod: '2026-10' });
  });

  it('rejects values the schema forbids', () => {
    const settings = openAppSettings();
    expect(() => settings.set('theme', 'neon' as 'dark')).toThrow();
    expect(() => settings.set('lastPeriod', 'October')).toThrow();
    expect(settings.get('theme')).toBe('dark');
  });
});
