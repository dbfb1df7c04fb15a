import type { Drilldown, DrilldownColumns, DrilldownRow } from './types';

/**
 * Packs drill-down rows into columns (see {@link DrilldownColumns}): every repeating text value is
 * stored once in `strings` and referenced by index (labels, unique per record, are kept as they are:
 * interning 100,000 unique strings would cost time and save nothing), so a 100,000-row list is a few flat arrays of numbers instead
 * of 100,000 objects repeating their keys. `withChannel` adds the channel column (revenue figures).
 */
export function packDrilldownRows(rows: readonly DrilldownRow[], withChannel: boolean): DrilldownColumns {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const ref = (text: string | null): number => {
    if (text === null) return -1;
    let index = indexOf.get(text);
    if (index === undefined) {
      index = strings.length;
      strings.push(text);
      indexOf.set(text, index);
    }
    return index;
  };
  const count = rows.length;
  const columns = {
    strings,
    model: new Array<number>(count),
    id: new Array<number>(count),
    label: new Array<string>(count),
    date: new Array<number>(count),
    partner: new Array<number>(count),
    amount: new Array<number>(count),
  };
  const channel = withChannel ? new Array<number>(count) : undefined;
  for (let i = 0; i < count; i++) {
    const row = rows[i]!;
    columns.model[i] = ref(row.model);
    columns.id[i] = row.id;
    columns.label[i] = row.label;
    columns.date[i] = ref(row.date);
    columns.partner[i] = ref(row.partner);
    columns.amount[i] = row.amount;
    if (channel) channel[i] = ref(row.channel);
  }
  return channel ? { ...columns, channel } : columns;
}

/** Thrown when a packed drill-down is inconsistent (wrong column length, index out of range). */
export class DrilldownShapeError extends Error {}

/**
 * Unpacks {@link Drilldown} columns into the row objects the UI shows. Checks the shape in one pass
 * per column (lengths, string indexes in range, numbers finite) instead of validating every row
 * object with a schema, which costs seconds at 100,000 rows.
 */
export function unpackDrilldownRows(drilldown: Pick<Drilldown, 'count' | 'columns'>): DrilldownRow[] {
  const { count, columns } = drilldown;
  const { strings } = columns;
  const numeric = { id: columns.id, amount: columns.amount };
  const refs = { model: columns.model, date: columns.date, partner: columns.partner, ...(columns.channel ? { channel: columns.channel } : {}) };
  for (const [name, column] of Object.entries({ ...numeric, ...refs, label: columns.label })) {
    if (!Array.isArray(column) || column.length !== count) {
      throw new DrilldownShapeError(`Drill-down column "${name}" has ${Array.isArray(column) ? column.length : 'no'} values for ${count} rows.`);
    }
  }
  for (let i = 0; i < count; i++) {
    if (typeof columns.label[i] !== 'string') throw new DrilldownShapeError(`Drill-down column "label" row ${i} is not text.`);
  }
  for (const [name, column] of Object.entries(numeric)) {
    for (let i = 0; i < count; i++) {
      if (typeof column[i] !== 'number' || !Number.isFinite(column[i])) throw new DrilldownShapeError(`Drill-down column "${name}" row ${i} is not a number.`);
    }
  }
  for (const [name, column] of Object.entries(refs)) {
    for (let i = 0; i < count; i++) {
      const index = column[i]!;
      if (!Number.isInteger(index) || index < -1 || index >= strings.length) throw new DrilldownShapeError(`Drill-down column "${name}" row ${i} points outside the string table.`);
    }
  }
  const text = (index: number): string | null => (index === -1 ? null : strings[index]!);
  const rows = new Array<DrilldownRow>(count);
  for (let i = 0; i < count; i++) {
    rows[i] = {
      model: text(columns.model[i]!) ?? '',
      id: columns.id[i]!,
      label: columns.label[i]!,
      date: text(columns.date[i]!),
      partner: text(columns.partner[i]!),
      channel: columns.channel ? text(columns.channel[i]!) : null,
      amount: columns.amount[i]!,
    };
  }
  return rows;
}

/** A channel's share of a drill-down: its records and their summed amount. */
export interface ChannelTotal {
  channel: string;
  records: number;
  amount: number;
}

/**
 * Sums drill-down rows by channel, largest amount first; rows without a channel are left out. The
 * amounts are integers (minor units or counts), so the channel totals add up exactly to the rows' total.
 */
export function channelTotals(rows: readonly DrilldownRow[]): ChannelTotal[] {
  const totals = new Map<string, ChannelTotal>();
  for (const row of rows) {
    if (row.channel === null) continue;
    const total = totals.get(row.channel) ?? { channel: row.channel, records: 0, amount: 0 };
    total.records += 1;
    total.amount += row.amount;
    totals.set(row.channel, total);
  }
  return [...totals.values()].sort((a, b) => b.amount - a.amount || a.channel.localeCompare(b.channel));
}
