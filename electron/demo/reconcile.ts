/**
 * Payments, credit-note matching, partial/full reconciliations and exchange differences,
 * following Odoo's residual rule (odoo-api.md §7.11): a line's residual is its balance minus
 * the partials where it is the debit side plus those where it is the credit side.
 */
import type { HeldMove, Ledger, OpenLine, ReconcileGroup } from './ledger';
import { amt } from './ledger';
import type { CurrencyCode, JournalKey, AccountKey } from './master-data';
import { CURRENCY_IDS } from './master-data';
import { toCompany } from './fx';
import { dateString } from './calendar';
import type { SimRecord } from './types';

export interface PaymentSpec {
  day: number;
  journal: JournalKey;
  /** Positive amount in the target line's currency. */
  amountCur: number;
  currency: CurrencyCode;
  createdAt: string;
  memo: string;
}

const JOURNAL_ACCOUNT: Record<string, AccountKey> = { bank: 'bank', shopify: 'clearing_shopify', stripe: 'clearing_stripe', marketplace: 'clearing_marketplace' };

export class Reconciler {
  private readonly pending = new Set<ReconcileGroup>();

  constructor(private readonly ledger: Ledger) {}

  /** Starts tracking a posted document with an open receivable/payable line. */
  open(held: HeldMove): ReconcileGroup {
    const line = held.open;
    if (!line) throw new Error(`move ${String(held.move.name)} has no open line`);
    const group: ReconcileGroup = { lines: [line], moves: [held], partials: [] };
    line.group = group;
    this.pending.add(group);
    return group;
  }

  /** Registers a payment against the group's document and reconciles it. */
  pay(group: ReconcileGroup, spec: PaymentSpec): HeldMove {
    const target = group.lines[0]!;
    const company = target.company;
    const inbound = target.residualCur > 0;
    const sign = inbound ? -1 : 1;
    const paymentId = this.ledger.ids.take('account.payment');
    const cashAccount = company.accounts[JOURNAL_ACCOUNT[spec.journal] ?? 'bank'];
    const partnerAccount = target.kind === 'ar' ? company.accounts.receivable : company.accounts.payable;
    const held = this.ledger.post({
      company, journal: spec.journal, moveType: 'entry', day: spec.day, partnerId: target.rec.partner_id as number | false,
      currency: spec.currency, ref: spec.memo, createdAt: spec.createdAt, originPaymentId: paymentId,
      lines: [
        { account: cashAccount, cur: -sign * spec.amountCur, displayType: 'product', label: spec.memo },
        { account: partnerAccount, cur: sign * spec.amountCur, displayType: 'payment_term', balancing: true, label: spec.memo, maturity: spec.day },
      ],
    });
    const counterpart = held.open!;
    const companyAmount = Math.abs(counterpart.residual);
    held.payment = {
      id: paymentId, name: held.move.name as string, state: 'paid', payment_type: inbound ? 'inbound' : 'outbound',
      partner_type: target.kind === 'ar' ? 'customer' : 'supplier', partner_id: target.rec.partner_id as number | false,
      amount: spec.amountCur / 100, currency_id: CURRENCY_IDS[spec.currency], amount_company_currency_signed: amt(inbound ? companyAmount : -companyAmount),
      date: dateString(spec.day), memo: spec.memo, payment_reference: spec.memo, journal_id: company.journals[spec.journal].id, company_id: company.id,
      move_id: held.move.id, outstanding_account_id: cashAccount.id, destination_account_id: partnerAccount.id,
      is_reconciled: true, is_matched: true, invoice_ids: [target.held.move.id], payment_method_line_id: false,
      create_date: spec.createdAt, write_date: spec.createdAt,
    };
    this.attach(group, held, spec.day, spec.createdAt);
    return held;
  }

  /** Matches a counterpart document (credit note, refund payment) with the group's document. */
  attach(group: ReconcileGroup, held: HeldMove, day: number, stamp: string): void {
    const target = group.lines[0]!;
    const counter = held.open!;
    this.ledger.openReceivables.delete(counter);
    counter.group = group;
    group.lines.push(counter);
    group.moves.push(held);
    const targetIsDebit = target.residualCur > 0;
    const debit = targetIsDebit ? target : counter;
    const credit = targetIsDebit ? counter : target;
    const cur = Math.min(Math.abs(target.residualCur), Math.abs(counter.residualCur));
    const foreign = target.currencyId !== target.company.currencyId;
    if (!foreign) {
      this.partial(group, debit, credit, Math.min(debit.residual, -credit.residual), cur, cur, day, stamp, false);
    } else {
      const targetPortion = cur === Math.abs(target.residualCur)
        ? Math.abs(target.residual)
        : Math.abs(toCompany(Math.round((target.residual * cur) / target.residualCur), 1_000_000));
      const counterPortion = Math.abs(counter.residual);
      const main = this.partial(group, debit, credit, Math.min(targetPortion, counterPortion), cur, cur, day, stamp, false);
      const diff = counterPortion - targetPortion;
      if (diff !== 0) this.exchangeDifference(group, main, targetIsDebit ? diff : -diff, day, stamp);
    }
    this.ledger.openReceivables.delete(counter);
    if (held.moveType === 'out_refund' || held.moveType === 'in_refund') target.held.reversedOnly = group.moves.every((m, i) => i === 0 || m.moveType.endsWith('refund'));
    this.settleIfDone(group, stamp);
  }

  private partial(group: ReconcileGroup, debit: OpenLine, credit: OpenLine, amount: number, debitCur: number, creditCur: number, day: number, stamp: string, exchange: boolean): SimRecord {
    debit.residual -= amount;
    debit.residualCur -= debitCur;
    credit.residual += amount;
    credit.residualCur += creditCur;
    const company = debit.company;
    const record: SimRecord = {
      id: this.ledger.ids.take('account.partial.reconcile'), debit_move_id: debit.rec.id, credit_move_id: credit.rec.id,
      amount: amount / 100, debit_amount_currency: exchange ? 0 : debitCur / 100, credit_amount_currency: exchange ? 0 : creditCur / 100,
      debit_currency_id: debit.currencyId, credit_currency_id: credit.currencyId, company_currency_id: company.currencyId,
      company_id: company.id, max_date: dateString(Math.max(debit.day, credit.day, day)), exchange_move_id: false,
      full_reconcile_id: false, create_date: stamp, write_date: stamp,
    };
    group.partials.push(record);
    return record;
  }

  /**
   * Books the company-currency difference left after matching a foreign-currency document
   * (`diff` > 0: the debit side still has too little company value matched → gain on AR).
   */
  private exchangeDifference(group: ReconcileGroup, main: SimRecord, diff: number, day: number, stamp: string): void {
    const target = group.lines[0]!;
    const company = target.company;
    const counter = group.lines[group.lines.length - 1]!;
    const currency = (Object.keys(CURRENCY_IDS) as CurrencyCode[]).find((c) => CURRENCY_IDS[c] === target.currencyId)!;
    const gain = diff > 0;
    const amount = Math.abs(diff);
    const partnerAccount = target.kind === 'ar' ? company.accounts.receivable : company.accounts.payable;
    // The exchange line sits on the side that lacks company value: debit when the payment
    // brought more than the invoice carried (gain), credit when it brought less (loss).
    const held = this.ledger.post({
      company, journal: 'exchange', moveType: 'entry', day, partnerId: target.rec.partner_id as number | false, currency,
      createdAt: stamp, ref: `Exchange difference ${String(target.held.move.name)}`,
      lines: [
        { account: partnerAccount, cur: 0, bal: gain ? amount : -amount, displayType: 'product', label: 'Currency exchange rate difference', maturity: day },
        { account: gain ? company.accounts.fx_gain : company.accounts.fx_loss, cur: 0, bal: gain ? -amount : amount, displayType: 'product', label: 'Currency exchange rate difference' },
      ],
    });
    main.exchange_move_id = held.move.id;
    const exchangeLine = held.open!;
    this.ledger.openReceivables.delete(exchangeLine);
    exchangeLine.group = group;
    group.lines.push(exchangeLine);
    group.moves.push(held);
    if (gain) this.partial(group, exchangeLine, counter, amount, 0, 0, day, stamp, true);
    else this.partial(group, target.residual > 0 ? target : counter, exchangeLine, amount, 0, 0, day, stamp, true);
  }

  private settleIfDone(group: ReconcileGroup, stamp: string): void {
    if (!group.lines.every((l) => l.residual === 0 && l.residualCur === 0)) return;
    const fullId = this.ledger.ids.take('account.full.reconcile');
    for (const line of group.lines) {
      line.rec.full_reconcile_id = fullId;
      line.rec.matching_number = String(fullId);
      this.ledger.openReceivables.delete(line);
    }
    for (const partial of group.partials) partial.full_reconcile_id = fullId;
    this.ledger.out.emit('account.full.reconcile', {
      id: fullId, partial_reconcile_ids: group.partials.map((p) => p.id), reconciled_line_ids: group.lines.map((l) => l.rec.id),
      create_date: stamp, write_date: stamp,
    });
    this.release(group, stamp);
  }

  private release(group: ReconcileGroup, stamp: string | null): void {
    for (const line of group.lines) {
      line.rec.amount_residual = amt(line.residual);
      line.rec.amount_residual_currency = amt(line.residualCur);
      line.rec.reconciled = line.residual === 0 && line.residualCur === 0;
      if (line.rec.matching_number === false && group.partials.length > 0) line.rec.matching_number = `P${group.partials[0]!.id}`;
      if (stamp && group.partials.length > 0) line.rec.write_date = stamp;
    }
    for (const held of group.moves) {
      const open = held.open;
      if (open && held.moveType !== 'entry') {
        const total = Math.round((held.move.amount_total as number) * 100);
        held.move.amount_residual = amt(Math.abs(open.residualCur));
        held.move.amount_residual_signed = amt(open.residual);
        held.move.payment_state = open.residualCur === 0 ? (held.reversedOnly ? 'reversed' : 'paid') : Math.abs(open.residualCur) === total ? 'not_paid' : 'partial';
        if (stamp && group.partials.length > 0) held.move.write_date = stamp;
      }
      this.ledger.release(held);
    }
    for (const partial of group.partials) this.ledger.out.emit('account.partial.reconcile', partial);
    this.pending.delete(group);
  }

  /** Emits every document still open at the end of the history. */
  finish(): void {
    for (const group of [...this.pending]) this.release(group, null);
  }
}
