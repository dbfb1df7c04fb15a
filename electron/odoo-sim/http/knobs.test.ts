// Latency, seeded faults, Odoo Online rate limits and the request log, over real HTTP.
import { describe, expect, it } from 'vitest';
import { SimDataset } from '../dataset';
import { FaultInjector } from '../faults';
import { buildSmallDataset } from '../seed-small';
import { startOdooSimulator } from '../server';
import { json2 } from '../test-helpers';

describe('Odoo Online rate limits', () => {
  it('answers 429 with Retry-After to parallel calls and to calls less than a second apart', async () => {
    const sim = await startOdooSimulator({ dataset: buildSmallDataset(), onlineLimits: true, latencyMs: 150 });
    try {
      const [a, b] = await Promise.all([
        json2(sim, 'res.partner', 'search_count', { domain: [] }),
        json2(sim, 'res.partner', 'search_count', { domain: [] }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 429]);
      const limited = a.status === 429 ? a : b;
      expect(limited.headers.get('retry-after')).toBe('1');
      const tooSoon = await json2(sim, 'res.partner', 'search_count', { domain: [] });
      expect(tooSoon.status).toBe(429);
      await new Promise((resolve) => setTimeout(resolve, 1050));
      expect((await json2(sim, 'res.partner', 'search_count', { domain: [] })).status).toBe(200);
      const accepted = sim.requestLog.all().filter((e) => e.status === 200);
      expect(accepted).toHaveLength(2);
      expect(accepted[1].start - accepted[0].start).toBeGreaterThanOrEqual(1000);
    } finally {
      await sim.close();
    }
  });
});

describe('request log', () => {
  it('measures concurrency and the smallest start-to-start gap', async () => {
    const sim = await startOdooSimulator({ dataset: new SimDataset(), latencyMs: 100 });
    try {
      await Promise.all([1, 2, 3].map(() => json2(sim, 'res.company', 'search_count', { domain: [] })));
      expect(sim.requestLog.maxConcurrency()).toBe(3);
      sim.requestLog.reset();
      await json2(sim, 'res.company', 'search_count', { domain: [] });
      await new Promise((resolve) => setTimeout(resolve, 200));
      await json2(sim, 'res.company', 'search_count', { domain: [] });
      expect(sim.requestLog.count()).toBe(2);
      expect(sim.requestLog.maxConcurrency()).toBe(1);
      expect(sim.requestLog.minGapMs()).toBeGreaterThanOrEqual(300);
      expect(sim.requestLog.all()[0]).toMatchObject({ path: '/json/2/res.company/search_count', model: 'res.company', method: 'search_count', status: 200 });
    } finally {
      await sim.close();
    }
  });
});

describe('fault injection', () => {
  it('is deterministic for a seed and mixes the three fault kinds at about the rate asked', () => {
    const draw = (seed: number) => {
      const injector = new FaultInjector(0.3, seed);
      return Array.from({ length: 2000 }, () => injector.next());
    };
    const first = draw(7);
    expect(draw(7)).toEqual(first);
    const faults = first.filter((f) => f !== undefined);
    expect(faults.length / first.length).toBeGreaterThan(0.25);
    expect(faults.length / first.length).toBeLessThan(0.35);
    expect(new Set(faults)).toEqual(new Set(['http500', 'reset', 'truncate']));
  });

  it('produces 500s, connection resets and truncated bodies on the wire', async () => {
    const sim = await startOdooSimulator({ dataset: buildSmallDataset(), faultRate: 0.6, faultSeed: 3 });
    try {
      const outcomes = new Set<string>();
      for (let i = 0; i < 40; i++) {
        try {
          const reply = await json2(sim, 'account.move', 'search_read', { domain: [], fields: ['name'], limit: 20 });
          if (reply.status === 500) outcomes.add('http500');
          else outcomes.add('ok');
        } catch (error) {
          const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
          outcomes.add(/terminated|other side closed|socket/i.test(cause) ? 'broken' : `other: ${cause}`);
        }
      }
      expect(outcomes).toEqual(new Set(['ok', 'http500', 'broken']));
      expect(sim.requestLog.all().some((e) => e.status === 0)).toBe(true);
    } finally {
      await sim.close();
    }
  });
});
