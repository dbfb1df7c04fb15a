import AxeBuilder from '@axe-core/playwright';
import { findingsForKpi, findingsLabel } from '../shared/reports/finding-kpis';
import { AppPage, DashboardPage } from './pages/AppPage';
import { BoardPackScreen } from './pages/BoardPackScreen';
import { callCore } from './pages/core-api';
import { expect, test } from './pages/demo-fixture';
import { TILES } from './pages/engine';
import { dashboardMonth } from './pages/workspace-files';

test('data-quality findings show on the tiles they affect, in the drill-down, and as the pack\'s count beside Mark final', async ({ page, synced }) => {
  test.setTimeout(60_000);
  await synced.open(page);
  const shell = new AppPage(page);
  const dashboard = new DashboardPage(page);
  await expect(dashboard.tile('net_revenue')).toBeVisible();
  const month = await dashboardMonth(page);
  // The dashboard opens on the consolidated group: every company's findings are in scope.
  const report = await callCore(page, 'reports.get', { month, companies: 'all' });
  const perTile = TILES.map((id) => ({ id, findings: findingsForKpi(report.dataQuality, id, report.availability) }));
  const marked = perTile.find((t) => t.findings.length > 0);
  expect(marked, 'the demo company has a finding that touches an executive tile').toBeDefined();

  await test.step('each tile carries a marker exactly when findings affect it, labelled with their number', async () => {
    for (const { id, findings } of perTile) {
      const marker = dashboard.tile(id).getByTestId('kpi-dq-marker');
      if (findings.length === 0) {
        await expect(marker, id).toHaveCount(0);
      } else {
        await expect(marker, id).toHaveAttribute('aria-label', findingsLabel(findings.length));
        await expect(marker, id).toHaveAttribute('data-severity', findings.some((f) => f.severity === 'error') ? 'error' : 'warning');
      }
    }
    await dashboard.tile(marked!.id).getByTestId('kpi-dq-marker').hover();
    await expect(page.getByRole('tooltip')).toContainText(marked!.findings[0]!.message);
    await page.mouse.move(0, 0);
  });

  await test.step('the dashboard with markers passes axe', async () => {
    const axe = await new AxeBuilder({ page }).include('[data-testid="dashboard"]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  await test.step('the drill-down lists the tile\'s findings, with their records on demand', async () => {
    await dashboard.tile(marked!.id).click();
    const list = page.getByTestId('drilldown-findings');
    await expect(list.getByTestId('drilldown-finding')).toHaveCount(marked!.findings.length);
    const withRecords = marked!.findings.findIndex((f) => f.sampleIds.length > 0);
    if (withRecords >= 0) {
      const row = list.getByTestId('drilldown-finding').nth(withRecords);
      await row.getByRole('button', { name: 'Show records' }).click();
      await expect(row.getByTestId('finding-records')).toContainText(marked!.findings[withRecords]!.sampleIds.slice(0, 3).join(', '));
    }
    await page.keyboard.press('Escape');
  });

  await test.step('the Board pack page counts the findings of the pack\'s companies before Mark final', async () => {
    await shell.go('Board pack');
    const pack = new BoardPackScreen(page);
    await pack.waitForPreview();
    const errors = report.dataQuality.filter((f) => f.severity === 'error').length;
    const summary = page.getByTestId('pack-dq-summary');
    await expect(summary).toHaveAttribute('data-errors', String(errors));
    await expect(summary).toHaveAttribute('data-warnings', String(report.dataQuality.length - errors));
    await summary.click();
    await expect(page.getByTestId('pack-dq-list').getByRole('listitem')).toHaveCount(report.dataQuality.length);
  });
});
