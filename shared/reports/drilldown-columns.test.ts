import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelTotals, DrilldownShapeError, packDrilldownRows, unpackDrilldownRows } from './drilldown-columns';
import { DrilldownColumnsSchema, type DrilldownRow } from './types';

const text = fc.constantFrom('INV/2025/0001', 'Acme GmbH', '2025-03-01', 'Web Shop', '', 'ü · ✓');
const row = (withChannel: boolean) => fc.record({
  model: fc.constantFrom('account.move.line', 'sale.order'),
  id: fc.integer({ min: 1, max: 2_000_000 }),
  label: fc.oneof(text, fc.string()),
  date: fc.option(text, { nil: null }),
  partner: fc.option(fc.oneof(text, fc.string()), { nil: null }),
  channel: withChannel ? fc.option(text, { nil: null }) : fc.constant(null),
  amount: fc.integer({ min: -1e12, max: 1e12 }),
}) satisfies fc.Arbitrary<DrilldownRow>;

describe('packed drill-down columns', () => {
  it('unpack(pack(rows)) gives back the rows, with or without the channel column', () => {
    fc.assert(fc.property(fc.boolean().chain((withChannel) => fc.tuple(fc.constant(withChannel), fc.array(row(withChannel), { maxLength: 60 }))), ([withChannel, rows]) => {
      const columns = packDrilldownRows(rows, withChannel);
      expect(DrilldownColumnsSchema.safeParse(columns).success).toBe(true);
      expect(columns.channel !== undefined).toBe(withChannel);
      expect(unpackDrilldownRows({ count: rows.length, columns })).toEqual(rows);
    }));
  });

  it('stores each distinct string once and survives a JSON round trip', () => {
    const rows: DrilldownRow[] = Array.from({ length: 1000 }, (_, i) => ({
      model: 'account.move.line', id: i + 1, label: `INV/${i}`, date: `2025-03-${String((i % 28) + 1).padStart(2, '0')}`,
      partner: i % 3 === 0 ? null : `Partner ${i % 7}`, channel: null, amount: i * 100 - 7,
    }));
    const columns = packDrilldownRows(rows, false);
    expect(columns.strings).toHaveLength(1 + 28 + 7);
    const wire = JSON.parse(JSON.stringify({ count: rows.length, columns })) as { count: number; columns: typeof columns };
    expect(unpackDrilldownRows(wire)).toEqual(rows);
    expect(JSON.stringify(columns).length).toBeLessThan(JSON.stringify(rows).length / 2);
  });

  it('refuses inconsistent columns with a message naming the column', () => {
    const columns = packDrilldownRows([{ model: 'sale.order', id: 1, label: 'S1', date: null, partner: 'Acme', channel: 'Web', amount: 1 }], true);
    expect(() => unpackDrilldownRows({ count: 2, columns })).toThrow(/column "id" has 1 values for 2 rows/);
    expect(() => unpackDrilldownRows({ count: 1, columns: { ...columns, partner: [9] } })).toThrow(DrilldownShapeError);
    expect(() => unpackDrilldownRows({ count: 1, columns: { ...columns, date: [-2] } })).toThrow(/"date" row 0 points outside/);
    expect(() => unpackDrilldownRows({ count: 1, columns: { ...columns, label: [null as unknown as string] } })).toThrow(/"label" row 0 is not text/);
    expect(() => unpackDrilldownRows({ count: 1, columns: { ...columns, amount: [Number.NaN] } })).toThrow(/"amount" row 0 is not a number/);
  });
});

describe('channel totals', () => {
  it('sum the rows by channel, largest first, and add up to the rows with a channel', () => {
    const base = { model: 'account.move.line', label: 'x', date: '2025-03-01', partner: null };
    const rows: DrilldownRow[] = [
      { ...base, id: 1, channel: 'Web Shop', amount: 500 },
      { ...base, id: 2, channel: 'Direct Sales', amount: 1200 },
      { ...base, id: 3, channel: 'Web Shop', amount: -100 },
      { ...base, id: 4, channel: 'No channel', amount: 50 },
      { ...base, id: 5, channel: null, amount: 7 },
    ];
    expect(channelTotals(rows)).toEqual([
      { channel: 'Direct Sales', records: 1, amount: 1200 },
      { channel: 'Web Shop', records: 2, amount: 400 },
      { channel: 'No channel', records: 1, amount: 50 },
    ]);
  });
});
