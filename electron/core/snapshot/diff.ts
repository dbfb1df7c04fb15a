import type Database from 'better-sqlite3';
import { formatMinorUnits } from '../db/amounts';
import type { Logger } from '../logging/logger';
import { columnNames, type ModelSpec } from '../sync/column-spec';
import { MODEL_SPECS } from '../sync/model-specs';
import { openSnapshot } from './snapshot-file';

/** A money total in one currency. `minor` is exact; `amount` is its decimal text. */
export interface DiffAmount {
  column: string;
  currency: string;
  minor: number;
  amount: string;
}

export interface DiffBucket {
  count: number;
  /** Added/deleted: totals of the rows; changed: B minus A. */
  amounts: DiffAmount[];
}

export interface ModelDiff {
  model: string;
  company_id: number;
  added: DiffBucket;
  changed: DiffBucket;
  deleted: DiffBucket;
}

export interface SnapshotDiff {
  a: { file: string; month: string; content_hash: string };
  b: { file: string; month: string; content_hash: string };
  models: ModelDiff[];
}

type Row = Record<string, unknown> & { sync_company_id: number; id: number };

interface MoneyColumn {
  column: string;
  /** Column holding the currency NAME for this amount, or null for "the company currency". */
  currencyNameColumn: string | null;
}

function moneyColumns(spec: ModelSpec): MoneyColumn[] {
  const names = new Set(spec.columns.flatMap(columnNames));
  return spec.columns.flatMap((c) => {
    if (c.kind !== 'money') return [];
    if (c.currency === 'company') return [{ column: c.column, currencyNameColumn: names.has('company_currency_name') ? 'company_currency_name' : null }];
    const nameColumn = c.currency.field.replace(/_id$/, '_name');
    return [{ column: c.column, currencyNameColumn: names.has(nameColumn) ? nameColumn : null }];
  });
}

class Totals {
  readonly buckets = new Map<string, DiffBucket & { sums: Map<string, number> }>();
  bucket(key: string) {
    let b = this.buckets.get(key);
    if (!b) {
      b = { count: 0, amounts: [], sums: new Map() };
      this.buckets.set(key, b);
    }
    return b;
  }
}

/**
 * What changed between two snapshots, per model and company: rows added, changed (any column but
 * write_date) and deleted, with money totals per column and currency. Both files are hash-verified.
 */
export function diffSnapshots(fileA: string, fileB: string, deps: { logger: Logger }): SnapshotDiff {
  const a = openSnapshot(fileA, deps);
  const b = openSnapshot(fileB, deps);
  try {
    const models: ModelDiff[] = [];
    for (const spec of MODEL_SPECS) models.push(...diffTable(a.cache.db, b.cache.db, spec));
    return {
      a: { file: fileA, month: a.meta.month, content_hash: a.meta.content_hash },
      b: { file: fileB, month: b.meta.month, content_hash: b.meta.content_hash },
      models,
    };
  } finally {
    a.cache.close();
    b.cache.close();
  }
}

function companyCurrencies(db: Database.Database): { name: Map<number, string>; decimals: Map<string, number> } {
  const name = new Map<number, string>();
  for (const row of db.prepare('SELECT sync_company_id, currency_name FROM odoo_company WHERE id = sync_company_id').all() as Array<{ sync_company_id: number; currency_name: string | null }>) {
    if (row.currency_name) name.set(row.sync_company_id, row.currency_name);
  }
  const decimals = new Map<string, number>();
  for (const row of db.prepare('SELECT name, decimal_places FROM odoo_currency WHERE decimal_places IS NOT NULL').all() as Array<{ name: string; decimal_places: number }>) decimals.set(row.name, row.decimal_places);
  return { name, decimals };
}

function diffTable(dbA: Database.Database, dbB: Database.Database, spec: ModelSpec): ModelDiff[] {
  const compared = spec.columns.flatMap(columnNames);
  const money = moneyColumns(spec);
  const curA = companyCurrencies(dbA);
  const curB = companyCurrencies(dbB);
  const totals = new Map<number, { added: Totals; changed: Totals; deleted: Totals }>();
  const per = (companyId: number) => {
    let t = totals.get(companyId);
    if (!t) {
      t = { added: new Totals(), changed: new Totals(), deleted: new Totals() };
      totals.set(companyId, t);
    }
    return t;
  };
  const currencyOf = (row: Row, m: MoneyColumn, cur: ReturnType<typeof companyCurrencies>) => {
    const named = m.currencyNameColumn === null ? null : row[m.currencyNameColumn];
    return typeof named === 'string' ? named : cur.name.get(row.sync_company_id) ?? '?';
  };
  const add = (bucket: DiffBucket & { sums: Map<string, number> }, column: string, currency: string, value: number) => {
    const key = `${column}\u0000${currency}`;
    bucket.sums.set(key, (bucket.sums.get(key) ?? 0) + value);
  };

  const sql = `SELECT * FROM ${spec.table} ORDER BY sync_company_id, id`;
  const itA = (dbA.prepare(sql).iterate() as IterableIterator<Row>)[Symbol.iterator]();
  const itB = (dbB.prepare(sql).iterate() as IterableIterator<Row>)[Symbol.iterator]();
  let ra = itA.next();
  let rb = itB.next();
  const cmp = (x: Row, y: Row) => x.sync_company_id - y.sync_company_id || x.id - y.id;
  while (!ra.done || !rb.done) {
    const order = ra.done ? 1 : rb.done ? -1 : cmp(ra.value, rb.value);
    if (order < 0) {
      const row = ra.value as Row;
      const bucket = per(row.sync_company_id).deleted.bucket('');
      bucket.count++;
      for (const m of money) if (typeof row[m.column] === 'number') add(bucket, m.column, currencyOf(row, m, curA), row[m.column] as number);
      ra = itA.next();
    } else if (order > 0) {
      const row = rb.value as Row;
      const bucket = per(row.sync_company_id).added.bucket('');
      bucket.count++;
      for (const m of money) if (typeof row[m.column] === 'number') add(bucket, m.column, currencyOf(row, m, curB), row[m.column] as number);
      rb = itB.next();
    } else {
      const x = ra.value as Row;
      const y = rb.value as Row;
      if (compared.some((c) => x[c] !== y[c])) {
        const bucket = per(y.sync_company_id).changed.bucket('');
        bucket.count++;
        for (const m of money) {
          const before = typeof x[m.column] === 'number' ? (x[m.column] as number) : 0;
          const after = typeof y[m.column] === 'number' ? (y[m.column] as number) : 0;
          const ca = currencyOf(x, m, curA);
          const cb = currencyOf(y, m, curB);
          if (ca === cb) {
            if (after !== before) add(bucket, m.column, cb, after - before);
          } else {
            // A currency change is two movements, never one mixed-currency delta.
            add(bucket, m.column, ca, -before);
            add(bucket, m.column, cb, after);
          }
        }
      }
      ra = itA.next();
      rb = itB.next();
    }
  }

  const decimalsOf = (currency: string) => curB.decimals.get(currency) ?? curA.decimals.get(currency) ?? 2;
  const finish = (t: Totals): DiffBucket => {
    const b = t.buckets.get('');
    if (!b) return { count: 0, amounts: [] };
    const amounts = [...b.sums.entries()]
      .filter(([, minor]) => minor !== 0)
      .map(([key, minor]) => {
        const [column, currency] = key.split('\u0000');
        return { column, currency, minor, amount: formatMinorUnits(minor, decimalsOf(currency)) };
      })
      .sort((p, q) => p.column.localeCompare(q.column) || p.currency.localeCompare(q.currency));
    return { count: b.count, amounts };
  };
  return [...totals.entries()]
    .sort(([p], [q]) => p - q)
    .map(([companyId, t]) => ({ model: spec.model, company_id: companyId, added: finish(t.added), changed: finish(t.changed), deleted: finish(t.deleted) }))
    .filter((d) => d.added.count + d.changed.count + d.deleted.count > 0);
}
