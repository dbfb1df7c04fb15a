// @vitest-environment node
/**
 * Channel rules end to end through the core's dispatcher on the demo company: the demo is synced
 * from the simulator into a real cache, its Shopify export for the last month is imported, and the
 * rules saved with `reconcile.saveChannelRule` and the Settings defaults change what
 * `reconcile.results` reports.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CategoryCode } from '../../../shared/reconcile/categories';
import type { ChannelRulesView, ReconcileView } from '../../../shared/rpc/contracts/reconcile';
import { AppError } from '../../../shared/rpc/errors';
import { startTestCore, type TestCore } from '../workspace/test-core';

const upload = (dir: string, name: string) => ({ name, base64: readFileSync(join(dir, name)).toString('base64') });
const shopifyWith = (view: ReconcileView, category: CategoryCode) => view.records.filter((r) => r.channel === 'shopify' && r.categories.includes(category));

describe('channel rules through the dispatcher (demo company)', () => {
  let c: TestCore;
  let month = '';
  let baseline: ReconcileView;
  let initialRules: ChannelRulesView;

  beforeAll(async () => {
    c = startTestCore();
    await c.call('demo.start', { scale: 'small' });
    await c.waitFor('sync.completed');
    const state = await c.call('workspace.getState', {});
    month = state.active!.months!.last;
    const dir = join(c.dataDir, 'demo', 'exports', 'shopify');
    baseline = await c.call('reconcile.import', { month, files: [upload(dir, `orders_export_${month}.csv`), upload(dir, `payment_transactions_export_${month}.csv`)] });
    initialRules = await c.call('reconcile.listChannelRules', {});
  }, 120_000);

  // Each test starts from the demo's defaults, whatever the previous one left behind.
  beforeEach(async () => {
    await c.call('settings.set', { reconciliation: { amountToleranceMinor: 1, dateWindowDays: 3 } });
    await c.call('reconcile.saveChannelRule', { channel: 'shopify', shippingInOdoo: true, roundingToleranceMinor: null, dateWindowDays: null, settlementSources: [] });
  });

  afterAll(async () => {
    await c.close();
  });

  it('lists the conventional and imported channels with defaults before anything is saved', () => {
    const view = initialRules;
    expect(view.rules.map((r) => r.channel)).toEqual(['marketplace', 'shopify', 'woocommerce']);
    expect(view.rules.find((r) => r.channel === 'shopify')).toEqual({
      channel: 'shopify', shippingInOdoo: true, roundingToleranceMinor: null, dateWindowDays: null, settlementSources: [],
      saved: false, seenInImports: true, conventionalSources: ['shopify_payments'],
    });
    expect(view.rules.find((r) => r.channel === 'woocommerce')).toMatchObject({ saved: false, seenInImports: false, conventionalSources: ['stripe'] });
    expect(view.settlementSources).toEqual(['amazon', 'shopify_payments', 'stripe']);
    expect(view.defaults).toEqual({ amountToleranceMinor: 1, dateWindowDays: 3 });
  });

  it('"Odoo books shipping as revenue" off for Shopify turns the planted shipping gap into a match and every shipped order into a shipping mismatch', async () => {
    const planted = shopifyWith(baseline, 'AMOUNT_MISMATCH_SHIPPING');
    // The demo plants exactly one Shopify order of the last month whose shipping Odoo did not book.
    expect(planted.map((r) => r.recordKey)).toHaveLength(1);
    const plantedKey = planted[0]!.recordKey;
    const shippedAndMatched = baseline.records.filter((r) => r.channel === 'shopify' && r.categories.join() === 'MATCHED' && r.recordKey !== plantedKey);

    const since = c.events.length;
    const saved = await c.call('reconcile.saveChannelRule', { channel: 'shopify', shippingInOdoo: false, roundingToleranceMinor: null, dateWindowDays: null, settlementSources: [] });
    expect(saved.rules.find((r) => r.channel === 'shopify')).toMatchObject({ shippingInOdoo: false, saved: true });
    expect(c.events.slice(since)).toContainEqual({ event: 'workspace.changed', payload: { reason: 'reconcile.rulesSaved' } });

    const after = await c.call('reconcile.results', { month });
    const record = after.records.find((r) => r.recordKey === plantedKey);
    expect(record?.categories).toEqual(['MATCHED']);
    expect(record?.causes).toEqual([expect.objectContaining({ kind: 'shipping_policy' })]);
    // Orders whose shipping Odoo did book are now the exceptions, one per such order.
    const nowShipping = shopifyWith(after, 'AMOUNT_MISMATCH_SHIPPING').map((r) => r.recordKey).sort();
    expect(nowShipping.length).toBeGreaterThan(0);
    expect(nowShipping.every((key) => shippedAndMatched.some((r) => r.recordKey === key))).toBe(true);
    // Every shipped Shopify order now carries the policy: the planted one (matched) and the others (mismatched).
    expect(after.records.filter((r) => r.causes.some((cause) => cause.kind === 'shipping_policy'))).toHaveLength(nowShipping.length + 1);
    const shippingCount = (view: ReconcileView) => view.summary.find((s) => s.channel === 'shopify')?.byCategory.find((b) => b.category === 'AMOUNT_MISMATCH_SHIPPING')?.count;
    expect(shippingCount(baseline)).toBe(1);
    expect(shippingCount(after)).toBe(nowShipping.length);
    // The exceptions list follows: the planted one is no longer open, the new ones are.
    const openShipping = (view: ReconcileView) => view.exceptions.filter((e) => e.category === 'AMOUNT_MISMATCH_SHIPPING' && e.status === 'open').map((e) => e.recordKey).sort();
    expect(openShipping(baseline)).toEqual([plantedKey]);
    expect(openShipping(after)).toEqual(nowShipping);

    await c.call('reconcile.saveChannelRule', { channel: 'shopify', shippingInOdoo: true, roundingToleranceMinor: null, dateWindowDays: null, settlementSources: [] });
    const restored = await c.call('reconcile.results', { month });
    expect(shopifyWith(restored, 'AMOUNT_MISMATCH_SHIPPING').map((r) => r.recordKey)).toEqual([plantedKey]);
    expect(openShipping(restored)).toEqual([plantedKey]);
  });

  it('uses the Settings tolerance for a channel without its own; the channel\'s own value wins', async () => {
    const plantedKey = shopifyWith(baseline, 'AMOUNT_MISMATCH_SHIPPING')[0]!.recordKey;
    const gap = Math.abs(shopifyWith(baseline, 'AMOUNT_MISMATCH_SHIPPING')[0]!.difference ?? 0);
    expect(gap).toBeGreaterThan(0);
    await c.call('settings.set', { reconciliation: { amountToleranceMinor: gap, dateWindowDays: 3 } });
    const loose = await c.call('reconcile.results', { month });
    expect(loose.records.find((r) => r.recordKey === plantedKey)?.categories).toEqual(['MATCHED_WITHIN_TOLERANCE']);
    expect((await c.call('reconcile.listChannelRules', {})).defaults.amountToleranceMinor).toBe(gap);

    await c.call('reconcile.saveChannelRule', { channel: 'shopify', shippingInOdoo: true, roundingToleranceMinor: 0, dateWindowDays: null, settlementSources: [] });
    const strict = await c.call('reconcile.results', { month });
    expect(strict.records.find((r) => r.recordKey === plantedKey)?.categories).toEqual(['AMOUNT_MISMATCH_SHIPPING']);
  });

  it('refuses invalid rules with a validation error naming the field, and stores nothing', async () => {
    const before = await c.call('reconcile.listChannelRules', {});
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ channel: '  ', shippingInOdoo: true, roundingToleranceMinor: null, dateWindowDays: null, settlementSources: [] }, 'channel'],
      [{ channel: 'shopify', shippingInOdoo: true, roundingToleranceMinor: -1, dateWindowDays: null, settlementSources: [] }, 'roundingToleranceMinor'],
      [{ channel: 'shopify', shippingInOdoo: true, roundingToleranceMinor: null, dateWindowDays: 61, settlementSources: [] }, 'dateWindowDays'],
      [{ channel: 'shopify', shippingInOdoo: 'yes', roundingToleranceMinor: null, dateWindowDays: null, settlementSources: [] }, 'shippingInOdoo'],
    ];
    for (const [input, field] of bad) {
      const error = await c.call('reconcile.saveChannelRule', input as never).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'validation', message: expect.stringContaining(`${field}:`) });
    }
    await c.call('reconcile.saveChannelRule', { channel: 'adler-market', shippingInOdoo: true, roundingToleranceMinor: null, dateWindowDays: null, settlementSources: ['paypal'] });
    await expect(c.call('reconcile.saveChannelRule', { channel: 'shopify', shippingInOdoo: true, roundingToleranceMinor: null, dateWindowDays: null, settlementSources: ['paypal'] }))
      .rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/^settlementSources: "paypal" already belongs to channel "adler-market"/) });
    const after = await c.call('reconcile.listChannelRules', {});
    expect(after.rules.find((r) => r.channel === 'shopify')).toEqual(before.rules.find((r) => r.channel === 'shopify'));
    expect(after.rules.find((r) => r.channel === 'adler-market')).toMatchObject({ saved: true, settlementSources: ['paypal'], seenInImports: false });
    expect(after.settlementSources).toContain('paypal');
  });

  it('loads a settings file that still holds the old per-channel list, and drops it on the next save', async () => {
    const file = join(c.dataDir, 'settings.json');
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...stored, channels: [{ channel: 'Shopify', teamId: null, shippingIsRevenue: true }] }));
    const settings = await c.call('settings.get', {});
    expect(settings).not.toHaveProperty('channels');
    expect(settings.reconciliation).toEqual({ amountToleranceMinor: 1, dateWindowDays: 3 });
    await c.call('settings.set', { staleDraftDays: 45 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).not.toHaveProperty('channels');
  });
});
