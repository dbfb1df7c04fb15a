import type { ReconcileView } from '../../../shared/rpc/contracts/reconcile';

/** One exception line of the table: the stored decision joined with the matcher's record. */
export interface ExceptionRow {
  key: string;
  recordKey: string;
  category: string;
  channel: string;
  status: 'open' | 'resolved' | 'ignored';
  note: string | null;
  decidedBy: string | null;
  sourceRef: string;
  saleOrders: string;
  currency: string;
  shopAmount: number | null;
  odooAmount: number | null;
  difference: number | null;
  explanation: string;
}

export function exceptionRows(view: ReconcileView): ExceptionRow[] {
  const records = new Map(view.records.map((r) => [r.recordKey, r]));
  return view.exceptions.map((e) => {
    const record = records.get(e.recordKey);
    return {
      key: `${e.recordKey}|${e.category}`,
      recordKey: e.recordKey, category: e.category, channel: e.channel, status: e.status, note: e.note, decidedBy: e.decidedBy,
      sourceRef: record?.sourceRef ?? e.recordKey,
      saleOrders: record?.saleOrders.join(', ') ?? '',
      currency: record?.currency ?? view.companyCurrency,
      shopAmount: record?.shopAmount ?? null,
      odooAmount: record?.odooAmount ?? null,
      difference: record?.difference ?? null,
      explanation: record?.explanation.join(' ') ?? '',
    };
  });
}
