import type Database from 'better-sqlite3';

/**
 * One numbered, one-way schema step. `sql` is the exact text `up` executes: its SHA-256 is
 * recorded in schema_migrations, so an edited migration is detected on the next open.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  up(db: Database.Database): void;
}
