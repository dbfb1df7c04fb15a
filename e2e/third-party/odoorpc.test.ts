// A third-party Python client (Debian's python3-odoorpc, unchanged): web-session login, then /jsonrpc.
// Debian installs it for the system interpreter, so /usr/bin/python3 is called explicitly.
import { execFile, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSmallDataset } from '../../electron/odoo-sim/seed-small';
import { startOdooSimulator, type RunningSimulator } from '../../electron/odoo-sim/server';

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./odoorpc_check.py', import.meta.url));
const odoorpcAvailable = spawnSync(PYTHON, ['-c', 'import odoorpc'], { stdio: 'ignore' }).status === 0;

interface OdoorpcReport {
  version: string;
  uid: number;
  context: Record<string, unknown>;
  model_exists: boolean;
  missing_model_exists: boolean;
  search_read: Array<{ id: number; name: string; country_id: [number, string] | false }>;
  search_count: number;
  read: Array<{ id: number; name: string; email: string | false }>;
  browse_names: string[];
  missing_model_error?: string;
  bad_password_error: string | null;
}

if (!odoorpcAvailable) {
  // Make the reason visible in the test output instead of silently passing.
  describe('python3-odoorpc', () => {
    it.skip('skipped: /usr/bin/python3 cannot import odoorpc (apt-get install python3-odoorpc)', () => undefined);
  });
}

describe.skipIf(!odoorpcAvailable).each([17, 18, 19] as const)('python3-odoorpc against the Odoo %i simulator', (version) => {
  let sim: RunningSimulator;
  let report: OdoorpcReport;

  beforeAll(async () => {
    sim = await startOdooSimulator({ dataset: buildSmallDataset(), version });
    const c = sim.credentials;
    const { stdout } = await promisify(execFile)(PYTHON, [SCRIPT, c.url, c.db, c.login, c.password], { timeout: 30_000 });
    report = JSON.parse(stdout) as OdoorpcReport;
  });
  afterAll(() => sim.close());

  it('logs in through the web session and learns the version and user context', () => {
    expect(report.version).toBe(`${version}.0`);
    expect(report.uid).toBe(2);
    expect(report.context).toEqual({ lang: 'en_US', tz: 'Europe/Brussels', uid: 2 });
    expect(report.model_exists).toBe(true);
    expect(report.missing_model_exists).toBe(false);
  });

  it('reads through /jsonrpc: search_read, search_count, search + read, browse', () => {
    expect(report.search_read.map((p) => p.name)).toEqual(['Azure Interior', 'Deco Addict', 'Gemini Furniture', 'Lumber Inc', 'Ready Mat', 'Wood Corner']);
    expect(report.search_read[0].country_id).toEqual([21, 'Belgium']);
    expect(report.search_count).toBe(6);
    expect(report.read).toEqual([
      { id: 10, name: 'Azure Interior', email: 'azure@example.com' },
      { id: 11, name: 'Deco Addict', email: 'deco@example.com' },
    ]);
    expect(report.browse_names).toEqual(['Azure Interior', 'Deco Addict']);
    expect(report.missing_model_error).toBe("Object x_no.such.model doesn't exist");
  });

  it('reports a bad password as Access Denied', () => {
    expect(report.bad_password_error).toBe('Access Denied');
  });
});
