import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { AppPage, DashboardPage } from './pages/AppPage';
import { expect, test } from './pages/demo-fixture';

/**
 * The "Budget & CSAT" card lives where the lead placed it (Settings, or the dashboard near the
 * tiles); the spec finds it on either screen.
 */
async function openPlanCard(page: Page, shell: AppPage): Promise<Locator> {
  const card = page.getByTestId('budget-csat-card');
  for (const screen of ['Settings', 'Dashboard'] as const) {
    await shell.go(screen);
    try {
      await card.waitFor({ state: 'visible', timeout: 5_000 });
      return card;
    } catch {
      // Not on this screen: try the next one.
    }
  }
  throw new Error('The Budget & CSAT card is on neither Settings nor the dashboard');
}

/** Picks a file through the card's button, as the user does (the browser's file dialog in browser mode). */
async function pickFile(page: Page, button: Locator, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles(file);
}

test('import the demo budget through the Budget & CSAT card: tiles show "vs budget"; a bad file is refused line by line; undo removes it', async ({ page, synced }) => {
  test.setTimeout(120_000);
  await synced.open(page);
  const shell = new AppPage(page);
  const dashboard = new DashboardPage(page);

  await shell.go('Dashboard');
  await expect(dashboard.tile('net_revenue')).toBeVisible();
  await expect(dashboard.tile('net_revenue')).not.toContainText('vs budget');
  await expect(dashboard.tile('csat')).toContainText(/n\/a|No customer-satisfaction/i);

  let card = await openPlanCard(page, shell);
  await expect(card).toContainText('No budget or survey imported yet');

  // A malformed budget: every bad line named, nothing stored.
  const bad = ['company,kpi,month,amount', '1,net_revenue,2026-13,100', '1,net_revenue,2026-10,lots'].join('\n');
  await pickFile(page, card.getByRole('button', { name: 'Import budget…' }), { name: 'bad-budget.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  const result = card.getByTestId('plan-import-result');
  await expect(result).toContainText('2 row(s) read, 0 imported, 2 rejected');
  await expect(result.getByRole('list', { name: 'Rejected lines' })).toContainText('Line 2:');
  await expect(result.getByRole('list', { name: 'Rejected lines' })).toContainText('Line 3:');
  await expect(card.getByTestId('plan-batch-row')).toHaveCount(0);

  // The demo company's own budget, picked from its exports folder.
  await pickFile(page, card.getByRole('button', { name: 'Import budget…' }), join(synced.dataDir, 'demo', 'exports', 'plan', 'budget.csv'));
  await expect(result).toContainText('0 rejected');
  await expect(result).toContainText(/[1-9]\d* imported/);
  await expect(card.getByTestId('plan-batch-row')).toHaveCount(1);
  await expect(card.getByTestId('plan-batch-row')).toContainText('budget.csv');
  await card.getByRole('button', { name: 'Load the demo survey' }).click();
  await expect(card.getByTestId('plan-batch-row')).toHaveCount(2);

  for (const theme of ['Light', 'Dark'] as const) {
    await shell.setTheme(theme);
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', theme.toLowerCase());
    const axe = await new AxeBuilder({ page }).include('[data-testid="budget-csat-card"]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  await shell.go('Dashboard');
  await expect(dashboard.tile('net_revenue')).toContainText('vs budget');
  await expect(dashboard.tile('csat')).not.toContainText(/n\/a/i);
  expect(await dashboard.tileValue('csat')).toBeGreaterThan(0);

  // Undo the budget import: the comparison disappears again.
  card = await openPlanCard(page, shell);
  await card.getByRole('button', { name: /Remove the budget import budget\.csv/ }).click();
  await expect(card.getByTestId('plan-batch-row')).toHaveCount(1);
  await shell.go('Dashboard');
  await expect(dashboard.tile('net_revenue')).not.toContainText('vs budget');
});
