/** Small helper to assemble a hand-made dataset with sequential ids per model and fixed timestamps. */
import { SimDataset, type RawValue, type SimRecord } from '../dataset';

export class SeedBuilder {
  readonly dataset = new SimDataset();
  private readonly nextIds = new Map<string, number>();
  private readonly sequences = new Map<string, number>();

  constructor(private readonly stamp: string) {}

  /** Adds a record (id given or next free) with create/write dates; returns its id. */
  add(model: string, values: Record<string, RawValue>, id?: number): number {
    const recordId = id ?? this.nextIds.get(model) ?? 1;
    this.nextIds.set(model, Math.max(this.nextIds.get(model) ?? 1, recordId + 1));
    const record: SimRecord = { create_date: this.stamp, write_date: this.stamp, ...values, id: recordId };
    this.dataset.addRecords(model, [record]);
    return recordId;
  }

  /** Next number of a document sequence (INV/2026/00001 ...). */
  nextSequence(key: string): number {
    const n = (this.sequences.get(key) ?? 0) + 1;
    this.sequences.set(key, n);
    return n;
  }

  set(model: string, id: number, values: Record<string, RawValue>): void {
    const record = this.dataset.get(model, id);
    if (record) Object.assign(record, values);
  }

  /** Appends `childId` to an x2many list on a parent record. */
  link(model: string, id: number, field: string, childId: number): void {
    const record = this.dataset.get(model, id);
    if (!record) return;
    const list = Array.isArray(record[field]) ? (record[field] as number[]) : [];
    record[field] = [...list, childId];
  }
}

/** Rounds to cents (amounts are stored as floats with two decimals, like Odoo's monetary columns). */
export const cents = (value: number): number => Math.round(value * 100) / 100;
