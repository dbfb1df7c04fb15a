import type Database from 'better-sqlite3';
import type { SectionCommentary } from '../../../shared/boardpack/build';
import type { FinalMark, SectionId, TemplateId } from '../../../shared/boardpack/model';
import type { PackTarget } from './pack-target';

/** The scope key stored with commentary and final marks: 'group', 'company:<id>' or 'companies:<id>,<id>…' (a subset). */
export function scopeKey(scope: PackTarget): string {
  if (scope.kind === 'consolidated') return 'group';
  return scope.kind === 'company' ? `company:${scope.companyId}` : `companies:${scope.companyIds.join(',')}`;
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Saves (or replaces) the commentary of one section for a month and scope; empty text deletes it. */
export function saveCommentary(db: Database.Database, entry: { month: string; scope: PackTarget; section: SectionId; text: string; author?: string; at: string }): void {
  const key = scopeKey(entry.scope);
  if (entry.text.trim() === '') {
    db.prepare('DELETE FROM app_pack_commentary WHERE month = ? AND scope = ? AND section_id = ?').run(entry.month, key, entry.section);
    return;
  }
  db.prepare(
    `INSERT INTO app_pack_commentary (month, scope, section_id, body, author, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (month, scope, section_id) DO UPDATE SET body = excluded.body, author = excluded.author, updated_at = excluded.updated_at`,
  ).run(entry.month, key, entry.section, entry.text, entry.author ?? null, entry.at);
}

/** The commentary of a month and scope by section (empty when the table does not exist, e.g. an old snapshot). */
export function loadCommentary(db: Database.Database, month: string, scope: PackTarget): Partial<Record<SectionId, SectionCommentary>> {
  if (!hasTable(db, 'app_pack_commentary')) return {};
  const rows = db
    .prepare('SELECT section_id, body, author, updated_at FROM app_pack_commentary WHERE month = ? AND scope = ? ORDER BY section_id')
    .all(month, scopeKey(scope)) as Array<{ section_id: SectionId; body: string; author: string | null; updated_at: string }>;
  const result: Partial<Record<SectionId, SectionCommentary>> = {};
  for (const row of rows) result[row.section_id] = { text: row.body, updatedAt: row.updated_at, ...(row.author ? { author: row.author } : {}) };
  return result;
}

/** A recorded final mark with the frozen snapshot it refers to. */
export interface StoredFinalMark extends FinalMark {
  snapshotFile: string;
  snapshotHash: string;
  errorFindings: number;
}

/** Records that a pack is final (once: a final pack is not re-marked). */
export function recordFinal(db: Database.Database, entry: { month: string; scope: PackTarget; template: TemplateId; mark: StoredFinalMark }): void {
  db.prepare(
    'INSERT INTO app_pack_final (month, scope, template, marked_by, marked_at, waiver, error_findings, snapshot_file, snapshot_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(entry.month, scopeKey(entry.scope), entry.template, entry.mark.by, entry.mark.at, entry.mark.waiver ?? null, entry.mark.errorFindings, entry.mark.snapshotFile, entry.mark.snapshotHash);
}

/** The final mark of a pack, if any. */
export function loadFinal(db: Database.Database, month: string, scope: PackTarget, template: TemplateId): StoredFinalMark | null {
  if (!hasTable(db, 'app_pack_final')) return null;
  const row = db
    .prepare('SELECT marked_by, marked_at, waiver, error_findings, snapshot_file, snapshot_hash FROM app_pack_final WHERE month = ? AND scope = ? AND template = ?')
    .get(month, scopeKey(scope), template) as
    | { marked_by: string; marked_at: string; waiver: string | null; error_findings: number; snapshot_file: string; snapshot_hash: string }
    | undefined;
  if (!row) return null;
  return {
    by: row.marked_by,
    at: row.marked_at,
    ...(row.waiver ? { waiver: row.waiver } : {}),
    errorFindings: row.error_findings,
    snapshotFile: row.snapshot_file,
    snapshotHash: row.snapshot_hash,
  };
}
