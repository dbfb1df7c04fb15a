/**
 * A small hand-made dataset shaped like the fixtures' demo database, used until (and besides) the demo
 * company generator: two companies (EUR and GBP), rates, accounts, journals, partners, products,
 * ~90 journal entries with lines, payments with partial/full reconciliations, sales orders, CRM leads,
 * warehouses, quants and stock moves. Deterministic: the same call gives the same data.
 */
import type { SimDataset } from './dataset';
import { seedAccounting } from './seed/accounting';
import { SeedBuilder } from './seed/builder';
import { seedMasterData } from './seed/master-data';
import { seedOperations } from './seed/operations';

export function buildSmallDataset(): SimDataset {
  const builder = new SeedBuilder('2026-11-01 08:00:00');
  const companies = seedMasterData(builder);
  seedAccounting(builder, companies);
  seedOperations(builder, companies);
  builder.add('ir.model.data', { module: 'base', name: 'main_company', model: 'res.company', res_id: 1, noupdate: true });
  builder.add('ir.model.data', { module: 'base', name: 'main_partner', model: 'res.partner', res_id: 1, noupdate: true });
  builder.add('ir.model.data', { module: 'base', name: 'EUR', model: 'res.currency', res_id: 126, noupdate: true });
  return builder.dataset;
}
