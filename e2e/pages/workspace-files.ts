import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** The active profile's cache file inside an app data folder (profiles.json names the active profile). */
export function cacheFileOf(dataDir: string): string {
  const profiles = JSON.parse(readFileSync(join(dataDir, 'profiles.json'), 'utf8')) as { activeProfileId: string };
  return join(dataDir, 'caches', `${profiles.activeProfileId}.sqlite`);
}

/** The month the header currently shows (without the " (closed)" a closed month's label carries). */
export async function dashboardMonth(page: Page): Promise<string> {
  return (await page.getByRole('combobox', { name: 'Month' }).inputValue()).replace(/ \(closed\)$/, '');
}
