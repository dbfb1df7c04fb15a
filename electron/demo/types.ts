/**
 * Record and sink types shared by every part of the demo generator. Records use the
 * simulator's store format (electron/odoo-sim/dataset.ts): Odoo's raw stored values,
 * many2one as a bare id or `false`, x2many as id lists, dates as strings.
 */
import type { SimRecord } from '../odoo-sim/dataset';

export type { RawValue, SimRecord } from '../odoo-sim/dataset';

export type DemoScale = 'small' | 'medium' | 'large';

export interface DemoOptions {
  scale: DemoScale;
  /** PRNG seed; default 1. */
  seed?: number;
  /** Last month of the 24-month history, 'YYYY-MM'; default {@link DEFAULT_END_MONTH}. */
  endMonth?: string;
}

/**
 * Where generated data goes. The generator calls `records` in batches, in id order per model
 * except for documents whose final state (residual, payment state) is only known later,
 * and `exportFile` once per finished export file (one file per channel and month).
 */
export interface DemoSink {
  records(model: string, batch: SimRecord[]): void;
  exportFile(relativePath: string, content: string): void;
}

/** Count of records per model and rows per export, returned by every entry point. */
export interface DemoSummary {
  scale: DemoScale;
  seed: number;
  endMonth: string;
  counts: Record<string, number>;
  exportFiles: string[];
}
