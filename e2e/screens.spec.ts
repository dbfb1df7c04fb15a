import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { AppPage, DashboardPage, type ScreenName } from './pages/AppPage';
import { expect, test } from './pages/demo-fixture';

const ARTIFACTS = 'e2e/artifacts';

/** Runs axe on the page as it is now; any violation fails with its rule ids and targets. */
async function expectAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Axe and a screenshot in light and dark; `open`/`close` wrap overlays that cover the theme switch. */
async function capture(page: Page, shell: AppPage, name: string, overlay?: { open(): Promise<void>; close(): Promise<void> }): Promise<void> {
  for (const theme of ['Light', 'Dark'] as const) {
    await shell.setTheme(theme);
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', theme.toLowerCase());
    await overlay?.open();
    await expectAccessible(page, `${name} (${theme.toLowerCase()})`);
    await page.screenshot({ path: `${ARTIFACTS}/${name}-${theme.toLowerCase()}.png`, fullPage: true });
    await overlay?.close();
  }
}

test.beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

test('first-run and connection screens pass axe, in light and dark', async ({ page, app }) => {
  await app.open(page);
  const shell = new AppPage(page);
  await expect(page.getByRole('button', { name: 'Explore the demo company' })).toBeVisible();
  await capture(page, shell, 'welcome');
  await page.getByRole('button', { name: 'Connect to Odoo' }).click();
  await expect(page.getByRole('heading', { name: 'Connect to Odoo' })).toBeVisible();
  await capture(page, shell, 'connection');
});

test('every screen with data passes axe, in light and dark', async ({ page, synced }) => {
  test.setTimeout(240_000);
  await synced.open(page);
  const shell = new AppPage(page);
  const dashboard = new DashboardPage(page);
  await expect(dashboard.root).toBeVisible();
  await expect(dashboard.tile('net_revenue')).toBeVisible();
  await capture(page, shell, 'dashboard');

  await capture(page, shell, 'drilldown', {
    open: async () => {
      await dashboard.openDrilldown('net_revenue');
      await expect(page.getByTestId('datatable-row').first()).toBeVisible();
    },
    close: async () => {
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('drilldown')).toBeHidden();
    },
  });

  const screens: Array<[ScreenName, string, string]> = [
    ['Reconcile', 'reconcile', 'Drop shop, payment or marketplace exports here'],
    ['Board pack', 'boardpack', 'Closed months'],
    ['Sync', 'sync', 'History'],
    ['Settings', 'settings', 'Data folder'],
  ];
  for (const [nav, name, marker] of screens) {
    await shell.go(nav);
    await expect(page.getByText(marker, { exact: true }).first()).toBeVisible();
    if (name === 'boardpack') await expect(page.getByTestId('pack-preview')).toBeVisible({ timeout: 60_000 });
    await capture(page, shell, name);
  }
});

test('keyboard: Alt+N moves between screens and focus starts in the navigation', async ({ page, synced }) => {
  await synced.open(page);
  const shell = new AppPage(page);
  await expect(new DashboardPage(page).root).toBeVisible();
  await page.keyboard.press('Alt+4');
  await expect(shell.nav('Sync')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Alt+5');
  await expect(shell.nav('Settings')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Shift+?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+1');
  await expect(shell.nav('Dashboard')).toHaveAttribute('aria-current', 'page');
});
