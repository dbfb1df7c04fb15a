/**
 * Loads the recorded Odoo 19 request/response pairs (../shared/reference/odoo-fixtures beside the
 * repository, or ODOO_FIXTURES_DIR) for the conformance tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Fixture {
  file: string;
  name: string;
  note: string | null;
  request: { method: string; url: string; headers: Record<string, string>; body: unknown };
  response: { status: number; headers: Record<string, string>; body: unknown };
}

export function fixturesDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.ODOO_FIXTURES_DIR ?? join(import.meta.dirname, '../../../../shared/reference/odoo-fixtures'));
}

export function loadFixtures(dir = fixturesDir()): Fixture[] {
  if (!existsSync(dir)) throw new Error(`Odoo fixtures not found at ${dir}; set ODOO_FIXTURES_DIR to the odoo-fixtures folder`);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json') && !file.startsWith('_'))
    .sort()
    .map((file) => ({ file, ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<Fixture, 'file'>) }));
}

/** The fixture's path and query (the recorded host is replaced by the simulator's). */
export function fixturePath(fixture: Fixture): string {
  const url = new URL(fixture.request.url);
  return `${url.pathname}${url.search}`;
}
