import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures/app';

test('the app loads in Chromium and round-trips a call through the core', async ({ page, app }) => {
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  await app.open(page);
  await expect(page.getByText(/Core connected · v\d+\.\d+\.\d+/)).toBeVisible();
  await expect(page).toHaveURL(/^[^#]*$/); // the token left the address bar
  await page.getByLabel('Message to the core').fill('smoke test');
  await page.getByRole('button', { name: 'Ping the core' }).click();
  await expect(page.getByTestId('ping-reply')).toHaveText('Core replied: smoke test');
  mkdirSync('e2e/artifacts', { recursive: true });
  await page.screenshot({ path: 'e2e/artifacts/smoke.png', fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test('a page opened without the token is told how to get in, and the core refuses it', async ({ page, app }) => {
  await page.goto(app.host.url);
  await expect(page.getByRole('alert')).toContainText('opened without its access token');
  const refused = await page.evaluate(async () => {
    const response = await fetch('/api/rpc', { method: 'POST', body: JSON.stringify({ id: 1, method: 'app.ping', params: { message: 'x' } }) });
    return { status: response.status, body: await response.json() };
  });
  expect(refused.status).toBe(401);
  expect(refused.body.error.code).toBe('unauthorized');
});
