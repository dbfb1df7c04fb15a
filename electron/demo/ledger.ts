/**
 * The general ledger of the demo group: builds balanced account.move / account.move.line
 * records, names them like Odoo, and feeds the answer-key accumulator as it posts.
 * Moves with an open receivable/payable line are held until reconcile.ts settles them.
 */
import type { AccountInfo, CompanyInfo, CurrencyCode, JournalKey } from './master-data';
import { CURRENCY_IDS } from './master-data';
import type { KeyAccumulator } from './answer-key';
import type { Emitter, IdAllocator } from './emitter';
import type { RateTable } from './fx';
import { toCompany } from './fx';
import { dateString } from './calendar';
import type { SimRecord } from './types';

export type MoveType = 'entry' | 'out_invoice' | 'out_refund' | 'in_invoice' | 'in_refund';

export interface LineSpec {
  account: AccountInfo;
  /** amount_currency in cents, signed (+ debit). */
  cur: number;
  /** Company balance in cents; converted from `cur` at the move's rate when omitted. */
  bal?: number;
  /** This line takes the rounding so the move balances (the receivable/payable line). */
  balancing?: boolean;
  /** Currency of the line when it differs from the move's (exchange lines keep the foreign one). */
  partnerId?: number | false;
  label?: string | false;
  displayType: string;
  productId?: number | false;
  quantity?: number;
  priceUnit?: number;
  discount?: number;
  /** price_subtotal / price_total in document cents (invoice lines). */
  subtotal?: number;
  total?: number;
  maturity?: number;
}

export interface MoveSpec {
  company: CompanyInfo;
  journal: JournalKey;
  moveType: MoveType;
  day: number;
  invoiceDay?: number;
  dueDay?: number;
  partnerId: number | false;
  currency: CurrencyCode;
  ref?: string | false;
  origin?: string | false;
  paymentReference?: string | false;
  teamId?: number | false;
  teamName?: string | null;
  userId?: number | false;
  state?: 'posted' | 'draft' | 'cancel';
  createdAt: string;
  reversedEntryId?: number | false;
  originPaymentId?: number | false;
  lines: LineSpec[];
}

/** A receivable/payable line whose residual changes as payments and credit notes arrive. */
export interface OpenLine {
  rec: SimRecord;
  held: HeldMove;
  company: CompanyInfo;
  kind: 'ar' | 'ap';
  day: number;
  dueDay: number;
  currencyId: number;
  residual: number;
  residualCur: number;
  group: ReconcileGroup | null;
}

export interface HeldMove {
  move: SimRecord;
  lines: SimRecord[];
  open: OpenLine | null;
  payment: SimRecord | null;
  moveType: MoveType;
  /** Settled only by credit notes (payment_state 'reversed'). */
  reversedOnly: boolean;
}

export interface ReconcileGroup {
  lines: OpenLine[];
  moves: HeldMove[];
  partials: SimRecord[];
}

/** Cents → Odoo float, never -0 (JSON would hide it, in-memory consumers would not). */
export function amt(c: number): number {
  return c === 0 ? 0 : c / 100;
}

const DIRECTION: Record<MoveType, number> = { entry: 1, out_invoice: -1, out_refund: 1, in_invoice: 1, in_refund: -1 };

export class Ledger {
  private readonly sequences = new Map<string, number>();
  /** Open AR lines, for month-end ageing. */
  readonly openReceivables = new Set<OpenLine>();
  moveCount = 0;
  lineCount = 0;

  constructor(
    readonly ids: IdAllocator,
    readonly out: Emitter,
    readonly rates: RateTable,
    readonly key: KeyAccumulator,
    private readonly monthOfDay: (day: number) => number,
  ) {}

  private nextName(company: CompanyInfo, prefix: string, monthly: boolean, day: number): string {
    const date = dateString(day);
    const period = monthly ? `${date.slice(0, 4)}/${date.slice(5, 7)}` : date.slice(0, 4);
    const seqKey = `${company.id}|${prefix}|${period}`;
    const n = (this.sequences.get(seqKey) ?? 0) + 1;
    this.sequences.set(seqKey, n);
    return `${prefix}/${period}/${String(n).padStart(monthly ? 4 : 5, '0')}`;
  }

  private moveName(spec: MoveSpec): string {
    const journal = spec.company.journals[spec.journal];
    if (spec.moveType === 'out_refund') return this.nextName(spec.company, `R${journal.code}`, journal.monthly, spec.day);
    if (spec.originPaymentId) return this.nextName(spec.company, `P${journal.code}`, false, spec.day);
    return this.nextName(spec.company, journal.code, journal.monthly, spec.day);
  }

  /** Builds (and, for posted moves, books) a move. Returns it held; call `release` or let reconcile.ts do it. */
  post(spec: MoveSpec): HeldMove {
    const state = spec.state ?? 'posted';
    const company = spec.company;
    const currencyId = CURRENCY_IDS[spec.currency];
    const rate6 = this.rates.rate6(company, spec.currency, spec.invoiceDay ?? spec.day);
    const moveId = this.ids.take('account.move');
    const name = state === 'draft' ? '/' : this.moveName(spec);
    const balances = spec.lines.map((l) => l.bal ?? (l.balancing ? 0 : toCompany(l.cur, rate6)));
    const balancingIndex = spec.lines.findIndex((l) => l.balancing);
    if (balancingIndex >= 0) {
      let others = 0;
      balances.forEach((b, i) => { if (i !== balancingIndex) others += b; });
      balances[balancingIndex] = -others;
    }
    let check = 0;
    for (const b of balances) check += b;
    if (check !== 0) throw new Error(`unbalanced move ${name}: ${check}`);

    const date = dateString(spec.day);
    const dir = DIRECTION[spec.moveType];
    let untaxedCur = 0; let taxCur = 0; let untaxedBal = 0; let taxBal = 0; let debitCur = 0; let debitBal = 0;
    const lineRecords: SimRecord[] = [];
    const lineIds: number[] = [];
    const invoiceLineIds: number[] = [];
    let open: OpenLine | null = null;
    const held: HeldMove = { move: { id: moveId }, lines: lineRecords, open: null, payment: null, moveType: spec.moveType, reversedOnly: false };
    const monthIndex = this.monthOfDay(spec.day);
    spec.lines.forEach((l, i) => {
      const bal = balances[i]!;
      const id = this.ids.take('account.move.line');
      lineIds.push(id);
      if (l.displayType === 'product') {
        invoiceLineIds.push(id);
        untaxedCur += l.cur; untaxedBal += bal;
      } else if (l.displayType === 'tax') {
        taxCur += l.cur; taxBal += bal;
      }
      if (l.cur > 0) debitCur += l.cur;
      if (bal > 0) debitBal += bal;
      const reconcilable = l.account.bucket === 'receivable' || l.account.bucket === 'payable';
      const residualTracked = reconcilable || l.account.bucket === 'cash';
      const rec: SimRecord = {
        id, move_id: moveId, move_name: name, date, invoice_date: spec.invoiceDay !== undefined ? dateString(spec.invoiceDay) : false,
        parent_state: state, journal_id: company.journals[spec.journal].id, company_id: company.id, company_currency_id: company.currencyId,
        account_id: l.account.id, partner_id: l.partnerId ?? spec.partnerId, name: l.label ?? false, display_type: l.displayType,
        product_id: l.productId ?? false, quantity: l.quantity ?? (l.displayType === 'product' ? 1 : 0), price_unit: l.priceUnit ?? 0,
        discount: l.discount ?? 0, price_subtotal: (l.subtotal ?? 0) / 100, price_total: (l.total ?? 0) / 100,
        debit: bal > 0 ? amt(bal) : 0, credit: bal < 0 ? amt(-bal) : 0, balance: amt(bal), amount_currency: amt(l.cur),
        currency_id: currencyId, date_maturity: l.maturity !== undefined ? dateString(l.maturity) : false,
        reconciled: false, amount_residual: residualTracked ? amt(bal) : 0, amount_residual_currency: residualTracked ? amt(l.cur) : 0,
        full_reconcile_id: false, matching_number: false, create_date: spec.createdAt, write_date: spec.createdAt,
      };
      lineRecords.push(rec);
      if (state === 'posted') {
        this.key.addBalance(company.index, monthIndex, l.account.bucket, bal, spec.teamName ?? null);
        if (reconcilable) {
          open = { rec, held, company, kind: l.account.bucket === 'receivable' ? 'ar' : 'ap', day: spec.day, dueDay: l.maturity ?? spec.day, currencyId, residual: bal, residualCur: l.cur, group: null };
        }
      }
    });
    const isEntry = spec.moveType === 'entry';
    const amountUntaxed = isEntry ? 0 : dir * untaxedCur;
    const amountTax = isEntry ? 0 : dir * taxCur;
    const amountTotal = isEntry ? debitCur : amountUntaxed + amountTax;
    const signedTotal = isEntry ? debitBal : -(untaxedBal + taxBal);
    held.move = {
      id: moveId, name, display_name: name === '/' ? `Draft (* ${moveId})` : name, move_type: spec.moveType, state, date,
      invoice_date: spec.invoiceDay !== undefined ? dateString(spec.invoiceDay) : false,
      invoice_date_due: spec.dueDay !== undefined ? dateString(spec.dueDay) : false,
      journal_id: company.journals[spec.journal].id, company_id: company.id, company_currency_id: company.currencyId, currency_id: currencyId,
      partner_id: spec.partnerId, commercial_partner_id: spec.partnerId, ref: spec.ref ?? false, invoice_origin: spec.origin ?? false,
      payment_reference: spec.paymentReference ?? false, team_id: spec.teamId ?? false, invoice_user_id: spec.userId ?? false,
      amount_untaxed: amt(amountUntaxed), amount_tax: amt(amountTax), amount_total: amt(amountTotal),
      amount_untaxed_signed: isEntry ? 0 : amt(-untaxedBal), amount_untaxed_in_currency_signed: isEntry ? 0 : amt(-untaxedCur),
      amount_tax_signed: isEntry ? 0 : amt(-taxBal), amount_total_signed: amt(signedTotal),
      amount_total_in_currency_signed: isEntry ? amt(debitCur) : amt(-(untaxedCur + taxCur)),
      amount_residual: isEntry ? 0 : amt(amountTotal), amount_residual_signed: isEntry ? 0 : amt(signedTotal),
      payment_state: 'not_paid', invoice_currency_rate: isEntry ? 1 : rate6 / 1e6,
      reversed_entry_id: spec.reversedEntryId ?? false, origin_payment_id: spec.originPaymentId ?? false, auto_post: 'no',
      line_ids: lineIds, invoice_line_ids: invoiceLineIds, create_date: spec.createdAt, write_date: spec.createdAt,
    };
    held.open = open;
    this.moveCount++;
    this.lineCount += lineRecords.length;
    if (open && (open as OpenLine).kind === 'ar') this.openReceivables.add(open);
    return held;
  }

  /** Emits a move whose final state is known. */
  release(held: HeldMove): void {
    this.out.emit('account.move', held.move);
    for (const line of held.lines) this.out.emit('account.move.line', line);
    if (held.payment) this.out.emit('account.payment', held.payment);
  }

  /** Posts and immediately emits a move with nothing left to reconcile. */
  postAndRelease(spec: MoveSpec): HeldMove {
    const held = this.post(spec);
    this.release(held);
    return held;
  }
}
