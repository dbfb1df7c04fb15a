/**
 * Buffers records per model and hands them to the sink in batches, counting as it goes.
 */
import type { DemoSink, SimRecord } from './types';

const BATCH = 2000;

export class Emitter {
  readonly counts: Record<string, number> = {};
  readonly exportFiles: string[] = [];
  private readonly buffers = new Map<string, SimRecord[]>();

  constructor(private readonly sink: DemoSink) {}

  emit(model: string, record: SimRecord): void {
    let buffer = this.buffers.get(model);
    if (!buffer) {
      buffer = [];
      this.buffers.set(model, buffer);
    }
    buffer.push(record);
    this.counts[model] = (this.counts[model] ?? 0) + 1;
    if (buffer.length >= BATCH) {
      this.sink.records(model, buffer);
      this.buffers.set(model, []);
    }
  }

  emitAll(model: string, records: Iterable<SimRecord>): void {
    for (const record of records) this.emit(model, record);
  }

  exportFile(path: string, content: string, rows: number): void {
    this.sink.exportFile(path, content);
    this.exportFiles.push(path);
    this.counts[`export:${path.split('/')[0]}`] = (this.counts[`export:${path.split('/')[0]}`] ?? 0) + rows;
  }

  flush(): void {
    for (const [model, buffer] of this.buffers) {
      if (buffer.length > 0) this.sink.records(model, buffer);
    }
    this.buffers.clear();
  }
}

/** Per-model id counters: ids are allocated in creation order, like a real database. */
export class IdAllocator {
  private readonly next = new Map<string, number>();

  take(model: string): number {
    const id = this.next.get(model) ?? 1;
    this.next.set(model, id + 1);
    return id;
  }

  /** Reserve ids so records created by hand (companies, currencies) keep Odoo-like ids. */
  startAt(model: string, firstId: number): void {
    this.next.set(model, firstId);
  }
}
