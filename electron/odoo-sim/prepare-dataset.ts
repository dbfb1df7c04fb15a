/**
 * Makes a dataset servable: res.users rows for the simulated users and ir.model rows for the installed
 * models (odoorpc checks `model in env` through ir.model), unless the generator already provided them.
 */
import { toOdooDatetime, type SimDataset, type SimRecord } from './dataset';
import { schemaFor, type SimVersion } from './schema/index';
import type { SimUser } from './security/users';

export function prepareDataset(dataset: SimDataset, users: SimUser[], installedModels: ReadonlySet<string>, version: SimVersion, now: Date): void {
  const stamp = toOdooDatetime(now);
  const missingUsers = users.filter((user) => !dataset.get('res.users', user.id));
  dataset.addRecords(
    'res.users',
    missingUsers.map((user): SimRecord => ({
      id: user.id,
      name: user.name,
      login: user.login,
      active: true,
      share: false,
      company_id: user.companyId,
      company_ids: user.companyIds,
      partner_id: false,
      tz: user.tz,
      lang: user.lang,
      email: false,
      create_date: stamp,
      write_date: stamp,
    })),
  );
  if (dataset.table('ir.model').length === 0) {
    const rows: SimRecord[] = [...installedModels].sort().map((model, i) => ({
      id: i + 1,
      model,
      name: schemaFor(version, model)?.description ?? model,
      state: 'base',
      transient: false,
      create_date: stamp,
      write_date: stamp,
    }));
    dataset.addRecords('ir.model', rows);
  }
}
