// @vitest-environment node
/**
 * Properties of the matcher that must hold for any data: the result does not depend on the order
 * of the inputs, and adding an order that has nothing to do with the others never changes their
 * verdicts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcile } from './matcher';
import type { OdooInvoice, OdooSaleOrder, ReconcileInput, SettlementLine, ShopOrder } from './types';

interface Spec {
  total: number;
  shipping: number;
  discount: number;
  refunded: number;
  day: number;
  odoo: 'exact' | 'origin' | 'normalized' | 'missing' | 'duplicate' | 'no_key';
  odooDelta: 'none' | 'shipping' | 'discount' | 'random';
  invoiced: boolean;
  paid: boolean;
  charged: boolean;
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  total: fc.integer({ min: 100, max: 500_000 }),
  shipping: fc.integer({ min: 0, max: 2_000 }),
  discount: fc.integer({ min: 0, max: 3_000 }),
  refunded: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000 })),
  day: fc.integer({ min: 1, max: 28 }),
  odoo: fc.constantFrom('exact', 'origin', 'normalized', 'missing', 'duplicate', 'no_key'),
  odooDelta: fc.constantFrom('none', 'shipping', 'discount', 'random'),
  invoiced: fc.boolean(),
  paid: fc.boolean(),
  charged: fc.boolean(),
});

function buildWorld(specs: readonly Spec[]): ReconcileInput {
  const shopOrders: ShopOrder[] = [];
  const saleOrders: OdooSaleOrder[] = [];
  const invoices: OdooInvoice[] = [];
  const settlementLines: SettlementLine[] = [];
  specs.forEach((spec, i) => {
    const key = `#${1000 + i}`;
    const date = `2026-10-${String(spec.day).padStart(2, '0')}`;
    const total = Math.max(spec.total, spec.refunded);
    shopOrders.push({
      channel: 'shopify', orderKey: key, createdAtUtc: `${date} 10:00:00`, createdLocalDate: date, currency: 'EUR', subtotal: total - spec.shipping,
      shipping: spec.shipping, discount: spec.discount, tax: Math.round(total * 0.16), taxIncluded: true, duties: 0, total, refunded: spec.refunded,
      financialStatus: spec.refunded > 0 ? 'partially_refunded' : 'paid', cancelled: false, paymentGateway: 'Shopify Payments', paymentTerms: '',
      customerEmail: `c${i}@example.com`, customerName: `Customer ${i}`, lines: [{ sku: `SKU-${i % 7}`, name: 'item', quantity: 1, unitPrice: total }],
    });
    if (spec.charged) {
      settlementLines.push({
        source: 'shopify_payments', lineId: `charge-${i}`, kind: 'charge', rawType: 'charge', orderKey: key, occurredAtUtc: `${date} 10:00:01`,
        occurredLocalDate: date, gross: total, fee: 25, net: total - 25, currency: 'EUR', presentmentAmount: total, presentmentCurrency: 'EUR',
        payoutId: '', payoutDate: date, payoutStatus: 'paid', description: '',
      });
    }
    if (spec.odoo === 'missing') return;
    const delta = { none: 0, shipping: -spec.shipping, discount: spec.discount, random: 137 }[spec.odooDelta];
    const amount = total + delta;
    const copies = spec.odoo === 'duplicate' ? 2 : 1;
    for (let c = 0; c < copies; c += 1) {
      const name = `S${String(i * 2 + c).padStart(5, '0')}`;
      saleOrders.push({
        name,
        clientOrderRef: spec.odoo === 'exact' || spec.odoo === 'duplicate' ? key : spec.odoo === 'normalized' ? `SHOP ${1000 + i}` : '',
        origin: spec.odoo === 'origin' ? key : '',
        dateOrderUtc: `${date} 09:59:00`, partnerName: `Customer ${i}`, partnerEmail: `c${i}@example.com`, currency: 'EUR',
        amountUntaxed: amount - Math.round(amount * 0.16), amountTax: Math.round(amount * 0.16), amountTotal: amount, state: 'sale',
      });
      if (spec.invoiced) {
        invoices.push({
          name: `INV/${name}`, moveType: 'out_invoice', state: 'posted', paymentState: spec.paid ? 'paid' : 'not_paid', invoiceDate: date,
          partnerName: `Customer ${i}`, invoiceOrigin: name, ref: key, currency: 'EUR', amountUntaxed: amount - Math.round(amount * 0.16),
          amountTax: Math.round(amount * 0.16), amountTotal: amount, amountTotalSigned: amount, amountResidual: spec.paid ? 0 : amount,
        });
      }
    }
  });
  return { shopOrders, saleOrders, invoices, settlementLines, payouts: [], bankLines: [], companyCurrency: 'EUR' };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed || 1;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function canonical(input: ReconcileInput): string {
  const output = reconcile(input);
  const records = [...output.records].sort((a, b) => a.recordKey.localeCompare(b.recordKey));
  return JSON.stringify({ records, payouts: output.payouts });
}

describe('matcher properties', () => {
  it('is independent of the order of every input list', () => {
    fc.assert(
      fc.property(fc.array(specArb, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 1_000_000 }), (specs, seed) => {
        const world = buildWorld(specs);
        const shuffledWorld: ReconcileInput = {
          ...world,
          shopOrders: shuffled(world.shopOrders, seed),
          saleOrders: shuffled(world.saleOrders, seed + 1),
          invoices: shuffled(world.invoices, seed + 2),
          settlementLines: shuffled(world.settlementLines, seed + 3),
        };
        expect(canonical(shuffledWorld)).toBe(canonical(world));
      }),
      { numRuns: 150 },
    );
  });

  it('adding an unrelated order never changes the verdict of the others', () => {
    fc.assert(
      fc.property(fc.array(specArb, { minLength: 1, maxLength: 25 }), specArb, (specs, extra) => {
        const world = buildWorld(specs);
        const before = reconcile(world).records.filter((r) => r.recordType === 'shop_order');
        // The newcomer has its own number and its own Odoo documents, in another currency.
        const added = buildWorld([extra]);
        const newcomer = (added.shopOrders[0] ?? world.shopOrders[0]) as ShopOrder;
        const relabel = (key: string) => key.replace(/1000/g, '9999');
        const bigger: ReconcileInput = {
          ...world,
          shopOrders: [...world.shopOrders, { ...newcomer, orderKey: relabel(newcomer.orderKey), currency: 'CHF' }],
          saleOrders: [...world.saleOrders, ...added.saleOrders.map((so) => ({ ...so, name: `X${so.name}`, clientOrderRef: relabel(so.clientOrderRef), origin: relabel(so.origin), currency: 'CHF' }))],
          invoices: [...world.invoices, ...added.invoices.map((inv) => ({ ...inv, name: `X${inv.name}`, invoiceOrigin: `X${inv.invoiceOrigin}`, ref: relabel(inv.ref), currency: 'CHF' }))],
          settlementLines: [...world.settlementLines, ...added.settlementLines.map((line) => ({ ...line, lineId: `x-${line.lineId}`, orderKey: relabel(line.orderKey), currency: 'CHF' }))],
        };
        const after = reconcile(bigger).records.filter((r) => r.recordType === 'shop_order' && !r.sourceRef.startsWith('#9999'));
        expect(after).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it('every shop order gets exactly one record and its bridge parts add up', () => {
    fc.assert(
      fc.property(fc.array(specArb, { minLength: 1, maxLength: 25 }), (specs) => {
        const world = buildWorld(specs);
        const records = reconcile(world).records.filter((r) => r.recordType === 'shop_order');
        expect(records.map((r) => r.sourceRef).sort()).toEqual(world.shopOrders.map((o) => o.orderKey).sort());
        for (const record of records) {
          expect(record.categories.length).toBeGreaterThan(0);
          if (record.difference !== null && !record.categories.includes('DUPLICATE_IN_ODOO')) {
            const explained = record.causes.reduce((sum, cause) => sum + cause.amount, 0);
            expect(explained).toBe(record.difference);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
