// @vitest-environment node
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, isOdooOnlineHost, resolvePoliteness } from './politeness';
import { createScheduler } from './scheduler';

// Pure timing logic only, on fake timers; the real-HTTP politeness proof is in client-sim.test.ts.
describe('scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function track(maxConcurrency: number, minIntervalMs: number, taskMs: number, count: number) {
    const scheduler = createScheduler({ maxConcurrency, minIntervalMs });
    const starts: number[] = [];
    let running = 0;
    let peak = 0;
    const done = Promise.all(Array.from({ length: count }, () => scheduler.run(async () => {
      starts.push(performance.now());
      running++;
      peak = Math.max(peak, running);
      await new Promise((ok) => setTimeout(ok, taskMs));
      running--;
    })));
    return { starts, done, peak: () => peak };
  }

  it('keeps one call in flight and >= 1 s from the previous completion (Odoo Online)', async () => {
    const run = track(1, 1000, 50, 5);
    await vi.runAllTimersAsync();
    await run.done;
    expect(run.peak()).toBe(1);
    expect(run.starts).toEqual([0, 1055, 2110, 3165, 4220]);
  });

  it('runs up to maxConcurrency at once when there is no interval', async () => {
    const run = track(4, 0, 100, 10);
    await vi.runAllTimersAsync();
    await run.done;
    expect(run.peak()).toBe(4);
    expect(run.starts).toEqual([0, 0, 0, 0, 100, 100, 100, 100, 200, 200]);
  });

  it('with parallel slots the interval still spaces starts and completions', async () => {
    const run = track(2, 100, 500, 4);
    await vi.runAllTimersAsync();
    await run.done;
    expect(run.peak()).toBe(2);
    expect(run.starts).toEqual([0, 105, 710, 815]);
  });

  it('pauseFor holds every start (Retry-After)', async () => {
    const scheduler = createScheduler({ maxConcurrency: 2, minIntervalMs: 0 });
    scheduler.pauseFor(3000);
    const started: number[] = [];
    const done = Promise.all([1, 2].map(() => scheduler.run(async () => void started.push(performance.now()))));
    await vi.runAllTimersAsync();
    await done;
    expect(started).toEqual([3000, 3000]);
  });

  it('a queued call aborted before its turn rejects with cancelled and never runs', async () => {
    const scheduler = createScheduler({ maxConcurrency: 1, minIntervalMs: 1000 });
    const controller = new AbortController();
    let ran = 0;
    const first = scheduler.run(async () => void ran++);
    const second = scheduler.run(async () => void ran++, controller.signal).catch((e: unknown) => e);
    controller.abort();
    await vi.runAllTimersAsync();
    await first;
    expect(await second).toMatchObject({ code: 'cancelled' });
    expect(ran).toBe(1);
    expect(scheduler.queued()).toBe(0);
  });
});

describe('politeness', () => {
  it('recognises Odoo Online hosts', () => {
    expect(isOdooOnlineHost('https://acme.odoo.com')).toBe(true);
    expect(isOdooOnlineHost('https://ACME.odoo.com/odoo')).toBe(true);
    expect(isOdooOnlineHost('https://acme.odoo.sh')).toBe(false);
    expect(isOdooOnlineHost('https://odoo.com.evil.example')).toBe(false);
    expect(isOdooOnlineHost('not a url')).toBe(false);
  });

  it('applies the Online floor even when settings ask for more', () => {
    expect(resolvePoliteness({ url: 'https://acme.odoo.com', db: 'acme', apiKey: 'k', maxConcurrency: 8, minIntervalMs: 0 })).toMatchObject({ online: true, maxConcurrency: 1, minIntervalMs: 1000 });
    expect(resolvePoliteness({ url: 'http://127.0.0.1:8069', db: 'x', apiKey: 'k', hosting: 'online' })).toMatchObject({ online: true, maxConcurrency: 1, minIntervalMs: 1000 });
    expect(resolvePoliteness({ url: 'http://erp.local', db: 'x', apiKey: 'k' })).toMatchObject({ online: false, maxConcurrency: 4, minIntervalMs: 0 });
    expect(resolvePoliteness({ url: 'http://erp.local', db: 'x', apiKey: 'k', maxConcurrency: 2, minIntervalMs: 250 })).toMatchObject({ maxConcurrency: 2, minIntervalMs: 250 });
  });

  it('backoff grows, stays within [exp/2, cap], and never undercuts Retry-After', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 60_000 }),
      fc.option(fc.integer({ min: 0, max: 120_000 }), { nil: undefined }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      (attempt, base, cap, retryAfter, r) => {
        const delay = backoffDelay(attempt, base, cap, retryAfter, () => r);
        const exp = Math.min(cap, base * 2 ** (attempt - 1));
        expect(delay).toBeGreaterThanOrEqual(Math.floor(Math.min(exp / 2, cap)));
        if (retryAfter !== undefined) expect(delay).toBeGreaterThanOrEqual(retryAfter);
        else expect(delay).toBeLessThanOrEqual(cap);
      },
    ));
  });
});
