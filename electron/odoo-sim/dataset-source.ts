/**
 * Picks the data the simulator serves: the demo company generator (electron/demo/index.ts,
 * `buildDemoDataset({ scale, seed })`) when that module is present in this build, otherwise the small
 * hand-made dataset. The generator is loaded at run time so the simulator builds without it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SimDataset } from './dataset';
import { buildSmallDataset } from './seed-small';

export type DatasetScale = 'small' | 'medium' | 'large';

export interface DatasetChoice {
  dataset: SimDataset;
  source: 'demo-generator' | 'seed-small';
}

type DemoModule = { buildDemoDataset?: (options: { scale: DatasetScale; seed: number }) => unknown };

function isDataset(value: unknown): value is SimDataset {
  return value instanceof SimDataset || (typeof value === 'object' && value !== null && 'table' in value && 'addRecords' in value);
}

export async function loadSimDataset(options: { scale: DatasetScale; seed: number }): Promise<DatasetChoice> {
  const demoPath = fileURLToPath(new URL('../demo/index.ts', import.meta.url));
  if (existsSync(demoPath)) {
    const demo = (await import(pathToFileURL(demoPath).href)) as DemoModule;
    if (typeof demo.buildDemoDataset === 'function') {
      const built = await Promise.resolve(demo.buildDemoDataset(options));
      if (isDataset(built)) return { dataset: built, source: 'demo-generator' };
    }
  }
  return { dataset: buildSmallDataset(), source: 'seed-small' };
}
