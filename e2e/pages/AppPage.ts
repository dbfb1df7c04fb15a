import { expect, type Locator, type Page } from '@playwright/test';

export type ScreenName = 'Dashboard' | 'Reconcile' | 'Board pack' | 'Sync' | 'Settings';

/** The shell: navigation, header scope, status bar. Specs talk to screens through these page objects. */
export class AppPage {
  constructor(readonly page: Page) {}

  nav(name: ScreenName): Locator {
    return this.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: new RegExp(`^${name}`) });
  }

  async go(name: ScreenName): Promise<void> {
    await this.nav(name).click();
    await expect(this.nav(name)).toHaveAttribute('aria-current', 'page');
  }

  get onlineState(): Locator {
    return this.page.getByTestId('online-state');
  }

  get snapshotAge(): Locator {
    return this.page.getByTestId('snapshot-age');
  }

  /** Picks one company in the header (the dashboard then shows that company in its own currency). */
  async chooseCompanies(names: string[]): Promise<void> {
    const input = this.page.getByRole('combobox', { name: 'Companies' });
    for (const name of names) {
      await input.click();
      await this.page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
    }
    await this.page.keyboard.press('Escape');
  }

  /** Picks a month in the header; a closed month's option reads "2026-10 (closed)". */
  async chooseMonth(month: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Month' }).click();
    await this.page.getByRole('option', { name: new RegExp(`^${month}( \\(closed\\))?$`) }).click();
    await expect(this.page.getByRole('combobox', { name: 'Month' })).toHaveValue(new RegExp(`^${month}`));
  }

  /** The closed-month lock in the status bar (shown while the header's month is closed). */
  get closedMonth(): Locator {
    return this.page.getByTestId('closed-month');
  }

  async setTheme(theme: 'Light' | 'Dark'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: 'Theme' }).first().getByText(theme, { exact: true }).click();
  }
}

/** First-run screen. */
export class WelcomePage {
  constructor(readonly page: Page) {}

  async exploreDemo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Explore the demo company' }).click();
  }

  get progress(): Locator {
    return this.page.getByTestId('sync-progress');
  }
}

/** Dashboard tiles and the drill-down drawer. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('dashboard');
  }

  tile(kpi: string): Locator {
    return this.page.getByTestId(`kpi-tile-${kpi}`);
  }

  /** The raw engine value behind a tile (minor units, fraction, days…), as rendered. */
  async tileValue(kpi: string): Promise<number | null> {
    const raw = await this.tile(kpi).getAttribute('data-kpi-value');
    return raw === null || raw === '' ? null : Number(raw);
  }

  async openDrilldown(kpi: string): Promise<Locator> {
    await this.tile(kpi).click();
    const drawer = this.page.getByTestId('drilldown');
    await expect(drawer).toBeVisible();
    return drawer;
  }
}
