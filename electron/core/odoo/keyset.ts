import { OdooError } from './errors';
import type { Domain, KeysetPage, KeysetQuery, OdooRecord } from './types';

export const KEYSET_MIN_PAGE = 50;
export const KEYSET_MAX_PAGE = 5000;
export const KEYSET_DEFAULT_PAGE = 500;
/** A page should take about this long: long enough to amortise the per-call cost, short enough to stay far from timeouts. */
const TARGET_PAGE_MS = 2000;

/** Fetches one page; `retryTimeouts: false` so a slow page is retried smaller instead of identical. */
export type PageFetcher = (domain: Domain, limit: number) => Promise<OdooRecord[]>;

/** Errors that mean "ask for less": timeouts, 413, and the server running out of memory. */
export function isPageTooBig(error: unknown): boolean {
  if (!(error instanceof OdooError)) return false;
  if (error.code === 'odoo.timeout' || error.status === 413) return true;
  return error.code === 'odoo.server' && /memory/i.test(`${error.odooName ?? ''} ${error.odooMessage ?? ''}`);
}

/** Next page size from how long the last page took: double when fast, halve when slow. */
export function adaptPageSize(current: number, elapsedMs: number): number {
  if (elapsedMs < TARGET_PAGE_MS / 2) return Math.min(KEYSET_MAX_PAGE, current * 2);
  if (elapsedMs > TARGET_PAGE_MS * 2) return Math.max(KEYSET_MIN_PAGE, Math.floor(current / 2));
  return current;
}

/**
 * Keyset paging: `order id asc`, `domain + [id > last]`, stop on a short page. Unlike offset paging
 * it neither slows down with depth nor skips rows when records are inserted or archived mid-scan.
 */
export async function* readKeysetPages(q: KeysetQuery, fetchPage: PageFetcher, now: () => number = () => Date.now()): AsyncGenerator<KeysetPage> {
  let size = Math.min(KEYSET_MAX_PAGE, Math.max(KEYSET_MIN_PAGE, Math.floor(q.pageSize ?? KEYSET_DEFAULT_PAGE)));
  let lastId = q.afterId ?? 0;
  for (;;) {
    const domain: Domain = [...(q.domain ?? []), ['id', '>', lastId]];
    const started = now();
    let records: OdooRecord[];
    try {
      records = await fetchPage(domain, size);
    } catch (error) {
      if (isPageTooBig(error) && size > KEYSET_MIN_PAGE) {
        size = Math.max(KEYSET_MIN_PAGE, Math.floor(size / 2));
        continue;
      }
      throw error;
    }
    const last = records.at(-1);
    if (!last) return;
    if (last.id <= lastId) {
      throw new OdooError('odoo.server', `Keyset paging did not advance (last id ${last.id} after ${lastId}); the server ignores "order: id asc".`);
    }
    lastId = last.id;
    yield { records, lastId, pageSize: size };
    if (records.length < size) return;
    size = adaptPageSize(size, now() - started);
  }
}
