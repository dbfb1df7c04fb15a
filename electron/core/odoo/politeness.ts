import type { OdooConnectionConfig } from './types';

/** The request limits the client actually applies, after defaults and the Odoo Online floor. */
export interface Politeness {
  online: boolean;
  maxConcurrency: number;
  minIntervalMs: number;
  timeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

export const SELF_HOSTED_DEFAULTS = { maxConcurrency: 4, minIntervalMs: 0 } as const;
const MAX_RETRY_AFTER_MS = 300_000;

export const ONLINE_LIMITS = { maxConcurrency: 1, minIntervalMs: 1000 } as const;

/** True for Odoo Online hosts (`<name>.odoo.com`). Odoo.sh (`*.odoo.sh`) is self-managed capacity. */
export function isOdooOnlineHost(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === 'odoo.com' || host.endsWith('.odoo.com');
  } catch {
    return false;
  }
}

/**
 * Resolves the limits. On Odoo Online the settings can only make the client *more* careful:
 * one call in flight and >= 1 s between starts are a floor, because the hosting suspends abusers
 * without publishing numbers.
 */
export function resolvePoliteness(config: OdooConnectionConfig): Politeness {
  const hosting = config.hosting ?? 'auto';
  const online = hosting === 'online' || (hosting === 'auto' && isOdooOnlineHost(config.url));
  const base = online ? ONLINE_LIMITS : SELF_HOSTED_DEFAULTS;
  let maxConcurrency = Math.max(1, Math.floor(config.maxConcurrency ?? base.maxConcurrency));
  let minIntervalMs = Math.max(0, config.minIntervalMs ?? base.minIntervalMs);
  if (online) {
    maxConcurrency = Math.min(maxConcurrency, ONLINE_LIMITS.maxConcurrency);
    minIntervalMs = Math.max(minIntervalMs, ONLINE_LIMITS.minIntervalMs);
  }
  return {
    online,
    maxConcurrency,
    minIntervalMs,
    timeoutMs: Math.max(1, config.timeoutMs ?? 120_000),
    maxRetries: Math.max(0, Math.floor(config.maxRetries ?? 4)),
    retryBaseMs: Math.max(0, config.retryBaseMs ?? 500),
    retryMaxMs: Math.max(0, config.retryMaxMs ?? 30_000),
  };
}

/**
 * Wait before retry number `attempt` (1-based): exponential with "equal jitter" (half fixed, half
 * random) so parallel clients do not retry in lockstep, capped at `maxMs`; a server's Retry-After is
 * always honoured (up to five minutes, so a broken header cannot stall a sync for hours).
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exp / 2 + (random() * exp) / 2;
  const serverHint = Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS);
  return Math.round(Math.max(Math.min(maxMs, jittered), serverHint));
}
