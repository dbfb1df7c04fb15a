import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/rpc/errors';
import type { Clock } from '../clock';
import type { OdooTableRepo } from '../db/repos/odoo-table-repo';
import type { SyncStateRepo, Watermark } from '../db/repos/sync-state-repo';
import type { Logger } from '../logging/logger';
import type { CallOptions, Domain, OdooClient, OdooRecord } from '../odoo/types';
import type { BoundModel, CurrencyLookup } from './row-mapper';
import type { SyncProgress } from './types';
import { laterOf, scanSince } from './watermark-math';

export interface ModelSyncContext {
  db: Database.Database;
  client: OdooClient;
  state: SyncStateRepo;
  clock: Clock;
  logger: Logger;
  overlapSeconds: number;
  pageSize: number;
  idPageSize: number;
}

export interface ModelSyncJob {
  bound: BoundModel;
  repo: OdooTableRepo;
  companyId: number;
  full: boolean;
  currencies: () => CurrencyLookup;
  signal?: AbortSignal;
  progress: (event: Pick<SyncProgress, 'phase' | 'done' | 'total' | 'rate' | 'etaSeconds'>) => void;
}

const READ_CHUNK = 1000;

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('cancelled', 'The sync was cancelled; it resumes from the last saved page next time.');
}

/**
 * Syncs one model for one company: an id-keyset scan of everything written since the watermark
 * (minus the overlap), each page committed together with the watermark, then a deletion check.
 * Returns what it fetched and deleted, and the time spent writing pages (mapping + upserts + watermark).
 */
export async function syncModelForCompany(ctx: ModelSyncContext, job: ModelSyncJob): Promise<{ fetched: number; deleted: number; writeMs: number }> {
  const { client, state, clock } = ctx;
  const { bound, repo, companyId, signal } = job;
  const model = bound.spec.model;
  const opts: CallOptions = { context: { allowed_company_ids: [companyId], active_test: false, lang: 'en_US' }, signal };
  const now = () => clock.now().toISOString();
  const started = clock.now().getTime();

  // One count of everything: the progress total of a full scan and the baseline of the deletion check.
  const remoteCount = await client.searchCount(model, [], opts);

  const previous = state.getWatermark(model, companyId);
  const resumable = previous?.phase === 'scan' && (!job.full || previous.scan_since === null);
  const since = resumable ? previous.scan_since : job.full || !previous?.write_date ? null : scanSince(previous.write_date, ctx.overlapSeconds);
  const afterId = resumable ? previous.last_id : 0;
  let scanMax = resumable ? previous.scan_max_write_date : null;
  const committed: string | null = previous?.write_date ?? null;
  const domain: Domain = since === null ? [] : [['write_date', '>=', since]];

  let total: number | null = since === null ? remoteCount : null;
  let fetched = 0;
  const report = (phase: SyncProgress['phase']) => {
    const seconds = Math.max(0.001, (clock.now().getTime() - started) / 1000);
    const rate = fetched / seconds;
    const left = total === null ? null : Math.max(0, total - fetched);
    job.progress({ phase, done: fetched, total, rate, etaSeconds: left === null || rate === 0 ? null : left / rate });
  };
  report('scan');

  const writePage = ctx.db.transaction((records: OdooRecord[], lastId: number) => {
    const currencies = job.currencies();
    for (const record of records) {
      repo.upsert(companyId, record.id, bound.toRow(record, currencies));
      scanMax = laterOf(scanMax, typeof record.write_date === 'string' ? record.write_date : null);
    }
    const wm: Watermark = { model, company_id: companyId, write_date: committed, last_id: lastId, phase: 'scan', scan_since: since, scan_max_write_date: scanMax, skipped_reason: null };
    state.putWatermark(wm, now());
  });

  let firstPage = true;
  let writeMs = 0;
  for await (const page of client.readKeyset(model, { domain, fields: bound.fields, pageSize: ctx.pageSize, afterId }, opts)) {
    throwIfCancelled(signal);
    const writeStart = performance.now();
    writePage(page.records, page.lastId);
    writeMs += performance.now() - writeStart;
    fetched += page.records.length;
    if (firstPage && total === null && page.records.length >= page.pageSize) total = await client.searchCount(model, domain, opts);
    firstPage = false;
    report('scan');
  }
  throwIfCancelled(signal);
  state.putWatermark({ model, company_id: companyId, write_date: laterOf(committed, scanMax), last_id: 0, phase: 'done', scan_since: null, scan_max_write_date: null, skipped_reason: null }, now());

  const deleted = await reconcileIdSets(ctx, job, remoteCount, opts);
  total = total ?? fetched;
  report('done');
  return { fetched, deleted, writeMs };
}

/**
 * Deletions are invisible to write_date scans. After a finished scan the cache holds every id
 * Odoo had at count time, so equal counts mean nothing was deleted (one call). Otherwise the ids
 * are listed in pages and compared: extra local rows are deleted, and ids the scan missed (a
 * commit landing behind the scan) are read and stored.
 */
async function reconcileIdSets(ctx: ModelSyncContext, job: ModelSyncJob, remoteCount: number, opts: CallOptions): Promise<number> {
  const { client } = ctx;
  const { bound, repo, companyId, signal } = job;
  if (repo.count(companyId) === remoteCount) return 0;
  job.progress({ phase: 'deletions', done: 0, total: remoteCount, rate: 0, etaSeconds: null });

  const remote = new Set<number>();
  let lastId = 0;
  for (;;) {
    throwIfCancelled(signal);
    const page = await client.search(bound.spec.model, [['id', '>', lastId]], { order: 'id asc', limit: ctx.idPageSize }, opts);
    for (const id of page) remote.add(id);
    if (page.length < ctx.idPageSize) break;
    lastId = page[page.length - 1];
  }
  const local = repo.ids(companyId);
  const localSet = new Set(local);
  const gone = local.filter((id) => !remote.has(id));
  const missing = [...remote].filter((id) => !localSet.has(id));

  const missingRecords: OdooRecord[] = [];
  for (let i = 0; i < missing.length; i += READ_CHUNK) {
    throwIfCancelled(signal);
    missingRecords.push(...(await client.read(bound.spec.model, missing.slice(i, i + READ_CHUNK), bound.fields, opts)));
  }
  let deleted = 0;
  ctx.db.transaction(() => {
    const currencies = job.currencies();
    for (const record of missingRecords) repo.upsert(companyId, record.id, bound.toRow(record, currencies));
    deleted = repo.deleteIds(companyId, gone);
  })();
  if (gone.length > 0 || missing.length > 0) ctx.logger.info('id sets reconciled', { model: bound.spec.model, companyId, deleted, recovered: missingRecords.length });
  return deleted;
}
