import { cancelledError } from './errors';

export interface SchedulerOptions {
  /** Calls allowed in flight at once (>= 1). */
  maxConcurrency: number;
  /** Minimum time from the previous call's start, and from its completion, to the next start, in ms. */
  minIntervalMs: number;
  /** Time source in ms; injectable so timing logic can be tested with fake timers. */
  now?: () => number;
}

export interface Scheduler {
  /** Runs `task` once a slot is free and the interval since the previous start and completion has passed. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Holds every call start until `ms` from now (used when the server sends Retry-After). */
  pauseFor(ms: number): void;
  inFlight(): number;
  queued(): number;
}

const INTERVAL_SLACK_MS = 5;

interface Waiter {
  start: () => void;
  cancel: () => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * A polite request gate: at most `maxConcurrency` calls in flight and at least `minIntervalMs`
 * between a call's start and the previous call's start *and completion*, first-come first-served.
 * Counting from the completion matters: the server sees arrival times, and a request delayed on
 * the way in (new connection, busy host) would otherwise arrive less than the interval before the
 * next one. Odoo Online has no published rate limit; this keeps the client under what it enforces.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const maxConcurrency = Math.max(1, Math.floor(options.maxConcurrency));
  // A few ms of slack so timer rounding never lands a start just under the interval.
  const minIntervalMs = options.minIntervalMs > 0 ? options.minIntervalMs + INTERVAL_SLACK_MS : 0;
  const now = options.now ?? (() => performance.now());
  const queue: Waiter[] = [];
  let running = 0;
  let lastStart = Number.NEGATIVE_INFINITY;
  let lastEnd = Number.NEGATIVE_INFINITY;
  let pausedUntil = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const pump = (): void => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    while (queue.length > 0 && running < maxConcurrency) {
      const earliest = Math.max(lastStart + minIntervalMs, lastEnd + minIntervalMs, pausedUntil);
      const wait = earliest - now();
      if (wait > 0) {
        timer = setTimeout(pump, wait);
        return;
      }
      const next = queue.shift();
      if (!next) return;
      if (next.signal && next.onAbort) next.signal.removeEventListener('abort', next.onAbort);
      running++;
      lastStart = now();
      next.start();
    }
  };

  return {
    run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      if (signal?.aborted) return Promise.reject(cancelledError());
      return new Promise<T>((resolve, reject) => {
        const waiter: Waiter = {
          signal,
          start: () => {
            task()
              .then(resolve, reject)
              .finally(() => {
                running--;
                lastEnd = now();
                pump();
              });
          },
          cancel: () => reject(cancelledError()),
        };
        if (signal) {
          waiter.onAbort = () => {
            const index = queue.indexOf(waiter);
            if (index >= 0) {
              queue.splice(index, 1);
              waiter.cancel();
              pump();
            }
          };
          signal.addEventListener('abort', waiter.onAbort, { once: true });
        }
        queue.push(waiter);
        pump();
      });
    },
    pauseFor(ms: number): void {
      pausedUntil = Math.max(pausedUntil, now() + ms);
    },
    inFlight: () => running,
    queued: () => queue.length,
  };
}

/** Waits `ms`, or rejects with 'cancelled' as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(cancelledError());
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(handle);
      reject(cancelledError());
    };
    const handle = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
