/**
 * Posted customer invoices, vendor bills, a foreign-currency invoice, a credit note, and payments with
 * partial/full reconciliations, built so Odoo's invariants hold: balance = debit - credit, every move
 * balances, signed amounts follow the move type (odoo-api.md §7.1), residuals follow the partials (§7.11).
 */
import { cents, type SeedBuilder } from './builder';
import { USD, type CompanySeed } from './master-data';

interface InvoiceSpec {
  company: CompanySeed;
  type: 'out_invoice' | 'out_refund' | 'in_invoice';
  partner: number;
  date: string;
  product: number | false;
  quantity: number;
  priceUnit: number;
  /** Document currency and its rate (units of document currency per 1 company currency). */
  currency?: number;
  rate?: number;
  state?: 'posted' | 'draft';
}

function nextName(b: SeedBuilder, prefix: string, year: string, key: string): string {
  return `${prefix}/${year}/${String(b.nextSequence(key)).padStart(5, '0')}`;
}

function dueDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 30);
  return d.toISOString().slice(0, 10);
}

/** Creates one invoice-like move with product, tax and receivable/payable lines; returns ids. */
export function addInvoice(b: SeedBuilder, spec: InvoiceSpec): { move: number; termLine: number; total: number; totalCompany: number } {
  const c = spec.company;
  const currency = spec.currency ?? c.currency;
  const rate = spec.rate ?? 1;
  const state = spec.state ?? 'posted';
  const customer = spec.type !== 'in_invoice';
  const journal = customer ? c.journals.sale : c.journals.purchase;
  const prefix = spec.type === 'out_invoice' ? 'INV' : spec.type === 'out_refund' ? 'RINV' : 'BILL';
  const name = state === 'posted' ? nextName(b, prefix, spec.date.slice(0, 4), `${c.id}-${prefix}`) : '/';
  const untaxed = cents(spec.quantity * spec.priceUnit);
  const tax = cents(untaxed * c.taxRate);
  const total = cents(untaxed + tax);
  const toCompany = (amount: number) => cents(amount / rate);
  // Sign of the receivable/payable line in balance terms: out_invoice debit, out_refund/in_invoice credit.
  const termSign = spec.type === 'out_invoice' ? 1 : -1;
  const signedSign = spec.type === 'out_invoice' ? 1 : -1;
  const move = b.add('account.move', {
    name, move_type: spec.type, state, date: spec.date, invoice_date: spec.date, invoice_date_due: dueDate(spec.date),
    journal_id: journal, company_id: c.id, currency_id: currency, company_currency_id: c.currency, partner_id: spec.partner,
    commercial_partner_id: spec.partner, ref: false, invoice_origin: false, payment_reference: name,
    amount_untaxed: untaxed, amount_tax: tax, amount_total: total, amount_residual: state === 'posted' ? total : total,
    amount_untaxed_signed: signedSign * toCompany(untaxed), amount_tax_signed: signedSign * toCompany(tax),
    amount_total_signed: signedSign * toCompany(total), amount_residual_signed: signedSign * toCompany(total),
    amount_total_in_currency_signed: signedSign * total, amount_untaxed_in_currency_signed: signedSign * untaxed,
    payment_state: 'not_paid', invoice_currency_rate: rate, invoice_user_id: 2, auto_post: 'no',
    reversed_entry_id: false, line_ids: [], invoice_line_ids: [],
  });
  const base = {
    move_id: move, move_name: name, date: spec.date, invoice_date: spec.date, parent_state: state, journal_id: journal,
    company_id: c.id, company_currency_id: c.currency, partner_id: spec.partner, currency_id: currency,
    reconciled: false, full_reconcile_id: false, matching_number: false, discount: 0, tax_line_id: false,
  };
  const line = (values: Record<string, string | number | boolean>, amountCurrency: number) => {
    const balance = toCompany(amountCurrency);
    const id = b.add('account.move.line', {
      ...base, ...values, debit: balance > 0 ? balance : 0, credit: balance < 0 ? -balance : 0, balance, amount_currency: amountCurrency,
      amount_residual: 0, amount_residual_currency: 0,
    });
    b.link('account.move', move, 'line_ids', id);
    return id;
  };
  const productAccount = customer ? c.accounts.sales : c.accounts.expense;
  const productLine = line({ account_id: productAccount, name: 'Product', display_type: 'product', product_id: spec.product, quantity: spec.quantity, price_unit: spec.priceUnit, price_subtotal: untaxed, price_total: total, date_maturity: false }, -termSign * untaxed);
  b.link('account.move', move, 'invoice_line_ids', productLine);
  line({ account_id: c.accounts.tax, name: `Tax ${Math.round(c.taxRate * 100)}%`, display_type: 'tax', product_id: false, quantity: 1, price_unit: 0, price_subtotal: 0, price_total: 0, date_maturity: false }, -termSign * tax);
  const termAccount = customer ? c.accounts.receivable : c.accounts.payable;
  const termLine = line({ account_id: termAccount, name: name, display_type: 'payment_term', product_id: false, quantity: 1, price_unit: 0, price_subtotal: 0, price_total: 0, date_maturity: dueDate(spec.date) }, termSign * total);
  const termBalance = toCompany(termSign * total);
  // Rounding per line may leave a cent; push it onto the tax line so the move balances exactly.
  const lines = b.dataset.table('account.move.line').filter((l) => l.move_id === move);
  const diff = cents(lines.reduce((sum, l) => sum + Number(l.balance), 0));
  if (diff !== 0) {
    const taxLine = lines.find((l) => l.display_type === 'tax');
    if (taxLine) {
      const balance = cents(Number(taxLine.balance) - diff);
      Object.assign(taxLine, { balance, debit: balance > 0 ? balance : 0, credit: balance < 0 ? -balance : 0 });
    }
  }
  b.set('account.move.line', termLine, { amount_residual: termBalance, amount_residual_currency: termSign * total });
  return { move, termLine, total, totalCompany: Math.abs(termBalance) };
}

/** Registers a customer payment against an invoice's receivable line (full or partial). */
export function addPayment(b: SeedBuilder, c: CompanySeed, invoice: { move: number; termLine: number; total: number; totalCompany: number }, amount: number, date: string, matchNo: string): void {
  const full = amount >= invoice.total;
  const invoiceMove = b.dataset.get('account.move', invoice.move);
  const partner = Number(invoiceMove?.partner_id);
  const name = nextName(b, 'PBNK1', date.slice(0, 4), `${c.id}-PAY`);
  const companyAmount = full ? invoice.totalCompany : cents((amount / invoice.total) * invoice.totalCompany);
  const move = b.add('account.move', {
    name, move_type: 'entry', state: 'posted', date, invoice_date: false, invoice_date_due: false, journal_id: c.journals.bank,
    company_id: c.id, currency_id: c.currency, company_currency_id: c.currency, partner_id: partner, commercial_partner_id: partner,
    ref: false, amount_untaxed: 0, amount_tax: 0, amount_total: companyAmount, amount_residual: 0, amount_total_signed: companyAmount,
    amount_total_in_currency_signed: companyAmount, amount_residual_signed: 0, amount_untaxed_signed: 0, amount_tax_signed: 0,
    payment_state: 'not_paid', line_ids: [], invoice_line_ids: [], auto_post: 'no', invoice_currency_rate: 1,
  });
  const base = { move_id: move, move_name: name, date, invoice_date: false, parent_state: 'posted', journal_id: c.journals.bank, company_id: c.id, company_currency_id: c.currency, partner_id: partner, currency_id: c.currency, display_type: 'payment_term', product_id: false, quantity: 0, price_unit: 0, price_subtotal: 0, price_total: 0, discount: 0, date_maturity: date, tax_line_id: false, amount_residual: 0, amount_residual_currency: 0 };
  const outstanding = b.add('account.move.line', { ...base, account_id: c.accounts.outstanding, name: `Payment ${name}`, debit: companyAmount, credit: 0, balance: companyAmount, amount_currency: companyAmount, reconciled: false, full_reconcile_id: false, matching_number: false, amount_residual: companyAmount, amount_residual_currency: companyAmount });
  const counterpart = b.add('account.move.line', { ...base, account_id: c.accounts.receivable, name: `Payment ${name}`, debit: 0, credit: companyAmount, balance: -companyAmount, amount_currency: -companyAmount, reconciled: full, full_reconcile_id: false, matching_number: matchNo });
  b.set('account.move', move, { line_ids: [outstanding, counterpart] });
  const payment = b.add('account.payment', {
    name, state: full ? 'paid' : 'in_process', payment_type: 'inbound', partner_type: 'customer', partner_id: partner, amount: companyAmount,
    currency_id: c.currency, amount_company_currency_signed: companyAmount, amount_signed: companyAmount, date, memo: String(invoiceMove?.name),
    ref: String(invoiceMove?.name), payment_reference: false, journal_id: c.journals.bank, company_id: c.id, move_id: move,
    outstanding_account_id: c.accounts.outstanding, destination_account_id: c.accounts.receivable, is_reconciled: full, is_matched: false,
    invoice_ids: [invoice.move],
  });
  b.set('account.move', move, { origin_payment_id: payment, payment_id: payment });
  const partial = b.add('account.partial.reconcile', {
    debit_move_id: invoice.termLine, credit_move_id: counterpart, amount: companyAmount, debit_amount_currency: full ? invoice.total : amount,
    credit_amount_currency: companyAmount, debit_currency_id: Number(invoiceMove?.currency_id), credit_currency_id: c.currency,
    company_currency_id: c.currency, max_date: date, company_id: c.id, full_reconcile_id: false, exchange_move_id: false,
  });
  const residual = cents(invoice.total - (full ? invoice.total : amount));
  const residualCompany = cents(invoice.totalCompany - companyAmount);
  b.set('account.move.line', invoice.termLine, { amount_residual: residualCompany, amount_residual_currency: residual, matching_number: matchNo, reconciled: full });
  b.set('account.move', invoice.move, { amount_residual: residual, amount_residual_signed: residualCompany, payment_state: full ? 'paid' : 'partial', matched_payment_ids: [payment] });
  if (full) {
    const fullReconcile = b.add('account.full.reconcile', { partial_reconcile_ids: [partial], reconciled_line_ids: [invoice.termLine, counterpart], name: matchNo, exchange_move_id: false });
    b.set('account.partial.reconcile', partial, { full_reconcile_id: fullReconcile });
    b.set('account.move.line', invoice.termLine, { full_reconcile_id: fullReconcile });
    b.set('account.move.line', counterpart, { full_reconcile_id: fullReconcile });
  }
}

/** Ten months of activity per company: 3 invoices + 1 bill a month, a refund, a USD invoice, payments. */
export function seedAccounting(b: SeedBuilder, companies: CompanySeed[]): void {
  const customers = [10, 11, 12, 13, 14, 15];
  for (const c of companies) {
    const invoices: Array<ReturnType<typeof addInvoice>> = [];
    for (let month = 1; month <= 10; month++) {
      const mm = String(month).padStart(2, '0');
      for (let k = 0; k < 3; k++) {
        const product = ((month + k) % 4) + 1;
        const price = [4000, 2350, 120, 95][product - 1];
        invoices.push(addInvoice(b, { company: c, type: 'out_invoice', partner: customers[(month + k + c.id) % 6], date: `2026-${mm}-${String(5 + k * 9).padStart(2, '0')}`, product, quantity: 1 + ((month * 7 + k) % 5), priceUnit: price }));
      }
      addInvoice(b, { company: c, type: 'in_invoice', partner: 20, date: `2026-${mm}-20`, product: false, quantity: 1, priceUnit: 800 + month * 25 });
    }
    addInvoice(b, { company: c, type: 'out_refund', partner: customers[0], date: '2026-10-28', product: 3, quantity: 2, priceUnit: 120 });
    const usdRate = c.currency === 126 ? 1.098 : 1.278;
    invoices.push(addInvoice(b, { company: c, type: 'out_invoice', partner: customers[3], date: '2026-10-14', product: 4, quantity: 10, priceUnit: 110, currency: USD, rate: usdRate }));
    addInvoice(b, { company: c, type: 'out_invoice', partner: customers[2], date: '2026-11-02', product: 1, quantity: 1, priceUnit: 4000, state: 'draft' });
    invoices.slice(0, 4).forEach((inv, i) => addPayment(b, c, inv, inv.total, `2026-02-${String(10 + i).padStart(2, '0')}`, `P${c.id}${String(i + 1).padStart(2, '0')}`));
    const partlyPaid = invoices[5];
    addPayment(b, c, partlyPaid, cents(partlyPaid.total / 2), '2026-03-15', `P${c.id}99`);
  }
}
