import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { buildAnswerKey } from '../electron/demo/index';
import { AppPage, DashboardPage } from './pages/AppPage';
import { expect, test } from './pages/demo-fixture';
import { ReconcilePage } from './pages/ReconcilePage';
import { dashboardMonth } from './pages/workspace-files';

/**
 * A channel rule set in Settings reaches the reconciler: turning "Odoo books shipping as revenue"
 * off for the demo's Shopify channel makes the planted missing-shipping order a match (its open
 * exception goes away), and an order whose shipping Odoo did book becomes the shipping exception.
 */
test('a Shopify shipping rule saved in Settings changes the next reconciliation', async ({ page, synced }) => {
  await synced.open(page);
  const shell = new AppPage(page);
  await expect(new DashboardPage(page).root).toBeVisible();
  const month = await dashboardMonth(page);
  const plant = buildAnswerKey({ scale: 'small', seed: 1 }).discrepancies.find((d) => d.channel === 'shopify' && d.month === month && d.category === 'AMOUNT_MISMATCH_SHIPPING');
  expect(plant?.shop_order, `a planted Shopify shipping gap in ${month}`).toBeTruthy();
  const order = plant!.shop_order!;

  await shell.go('Reconcile');
  const reconcile = new ReconcilePage(page);
  await reconcile.upload(join(synced.dataDir, 'demo', 'exports', 'shopify', `orders_export_${month}.csv`));
  await reconcile.filter(order);
  await expect(reconcile.rows.filter({ hasText: 'AMOUNT_MISMATCH_SHIPPING' })).toHaveCount(1);
  await reconcile.filter('');
  await reconcile.showCategory('AMOUNT_MISMATCH_SHIPPING');
  await expect.poll(() => reconcile.rowCount()).toBe(1);

  await shell.go('Settings');
  const rule = page.getByTestId('channel-rule-shopify');
  await expect(rule.getByText('in imports')).toBeVisible();
  const shipping = rule.getByRole('switch', { name: 'Odoo books shipping as revenue on the order (shopify)' });
  await expect(shipping).toBeChecked();
  await shipping.click({ force: true });
  await expect(shipping).not.toBeChecked();
  await rule.getByRole('button', { name: 'Save rule for shopify' }).click();
  await expect(rule.getByRole('status')).toHaveText('Saved: the next reconciliation uses it.');
  const axe = await new AxeBuilder({ page }).include('[data-testid="channel-rules"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);

  await shell.go('Reconcile');
  await reconcile.clearSelect('Category');
  await reconcile.filter(order);
  await expect(reconcile.rows).toHaveCount(0);
  await reconcile.filter('');
  await reconcile.showCategory('AMOUNT_MISMATCH_SHIPPING');
  await expect(reconcile.rows.first()).toBeVisible();
  await expect(reconcile.rows.filter({ hasText: order })).toHaveCount(0);
  await expect(reconcile.rows.first()).toContainText('Odoo has shipping the shop did not charge');
});
