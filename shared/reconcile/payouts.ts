/**
 * Payout reconciliation: for each payout, payout = charges − refunds − fees ± adjustments from
 * its lines, compared with the provider's own total, and tied to an Odoo bank line (same amount,
 * within three days of the payout date).
 */
import type { PayoutResult } from './result';
import type { OdooBankLine, Payout, SettlementLine } from './types';
import { byText } from './keys';

const BANK_WINDOW_DAYS = 3;

function dayNumber(date: string): number {
  return Math.floor(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000);
}

interface Bucket {
  source: string;
  payoutKey: string;
  payoutDate: string;
  status: string;
  currency: string;
  providerTotal: number | null;
  charges: number;
  refunds: number;
  fees: number;
  adjustments: number;
  linesNet: number;
  lineCount: number;
}

/** Groups lines into payouts and checks each one. */
export function reconcilePayouts(lines: readonly SettlementLine[], payouts: readonly Payout[], bankLines: readonly OdooBankLine[]): PayoutResult[] {
  const buckets = new Map<string, Bucket>();
  const bucketOf = (source: string, payoutKey: string, date: string, currency: string): Bucket => {
    const id = `${source}\u0000${payoutKey}`;
    let bucket = buckets.get(id);
    if (!bucket) {
      bucket = { source, payoutKey, payoutDate: date, status: '', currency, providerTotal: null, charges: 0, refunds: 0, fees: 0, adjustments: 0, linesNet: 0, lineCount: 0 };
      buckets.set(id, bucket);
    }
    return bucket;
  };
  // Payout rows (Stripe) carry the total; other lines point at their payout by id or date.
  for (const line of lines) {
    if (line.kind !== 'payout') continue;
    const key = line.payoutId || line.lineId;
    const bucket = bucketOf(line.source, key, line.occurredLocalDate, line.currency);
    bucket.providerTotal = -line.gross;
    bucket.payoutDate = line.payoutDate || line.occurredLocalDate;
    bucket.status = bucket.status || 'paid';
  }
  for (const line of lines) {
    if (line.kind === 'payout') continue;
    const key = line.payoutId || line.payoutDate;
    if (!key) continue;
    const bucket = bucketOf(line.source, key, line.payoutDate, line.currency);
    if (!bucket.payoutDate && line.payoutDate) bucket.payoutDate = line.payoutDate;
    if (line.payoutStatus && (bucket.status === '' || bucket.status === 'paid')) bucket.status = line.payoutStatus;
    if (line.kind === 'charge') bucket.charges += line.gross;
    else if (line.kind === 'refund') bucket.refunds += line.gross;
    else bucket.adjustments += line.gross;
    bucket.fees += line.fee;
    bucket.linesNet += line.net;
    bucket.lineCount += 1;
  }
  for (const payout of payouts) {
    const byKey = buckets.get(`${payout.source}\u0000${payout.payoutKey}`) ?? buckets.get(`${payout.source}\u0000${payout.payoutDate}`);
    const bucket = byKey ?? bucketOf(payout.source, payout.payoutKey, payout.payoutDate, payout.currency);
    bucket.providerTotal = payout.total;
    bucket.status = payout.status || bucket.status;
    bucket.payoutDate = payout.payoutDate;
  }
  const usedBank = new Set<string>();
  const sortedBank = [...bankLines].sort((a, b) => byText(a.date, b.date) || byText(a.id, b.id));
  return [...buckets.values()]
    .sort((a, b) => byText(a.source, b.source) || byText(a.payoutDate, b.payoutDate) || byText(a.payoutKey, b.payoutKey))
    .map((bucket) => {
      const difference = bucket.providerTotal === null ? null : bucket.providerTotal - bucket.linesNet;
      const expected = bucket.providerTotal ?? bucket.linesNet;
      const bank = sortedBank.find(
        (line) =>
          !usedBank.has(line.id) &&
          line.amount === expected &&
          line.currency === bucket.currency &&
          Math.abs(dayNumber(line.date) - dayNumber(bucket.payoutDate)) <= BANK_WINDOW_DAYS,
      );
      if (bank) usedBank.add(bank.id);
      const categories: PayoutResult['categories'] = [];
      const pending = ['pending', 'in_transit', 'scheduled'].includes(bucket.status);
      if (pending) categories.push('PAYOUT_PENDING');
      if (difference !== null && difference !== 0) categories.push('PAYOUT_DIFF');
      if (!pending && !bank && bankLines.length > 0) categories.push('PAYOUT_NOT_IN_BANK');
      if (categories.length === 0) categories.push('PAYOUT_MATCHED');
      return {
        source: bucket.source,
        payoutKey: bucket.payoutKey,
        payoutDate: bucket.payoutDate,
        status: bucket.status || 'paid',
        currency: bucket.currency,
        providerTotal: bucket.providerTotal,
        charges: bucket.charges,
        refunds: bucket.refunds,
        fees: bucket.fees,
        adjustments: bucket.adjustments,
        linesNet: bucket.linesNet,
        lineCount: bucket.lineCount,
        difference,
        bankLine: bank ? { id: bank.id, date: bank.date, amount: bank.amount, journalName: bank.journalName } : null,
        categories,
      };
    });
}
