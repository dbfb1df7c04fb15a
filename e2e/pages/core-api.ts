import type { Page } from '@playwright/test';
import type { Contract, MethodName, OutputOf, ParamsOf } from '../../shared/rpc/contract';

/**
 * Calls the core through the page's own host (POST /api/rpc with the token the page keeps in
 * sessionStorage): specs compare what the screen shows with what the core answers, without a
 * second connection of their own.
 */
export async function callCore<K extends MethodName>(page: Page, method: K, params: ParamsOf<Contract, K>): Promise<OutputOf<Contract, K>> {
  const response = await page.evaluate(
    async ({ method, params }) => {
      const token = sessionStorage.getItem('boardpack.token') ?? '';
      const reply = await fetch('/api/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Boardpack-Token': token }, body: JSON.stringify({ id: 1, method, params }) });
      return (await reply.json()) as { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
    },
    { method, params },
  );
  if (!response.ok) throw new Error(`${method} failed: ${response.error.code}: ${response.error.message}`);
  return response.value as OutputOf<Contract, K>;
}
