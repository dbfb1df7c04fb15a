import AxeBuilder from '@axe-core/playwright';
import { AppPage } from './pages/AppPage';
import { expect, test } from './pages/demo-fixture';

/**
 * Settings → account mapping on the synced demo company: the FX-loss account (Odoo type
 * expense_other) needs a mapping; a rule maps it to "FX gains/losses" after a preview, and the
 * account leaves the needs-mapping list.
 */
test('map an ambiguous account from the needs-mapping filter, with a preview, then remove the rule', async ({ page, synced }) => {
  test.setTimeout(60_000);
  await synced.open(page);
  const shell = new AppPage(page);
  await shell.go('Settings');
  const card = page.getByTestId('account-mapping');
  await expect(card).toBeVisible();

  const company = card.getByRole('combobox', { name: 'Company' });
  await company.click();
  await page.getByRole('option').first().click();

  const needsOnly = card.getByRole('switch', { name: /Needs mapping only/ });
  await needsOnly.check();
  const fxLoss = card.getByTestId('mapping-category-641000');
  await expect(fxLoss).toContainText('Other expenses');
  await expect(fxLoss).toContainText('needs mapping');
  await expect(card.getByTestId('mapping-category-600000')).toHaveCount(0);

  await card.getByRole('button', { name: 'Map account 641000' }).click();
  await expect(card.getByRole('textbox', { name: 'Account code prefix' })).toHaveValue('641000');
  await card.getByRole('combobox', { name: 'Category' }).click();
  await page.getByRole('option', { name: 'FX gains/losses' }).click();
  const preview = card.getByTestId('mapping-preview');
  await expect(preview).toContainText('would move 1 account');
  await expect(preview.getByRole('table', { name: 'Accounts this rule would move' })).toContainText('641000');

  // The card with its preview open passes axe (screens.spec runs axe on the whole Settings screen in both themes).
  const axe = await new AxeBuilder({ page }).include('[data-testid="account-mapping"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);

  await card.getByRole('button', { name: 'Save rule' }).click();
  await expect(card.getByRole('table', { name: 'Mapping rules' })).toContainText('FX gains/losses');
  // Mapped: it leaves the needs-mapping filter; without the filter it shows its new category and the rule.
  await expect(card.getByTestId('mapping-category-641000')).toHaveCount(0);
  await needsOnly.uncheck();
  await card.getByRole('textbox', { name: 'Filter Chart of accounts' }).fill('641000');
  await expect(card.getByTestId('mapping-category-641000')).toHaveText('FX gains/losses');
  await expect(card.getByTestId('datatable-row').filter({ hasText: '641000' })).toContainText('Rule 641000');

  await card.getByRole('button', { name: 'Remove rule 641000' }).click();
  await expect(card.getByTestId('mapping-category-641000')).toContainText('needs mapping');
});
