/**
 * Scoring a reconciliation against the demo generator's answer key: every planted discrepancy
 * must be found with its category (recall) and nothing else may be flagged (precision). Used by
 * the opt-in end-to-end test and handy from a script while tuning.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { RecordResult } from '../../../shared/reconcile/result';
import type { Clock } from '../clock';
import type { Logger } from '../logging/logger';
import { runReconciliation } from './run';

/** The answer-key fields this check reads. */
export interface PlantedRecord {
  channel: string;
  shop_order: string | null;
  odoo_order: string | null;
  category: string;
  month: string;
  shop_amount: number | null;
  currency: string;
  note: string;
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
}

/** Site time zone per export folder of the demo (WooCommerce runs on the UK entity's site). */
const FOLDER_ZONES: Record<string, string> = { shopify: 'Europe/Berlin', marketplace: 'Europe/Berlin', woocommerce: 'Europe/London', stripe: 'Europe/London' };

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

/** Imports every demo export into the cache, then reconciles every month and scores it against the plants. */
export async function scoreDemo(db: Database.Database, exportsDir: string, plants: readonly PlantedRecord[], months: readonly string[], deps: { clock: Clock; logger: Logger }): Promise<DemoScore> {
  for (const [folder, zone] of Object.entries(FOLDER_ZONES)) {
    let files: string[];
    try {
      files = readdirSync(join(exportsDir, folder)).sort().map((file) => join(exportsDir, folder, file));
    } catch {
      continue;
    }
    await runReconciliation(db, { month: months[0] ?? '2000-01', files, timeZone: zone, ...deps });
  }
  const expected = new Map(plants.map((plant) => [keyOfPlant(plant), plant]));
  const score: DemoScore = { planted: plants.length, found: 0, flagged: 0, correct: 0, missed: [], wrong: [], extra: [] };
  const seen = new Set<string>();
  for (const month of months) {
    const report = await runReconciliation(db, { month, files: [], timeZone: 'Europe/Berlin', ...deps });
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
    }
  }
  for (const [key, plant] of expected) if (!seen.has(key) && months.includes(plant.month)) score.missed.push(`${plant.month} ${key} ${plant.category} (${plant.note})`);
  return score;
}
