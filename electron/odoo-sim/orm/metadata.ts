/** get_metadata: audit fields plus the external ids found in ir.model.data. */
import type { SimRecord } from '../dataset';
import type { SimEnv } from './env';
import { displayName } from './field-values';

function userRef(env: SimEnv, id: unknown): unknown {
  if (typeof id !== 'number') return false;
  const user = env.dataset.get('res.users', id);
  return [id, user ? displayName(env, 'res.users', user) : `res.users,${id}`];
}

export function metadataOf(env: SimEnv, model: string, records: SimRecord[]): unknown[] {
  const xmlids = env.dataset.table('ir.model.data').filter((row) => row.model === model);
  return records.map((record) => {
    const own = xmlids
      .filter((row) => row.res_id === record.id)
      .map((row) => ({ xmlid: `${String(row.module)}.${String(row.name)}`, noupdate: row.noupdate === true }));
    return {
      id: record.id,
      create_uid: userRef(env, record.create_uid),
      create_date: record.create_date ?? false,
      write_uid: userRef(env, record.write_uid),
      write_date: record.write_date ?? false,
      xmlid: own[0]?.xmlid ?? false,
      noupdate: own[0]?.noupdate ?? false,
      xmlids: own,
    };
  });
}
