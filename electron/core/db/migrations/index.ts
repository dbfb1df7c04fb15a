import type { Migration } from './types';
import { migration as m0001 } from './0001-initial';
import { migration as m0002 } from './0002-reporting-user-tables';
import { migration as m0003 } from './0003-reporting-account-roles';
import { migration as m0004 } from './0004-reconciliation';
import { migration as m0005 } from './0005-board-pack';
import { migration as m0006 } from './0006-ledger-covering-index';

/**
 * Every migration, in order. Static imports keep this bundler-safe. To add one: create
 * `NNNN-name.ts` exporting `migration` (next version number, never reuse or edit a shipped one)
 * and add ONE import and ONE array entry here.
 */
export const migrations: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
];
