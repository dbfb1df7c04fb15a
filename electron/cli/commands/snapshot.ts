import { resolve } from 'node:path';
import { parseFlags, requireFlag } from '../args';
import { UsageError, type CliCommand, type CliIO } from '../command';
import { createLogger } from '../../core/logging/logger';
import { diffSnapshots, type DiffBucket, type SnapshotDiff } from '../../core/snapshot/diff';
import { closeSnapshot, listSnapshots, type SnapshotInfo } from '../../core/snapshot/snapshot-file';

const USAGE = [
  'boardpack snapshot close --cache FILE --month YYYY-MM [--json]',
  'boardpack snapshot list --cache FILE [--json]',
  'boardpack snapshot diff A.sqlite B.sqlite [--json]',
].join('\n       ');

function describe(info: SnapshotInfo): string {
  const source = info.source_db ? `${info.source_db}${info.odoo_version ? ` (Odoo ${info.odoo_version})` : ''}` : 'unknown source';
  return `${info.month}  ${info.verified ? 'verified' : 'HASH MISMATCH'}  ${info.content_hash.slice(0, 16)}  closed ${info.created_at}  data of ${info.last_sync_at ?? '?'}  ${source}  ${info.file}`;
}

function bucketText(label: string, bucket: DiffBucket): string {
  if (bucket.count === 0) return '';
  const amounts = bucket.amounts.map((a) => `${a.column} ${a.amount} ${a.currency}`).join(', ');
  return `${label} ${bucket.count}${amounts ? ` (${amounts})` : ''}`;
}

function printDiff(diff: SnapshotDiff, io: CliIO): void {
  io.out(`${diff.a.month} -> ${diff.b.month}`);
  if (diff.models.length === 0) io.out('No differences in synced data.');
  for (const m of diff.models) {
    const parts = [bucketText('+', m.added), bucketText('~', m.changed), bucketText('-', m.deleted)].filter(Boolean);
    io.out(`  ${m.model.padEnd(26)} company ${String(m.company_id).padEnd(4)} ${parts.join('  ')}`);
  }
}

export const command: CliCommand = {
  name: 'snapshot',
  summary: 'Freeze the cache as an immutable month-end snapshot, list snapshots, diff two of them',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { cache: { type: 'string' }, month: { type: 'string' }, json: { type: 'boolean' } }, true);
    const [action, ...rest] = positionals;
    const logger = createLogger({ level: 'warn' });
    const json = values.json ?? false;
    switch (action) {
      case 'close': {
        const info = closeSnapshot(resolve(io.cwd, requireFlag(values.cache, 'cache')), requireFlag(values.month, 'month'), { logger });
        io.out(json ? JSON.stringify(info) : `Closed ${describe(info)}`);
        return 0;
      }
      case 'list': {
        const list = listSnapshots(resolve(io.cwd, requireFlag(values.cache, 'cache')), { logger });
        if (json) io.out(JSON.stringify({ snapshots: list }));
        else if (list.length === 0) io.out('No snapshots yet (boardpack snapshot close --cache FILE --month YYYY-MM).');
        else list.forEach((info) => io.out(describe(info)));
        return list.every((s) => s.verified) ? 0 : 1;
      }
      case 'diff': {
        if (rest.length !== 2) throw new UsageError('snapshot diff needs two snapshot files: A B');
        const diff = diffSnapshots(resolve(io.cwd, rest[0]), resolve(io.cwd, rest[1]), { logger });
        if (json) io.out(JSON.stringify(diff));
        else printDiff(diff, io);
        return 0;
      }
      default:
        throw new UsageError(action === undefined ? 'missing action: close, list or diff' : `unknown action "${action}": use close, list or diff`);
    }
  },
};
