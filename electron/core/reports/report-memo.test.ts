import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createResultMemo, dataStamp } from './report-memo';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-memo-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('dataStamp', () => {
  it('moves with writes of this connection and commits of another one, not with reads', () => {
    const file = join(dir, 'c.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x INTEGER)');
    const before = dataStamp(db);
    db.prepare('SELECT count(*) FROM t').get();
    expect(dataStamp(db)).toBe(before);

    db.prepare('INSERT INTO t VALUES (1)').run();
    const afterOwnWrite = dataStamp(db);
    expect(afterOwnWrite).not.toBe(before);

    const other = new Database(file);
    other.prepare('INSERT INTO t VALUES (2)').run();
    other.close();
    expect(dataStamp(db)).not.toBe(afterOwnWrite);
    db.close();
  });
});

describe('createResultMemo', () => {
  it('computes once per key and drops the least recently used beyond capacity', () => {
    const memo = createResultMemo<number>(2);
    let computed = 0;
    const value = (key: string) => memo.get(key, () => ++computed);
    expect(value('a')).toBe(1);
    expect(value('a')).toBe(1);
    expect(value('b')).toBe(2);
    expect(value('a')).toBe(1); // a is now the most recent
    expect(value('c')).toBe(3); // evicts b
    expect(memo.size).toBe(2);
    expect(value('b')).toBe(4); // evicts a, the least recently used of (a, c)
    expect(value('c')).toBe(3);
    expect(value('a')).toBe(5);
  });
});
