/**
 * In-memory record store of the Odoo simulator. Shared with the demo-company generator (which fills it)
 * and the sync tests (which mutate it between syncs). Values are stored the way Odoo keeps them in its
 * database, not the way they are rendered on the wire: many2one = target id or false, x2many = id list,
 * dates 'YYYY-MM-DD', datetimes 'YYYY-MM-DD HH:MM:SS' UTC, empty = false.
 *
 * Company-dependent values (account.account.code, product standard_price) may be stored per company
 * under the key `<field>@<companyId>`; the simulator reads that key for the current company and falls
 * back to the plain field.
 */
export type RawValue = string | number | boolean | number[] | null;

/** One stored record. Every record has id, create_date, write_date; `active` where the model has it. */
export interface SimRecord {
  id: number;
  [field: string]: RawValue;
}

/** Formats a Date as Odoo's UTC datetime string 'YYYY-MM-DD HH:MM:SS'. */
export function toOdooDatetime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export class SimDataset {
  private readonly tables = new Map<string, SimRecord[]>();
  private readonly indexes = new Map<string, Map<number, SimRecord>>();
  private now: () => Date = () => new Date();

  /** Adds (or replaces, by id) records; keeps the table ordered by id. */
  addRecords(model: string, records: Iterable<SimRecord>): void {
    const table = this.table(model);
    const index = this.indexFor(model);
    let unordered = false;
    for (const record of records) {
      const existing = index.get(record.id);
      if (existing) {
        table[table.indexOf(existing)] = record;
      } else {
        const last = table[table.length - 1];
        if (last && last.id > record.id) unordered = true;
        table.push(record);
      }
      index.set(record.id, record);
    }
    if (unordered) table.sort((a, b) => a.id - b.id);
  }

  /** The live array of a model's records, ordered by id (empty and registered if the model is new). */
  table(model: string): SimRecord[] {
    let table = this.tables.get(model);
    if (!table) {
      table = [];
      this.tables.set(model, table);
    }
    return table;
  }

  get(model: string, id: number): SimRecord | undefined {
    return this.indexes.get(model)?.get(id);
  }

  /** Models that hold at least one record. */
  models(): string[] {
    return [...this.tables.entries()].filter(([, rows]) => rows.length > 0).map(([model]) => model);
  }

  /** Creates a record with the next free id; create_date and write_date come from the dataset clock. */
  create(model: string, values: Omit<SimRecord, 'id'>): number {
    const table = this.table(model);
    const id = (table[table.length - 1]?.id ?? 0) + 1;
    const stamp = toOdooDatetime(this.now());
    const record: SimRecord = { ...values, id, create_date: stamp, write_date: stamp };
    table.push(record);
    this.indexFor(model).set(id, record);
    return id;
  }

  /** Updates records in place and bumps their write_date. Unknown ids are ignored. */
  write(model: string, ids: number[], values: Partial<SimRecord>): void {
    const stamp = toOdooDatetime(this.now());
    for (const id of ids) {
      const record = this.get(model, id);
      if (!record) continue;
      for (const [key, value] of Object.entries(values)) {
        if (key === 'id' || value === undefined) continue;
        record[key] = value;
      }
      record.write_date = stamp;
    }
  }

  unlink(model: string, ids: number[]): void {
    const doomed = new Set(ids);
    const table = this.table(model);
    // Compact in place: the array is live (callers hold it) and may be too large to spread.
    let kept = 0;
    for (const record of table) if (!doomed.has(record.id)) table[kept++] = record;
    table.length = kept;
    const index = this.indexFor(model);
    for (const id of ids) index.delete(id);
  }

  /** Sets the "transaction start" time used for create_date / write_date (Odoo's cr.now()). */
  setClock(now: () => Date): void {
    this.now = now;
  }

  private indexFor(model: string): Map<number, SimRecord> {
    let index = this.indexes.get(model);
    if (!index) {
      index = new Map();
      this.indexes.set(model, index);
    }
    return index;
  }
}
