/**
 * Scoring a reconciliation against the demo generator's answer key: every planted discrepancy
 * must be found with its category (recall) and nothing else may be flagged (precision). Used by
 * the end-to-end demo test and handy from a script while tuning the generator or the matcher.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import type { RecordResult } from '../../../shared/reconcile/result';
import type { AnswerKey } from '../../demo/answer-key';
import { runGenerator } from '../../demo/generate';
import type { DemoScale } from '../../demo/types';
import { SimDataset } from '../../odoo-sim/dataset';
import { startOdooSimulator } from '../../odoo-sim/server';
import type { Clock } from '../clock';
import { openCache } from '../db/open';
import type { Logger } from '../logging/logger';
import { createOdooClient } from '../odoo/client';
import { createSyncEngine } from '../sync/engine';
import type { SyncReport } from '../sync/types';
import { runReconciliation } from './run';

/** The answer-key fields this check reads. */
export interface PlantedRecord {
  channel: string;
  shop_order: string | null;
  odoo_order: string | null;
  category: string;
  month: string;
  shop_amount: number | null;
  odoo_amount: number | null;
  currency: string;
  note: string;
}

/** The answer-key facts about a legal entity that decide how its exports are read. */
export interface DemoEntity {
  id: number;
  currency: string;
  timezone: string;
}

/** Result of scoring one demo company. */
export interface DemoScore {
  planted: number;
  found: number;
  flagged: number;
  correct: number;
  missed: string[];
  wrong: string[];
  extra: string[];
  /** Plants found whose shop or Odoo amount (cents, document currency) differs from the record's. */
  amounts: string[];
  /** Payouts reconciled in the months, by category (PAYOUT_MATCHED: lines = provider total = an Odoo bank line). */
  payouts: Record<string, number>;
  /** Every payout that did not tie out, with its figures. */
  payoutIssues: string[];
}

/**
 * Which entity runs each export folder of the demo: the Shopify store and the marketplace belong to
 * the EUR parent, the WooCommerce shop (and its Stripe account) to the GBP subsidiary. The entity's
 * time zone reads offset-less dates (WooCommerce) and its currency fills rows without one.
 */
const FOLDER_COMPANY: Record<string, number> = { shopify: 1, marketplace: 1, woocommerce: 2, stripe: 2 };

function keyOfPlant(plant: PlantedRecord): string {
  if (plant.channel === 'odoo') return `odoo:${plant.odoo_order ?? ''}`;
  // A Stripe finding about an order (chargeback) is a verdict on the WooCommerce order it paid for.
  if (plant.channel === 'stripe' && plant.shop_order) return `woocommerce:${plant.shop_order}`;
  if (plant.shop_order) return `${plant.channel}:${plant.shop_order}`;
  return `${plant.channel}:${plant.month}:${plant.shop_amount ?? ''}`;
}

function keyOfRecord(record: RecordResult): string {
  if (record.recordType === 'odoo_only') return `odoo:${record.saleOrders[0] ?? record.invoices[0] ?? ''}`;
  if (record.recordType === 'settlement_line') return `${record.source}:${record.month}:${record.shopAmount ?? ''}`;
  return `${record.channel}:${record.sourceRef}`;
}

/** Imports every demo export folder with its entity's time zone and currency. */
export async function importDemoExports(db: Database.Database, exportsDir: string, entities: readonly DemoEntity[], deps: { clock: Clock; logger: Logger }): Promise<number> {
  let imported = 0;
  for (const [folder, companyId] of Object.entries(FOLDER_COMPANY)) {
    const entity = entities.find((candidate) => candidate.id === companyId);
    if (!entity) throw new Error(`the answer key has no company ${companyId} for the ${folder} exports`);
    let files: string[];
    try {
      files = readdirSync(join(exportsDir, folder)).sort().map((file) => join(exportsDir, folder, file));
    } catch {
      continue;
    }
    const report = await runReconciliation(db, { month: '2000-01', files, timeZone: entity.timezone, defaultCurrency: entity.currency, companyId, ...deps });
    imported += report.imports.length;
  }
  return imported;
}

/** Reconciles every month (all entities at once, as the shop exports span both) and scores it against the plants. */
export async function scoreDemo(db: Database.Database, plants: readonly PlantedRecord[], months: readonly string[], deps: { clock: Clock; logger: Logger }): Promise<DemoScore> {
  const expected = new Map(plants.map((plant) => [keyOfPlant(plant), plant]));
  const score: DemoScore = { planted: plants.length, found: 0, flagged: 0, correct: 0, missed: [], wrong: [], extra: [], amounts: [], payouts: {}, payoutIssues: [] };
  const seen = new Set<string>();
  for (const month of months) {
    const report = await runReconciliation(db, { month, files: [], timeZone: 'Europe/Berlin', ...deps });
    for (const payout of report.payouts) {
      const category = payout.categories.join('|');
      score.payouts[category] = (score.payouts[category] ?? 0) + 1;
      if (category !== 'PAYOUT_MATCHED') score.payoutIssues.push(`${payout.source} ${payout.payoutKey} ${payout.payoutDate} ${category}: provider ${payout.providerTotal ?? '-'}, lines ${payout.linesNet}, bank ${payout.bankLine?.amount ?? '-'}`);
    }
    for (const record of report.records) {
      const key = keyOfRecord(record);
      const category = record.categories.join('|');
      const plant = expected.get(key);
      if (category !== 'MATCHED') score.flagged += 1;
      if (!plant) {
        if (category !== 'MATCHED') score.extra.push(`${month} ${key} ${category}`);
        continue;
      }
      seen.add(key);
      score.found += 1;
      if (plant.category === category) score.correct += 1;
      else score.wrong.push(`${month} ${key}: expected ${plant.category}, got ${category} (${plant.note})`);
      const shop = plant.channel === 'odoo' ? null : plant.shop_amount;
      if (record.shopAmount !== shop || record.odooAmount !== plant.odoo_amount || record.currency !== plant.currency) {
        score.amounts.push(`${month} ${key} ${category}: expected shop ${shop ?? '-'} / Odoo ${plant.odoo_amount ?? '-'} ${plant.currency}, got ${record.shopAmount ?? '-'} / ${record.odooAmount ?? '-'} ${record.currency}`);
      }
    }
  }
  for (const [key, plant] of expected) if (!seen.has(key) && months.includes(plant.month)) score.missed.push(`${plant.month} ${key} ${plant.category} (${plant.note})`);
  return score;
}

/**
 * Generates the demo company once (Odoo records for the simulator, export files into `exportsDir`,
 * the answer key from the generator's bookkeeping), serves it with the Odoo simulator on 127.0.0.1
 * and syncs it through the real client into `cacheFile`: the same path a user's data takes.
 */
export async function syncDemoCompany(options: { scale: DemoScale; seed: number; endMonth?: string; cacheFile: string; exportsDir: string; logger: Logger }): Promise<{ answerKey: AnswerKey; sync: SyncReport }> {
  const dataset = new SimDataset();
  const { answerKey } = runGenerator({ scale: options.scale, seed: options.seed, endMonth: options.endMonth }, {
    records: (model, batch) => dataset.addRecords(model, batch),
    exportFile: (relativePath, content) => {
      const file = join(options.exportsDir, relativePath);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    },
  });
  const sim = await startOdooSimulator({ dataset, version: 19, logger: options.logger, port: 0 });
  try {
    const { credentials } = sim;
    const client = createOdooClient({ url: credentials.url, db: credentials.db, login: credentials.login, apiKey: credentials.api_key, hosting: 'self-hosted', retryBaseMs: 20 }, { logger: options.logger });
    const cache = openCache(options.cacheFile, { logger: options.logger });
    try {
      const engine = createSyncEngine({ cache, client, logger: options.logger, source: { url: sim.url, db: credentials.db } });
      return { answerKey, sync: await engine.run({}) };
    } finally {
      cache.close();
    }
  } finally {
    await sim.close();
  }
}
