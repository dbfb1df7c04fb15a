import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../core/clock';
import { openCache } from '../../core/db/open';
import { silentLogger } from '../../core/logging/logger';
import { loadChannelSettings, saveChannelSetting } from '../../core/reconcile/settings-store';
import type { CliIO } from '../command';
import { command as reconcile } from './reconcile';

let dir: string;
let cacheFile: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-cli-recon-settings-'));
  cacheFile = join(dir, 'cache.sqlite');
  openCache(cacheFile, { logger: silentLogger }).close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function captureIO(): CliIO & { stdout: string[] } {
  const stdout: string[] = [];
  return { stdout, out: (l) => stdout.push(l), err: () => undefined, env: {}, cwd: dir, signal: new AbortController().signal };
}

describe('boardpack reconcile settings', () => {
  it('updates one value of a channel rule and keeps the others, including a date window saved by the app', async () => {
    const cache = openCache(cacheFile, { logger: silentLogger });
    saveChannelSetting(cache.db, { channel: 'shopify', shippingInOdoo: true, roundingToleranceMinor: 5, dateWindowDays: 9, settlementSources: ['shopify_payments'] }, systemClock);
    cache.close();

    const io = captureIO();
    expect(await reconcile.run(['settings', '--cache', cacheFile, '--channel', 'shopify', '--shipping-in-odoo', 'no', '--json'], io)).toBe(0);
    const printed = JSON.parse(io.stdout[0]!) as { settings: Array<Record<string, unknown>> };
    expect(printed.settings).toEqual([{ channel: 'shopify', shippingInOdoo: false, roundingToleranceMinor: 5, dateWindowDays: 9, settlementSources: ['shopify_payments'] }]);

    expect(await reconcile.run(['settings', '--cache', cacheFile, '--channel', 'shopify', '--date-window', '2', '--json'], captureIO())).toBe(0);
    const reread = openCache(cacheFile, { logger: silentLogger, readonly: true });
    expect(loadChannelSettings(reread.db)).toEqual([{ channel: 'shopify', shippingInOdoo: false, roundingToleranceMinor: 5, dateWindowDays: 2, settlementSources: ['shopify_payments'] }]);
    reread.close();
  });
});
