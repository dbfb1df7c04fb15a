import type { Page } from '@playwright/test';
import { formatAmount, localeSeparators } from '../shared/boardpack/format';
import { AppPage, DashboardPage } from './pages/AppPage';
import { expect, test } from './pages/demo-fixture';

/** Picks a locale in Settings and saves, as the user does. */
async function saveLocale(page: Page, shell: AppPage, locale: string): Promise<void> {
  await shell.go('Settings');
  await page.getByRole('combobox', { name: 'Locale for numbers and dates' }).click();
  await page.getByRole('option', { name: locale, exact: true }).click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
}

test('the Settings locale formats the dashboard: de-DE separators, the engine\'s digits, and back', async ({ page, synced }) => {
  test.setTimeout(60_000);
  await synced.open(page);
  const shell = new AppPage(page);
  const dashboard = new DashboardPage(page);
  const tileText = dashboard.tile('net_revenue').getByTestId('kpi-value');
  await expect(tileText).toBeVisible();

  // The engine's figure behind the tile (minor units) and the currency it is in.
  const minor = await dashboard.tileValue('net_revenue');
  expect(minor).not.toBeNull();
  const currency = await dashboard.root.getAttribute('data-currency');
  expect(currency).toMatch(/^[A-Z]{3}$/);
  const english = `${formatAmount(minor!, { scale: 'units', currencyDecimals: 2 })} ${currency}`;
  await expect(tileText).toHaveText(english);

  await saveLocale(page, shell, 'de-DE');
  await shell.go('Dashboard');
  const german = `${formatAmount(minor!, { scale: 'units', currencyDecimals: 2, separators: localeSeparators('de-DE') })} ${currency}`;
  await expect(tileText).toHaveText(german);
  // German marks: "." groups thousands, "," before the two decimals, negatives still in parentheses.
  expect(german).toMatch(/^\(?\d{1,3}(\.\d{3})*,\d{2}\)? [A-Z]{3}$/);
  // The same digits as the engine's figure, only the marks differ.
  expect((await tileText.textContent())?.replace(/\D/g, '')).toBe(String(Math.abs(minor!)));

  // Dates follow too: the sync history prints German day.month.year.
  await shell.go('Sync');
  await expect(page.getByTestId('sync-run').first().getByRole('cell').first()).toHaveText(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);

  await saveLocale(page, shell, 'en-GB');
  await shell.go('Dashboard');
  await expect(tileText).toHaveText(english);
});
