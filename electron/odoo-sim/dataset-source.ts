/**
 * Picks the data the simulator serves from the CLI and demo mode: the seeded demo company
 * (electron/demo, `buildDemoDataset({ scale, seed })`), or the small hand-made dataset of seed-small.ts
 * (fixture-shaped, two companies) when asked for explicitly.
 */
import { buildDemoDataset } from '../demo/index';
import type { SimDataset } from './dataset';
import { buildSmallDataset } from './seed-small';

export type DatasetScale = 'small' | 'medium' | 'large';

export interface DatasetChoice {
  dataset: SimDataset;
  source: 'demo-generator' | 'seed-small';
}

export function loadSimDataset(options: { scale: DatasetScale; seed: number; handMade?: boolean }): DatasetChoice {
  if (options.handMade) return { dataset: buildSmallDataset(), source: 'seed-small' };
  return { dataset: buildDemoDataset({ scale: options.scale, seed: options.seed }), source: 'demo-generator' };
}
