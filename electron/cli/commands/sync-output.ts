import type { CliIO } from '../command';
import type { SyncProgress, SyncReport } from '../../core/sync/types';

/** The `--json` document of `boardpack sync`. */
export function syncJson(cache: string, report: SyncReport) {
  return {
    cache,
    status: report.status,
    models: report.models.map((m) => ({ model: m.model, company_id: m.company_id, records: m.fetched, deleted: m.deleted, calls: m.calls, skipped: m.skipped ?? null })),
    calls: report.calls,
    duration_ms: report.durationMs,
    ...(report.error ? { error: report.error } : {}),
  };
}

function bar(done: number, total: number | null, width = 24): string {
  if (total === null || total === 0) return `[${'-'.repeat(width)}]`;
  const filled = Math.min(width, Math.round((done / total) * width));
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

/**
 * Progress bars on stderr: one line per model and company when it finishes, plus at most one
 * line a second while a long model is read (stderr may be a file, so no carriage-return tricks).
 */
export function progressPrinter(io: CliIO, now: () => number = Date.now): (event: SyncProgress) => void {
  let lastLine = 0;
  return (event) => {
    const label = `${String(event.step).padStart(3)}/${event.steps} ${event.model.padEnd(26)} company ${String(event.companyId).padEnd(3)}`;
    if (event.phase === 'skipped') {
      io.err(`${label} skipped`);
      return;
    }
    const t = now();
    if (event.phase !== 'done' && t - lastLine < 1000) return;
    lastLine = t;
    const counts = `${event.done}${event.total === null ? '' : `/${event.total}`}`;
    const eta = event.phase === 'done' || event.etaSeconds === null ? '' : ` ETA ${Math.ceil(event.etaSeconds)}s`;
    io.err(`${label} ${bar(event.phase === 'done' ? 1 : event.done, event.phase === 'done' ? 1 : event.total)} ${counts} ${Math.round(event.rate)}/s${eta}${event.phase === 'deletions' ? ' (checking deletions)' : ''}`);
  };
}

/** Human summary on stdout. */
export function printSummary(cache: string, report: SyncReport, io: CliIO): void {
  const fetched = report.models.reduce((n, m) => n + m.fetched, 0);
  const deleted = report.models.reduce((n, m) => n + m.deleted, 0);
  const skipped = report.models.filter((m) => m.skipped);
  io.out(`Sync ${report.status}: ${fetched} records, ${deleted} deleted, ${report.calls} calls in ${(report.durationMs / 1000).toFixed(1)} s -> ${cache}`);
  for (const m of skipped) io.out(`  skipped ${m.model} (company ${m.company_id}): ${m.skipped}`);
}
