/** Everything one call runs with: the data, the schema, the user and the resolved companies/context. */
import type { SimDataset } from '../dataset';
import type { SchemaRegistry, SimVersion } from '../schema/index';
import type { SimUser } from '../security/users';

export interface SimEnv {
  dataset: SimDataset;
  schemas: SchemaRegistry;
  version: SimVersion;
  user: SimUser;
  /** Active company set (context allowed_company_ids, else all the user's companies). */
  companyIds: number[];
  /** Current company: first of allowed_company_ids, else the user's default company. */
  companyId: number;
  context: Record<string, unknown>;
  /** Transaction start time (create_date / write_date of writes in this call). */
  now: Date;
  /** Models present in this database ("installed modules"). */
  installedModels: ReadonlySet<string>;
}

/** active_test from the context (default true, as in Odoo). */
export function activeTest(env: SimEnv): boolean {
  return env.context.active_test !== false;
}
