import { monthEnd, type MonthKey } from '../../../shared/period/period';
import type { IntercompanyPair } from '../../../shared/reports/types';
import type { CompanyData } from './company-inputs';
import type { ReadonlyDb } from './context';
import type { Translator } from './translator';

type MonthMap = Map<MonthKey, number>;

interface CounterpartBook {
  purchases: MonthMap;
  receivable: MonthMap;
  payable: MonthMap;
  sampleMoveIds: number[];
}

/**
 * A company's journal items against the other group companies (own currency), by counterpart
 * (the group company's partner, contacts folded into their commercial partner) and month.
 */
export interface IntercompanyBook {
  /**
   * Untaxed vendor bills (less refunds) from the counterparts dated in a month, positive: the buyer's
   * side of an intercompany sale, whatever account the goods were booked to (stock, GRNI or expense).
   */
  purchases(month: MonthKey, counterparts: Iterable<number>): number;
  /** Receivable balance on the counterparts at a month-end, debit-positive. */
  receivable(month: MonthKey, counterparts: Iterable<number>): number;
  /** Payable balance on the counterparts at a month-end, credit-positive. */
  payable(month: MonthKey, counterparts: Iterable<number>): number;
  /** Some moves behind the amounts, for the mismatch listing. */
  sampleMoveIds(counterparts: Iterable<number>): number[];
}

function emptyBook(): CounterpartBook {
  return { purchases: new Map(), receivable: new Map(), payable: new Map(), sampleMoveIds: [] };
}

function upTo(map: MonthMap | undefined, month: MonthKey): number {
  let total = 0;
  for (const [m, amount] of map ?? []) if (m <= month) total += amount;
  return total;
}

function add(map: MonthMap, month: MonthKey, amount: number): void {
  map.set(month, (map.get(month) ?? 0) + amount);
}

/**
 * Loads the intercompany journal items of a company up to the report month-end in one query that
 * seeks the partner index with just the group partners and their contacts (a handful of partners
 * out of thousands), instead of scanning the ledger once per company pair.
 */
export function loadIntercompany(db: ReadonlyDb, data: CompanyData, groupPartners: ReadonlySet<number>): IntercompanyBook {
  const c = data.company.id;
  const others = [...groupPartners].filter((p) => p !== data.company.partnerId);
  // The group companies' partners and their contacts: a handful out of thousands of partners.
  const partnerIds = db
    .prepare<[number, string, string], { id: number }>(
      `SELECT id FROM odoo_partner WHERE sync_company_id = ?
          AND (id IN (SELECT value FROM json_each(?)) OR commercial_partner_id IN (SELECT value FROM json_each(?)))`,
    )
    .all(c, JSON.stringify(others), JSON.stringify(others))
    .map((r) => r.id);
  const partnerIdsAndOthers = [...new Set([...others, ...partnerIds])];
  // `+l.date` keeps the planner on the partner index (a date range would read the whole ledger).
  const rows = db
    .prepare<[number, string, number, string], { month: MonthKey; accountId: number; counterpart: number; balance: number; moveId: number }>(
      `SELECT substr(l.date, 1, 7) AS month, l.account_id AS accountId, COALESCE(p.commercial_partner_id, l.partner_id) AS counterpart,
              SUM(l.balance) AS balance, MIN(l.move_id) AS moveId
         FROM odoo_move_line l
         LEFT JOIN odoo_partner p ON p.sync_company_id = l.sync_company_id AND p.id = l.partner_id
        WHERE l.sync_company_id = ? AND l.partner_id IN (SELECT value FROM json_each(?))
          AND l.company_id = ? AND l.parent_state = 'posted' AND +l.date <= ?
        GROUP BY month, l.account_id, counterpart
        ORDER BY month, l.account_id, counterpart`,
    )
    .all(c, JSON.stringify(partnerIdsAndOthers), c, monthEnd(data.periods.month));
  const wanted = new Set(others);
  const books = new Map<number, CounterpartBook>();
  for (const row of rows) {
    if (!wanted.has(row.counterpart)) continue;
    let book = books.get(row.counterpart);
    if (!book) {
      book = emptyBook();
      books.set(row.counterpart, book);
    }
    const account = data.company.accounts.get(row.accountId);
    if (!book.sampleMoveIds.includes(row.moveId)) book.sampleMoveIds.push(row.moveId);
    if (account?.bs === 'receivables') add(book.receivable, row.month, row.balance);
    else if (account?.bs === 'payables') add(book.payable, row.month, row.balance);
  }
  // The buyer's side is its bills, not its expense lines: goods bought from a group company go to
  // stock (or a goods-received interim account) and reach COGS only when resold, while the seller's
  // own COGS lines on an intercompany invoice carry the buyer as partner and are not a purchase.
  const bills = db
    .prepare<[number, number, string, string, string], { month: MonthKey; counterpart: number; amount: number }>(
      `SELECT substr(date, 1, 7) AS month, COALESCE(commercial_partner_id, partner_id) AS counterpart, -SUM(amount_untaxed_signed) AS amount
         FROM odoo_move
        WHERE sync_company_id = ? AND company_id = ? AND state = 'posted' AND move_type IN ('in_invoice', 'in_refund') AND date <= ?
          AND (partner_id IN (SELECT value FROM json_each(?)) OR commercial_partner_id IN (SELECT value FROM json_each(?)))
        GROUP BY month, counterpart`,
    )
    .all(c, c, monthEnd(data.periods.month), JSON.stringify(partnerIdsAndOthers), JSON.stringify(others));
  for (const bill of bills) {
    if (!wanted.has(bill.counterpart)) continue;
    let book = books.get(bill.counterpart);
    if (!book) {
      book = emptyBook();
      books.set(bill.counterpart, book);
    }
    add(book.purchases, bill.month, bill.amount);
  }
  const sum = (counterparts: Iterable<number>, pick: (book: CounterpartBook) => number): number => {
    let total = 0;
    for (const id of counterparts) {
      const book = books.get(id);
      if (book) total += pick(book);
    }
    return total;
  };
  return {
    purchases: (m, cps) => sum(cps, (b) => b.purchases.get(m) ?? 0),
    receivable: (m, cps) => sum(cps, (b) => upTo(b.receivable, m)),
    payable: (m, cps) => -sum(cps, (b) => upTo(b.payable, m)),
    sampleMoveIds: (cps) => [...cps].flatMap((id) => books.get(id)?.sampleMoveIds ?? []).slice(0, 20),
  };
}

/** Both sides of every intercompany relationship in the report month, translated, listed before elimination. */
export function matchIntercompanyPairs(
  companies: readonly CompanyData[],
  translators: readonly Translator[],
  books: readonly IntercompanyBook[],
  month: MonthKey,
): IntercompanyPair[] {
  const pairs: IntercompanyPair[] = [];
  for (const [si, seller] of companies.entries()) {
    for (const [bi, buyer] of companies.entries()) {
      const sellerT = translators[si];
      const buyerT = translators[bi];
      const sellerBook = books[si];
      const buyerBook = books[bi];
      if (si === bi || buyer.company.partnerId === null || !sellerT || !buyerT || !sellerBook || !buyerBook) continue;
      const buyerSide = [buyer.company.partnerId];
      const sellerSide = seller.company.partnerId === null ? null : [seller.company.partnerId];
      const sellerRevenue = sellerT.flow(seller.revenue.toPartners(month, new Set(buyerSide)), month);
      const buyerCost = sellerSide ? buyerT.flow(buyerBook.purchases(month, sellerSide), month) : null;
      const sellerReceivable = sellerT.balance(sellerBook.receivable(month, buyerSide), month);
      const buyerPayable = sellerSide ? buyerT.balance(buyerBook.payable(month, sellerSide), month) : null;
      if (!sellerRevenue && !buyerCost && !sellerReceivable && !buyerPayable) continue;
      const revenueDifference = difference(sellerRevenue, buyerCost);
      const balanceDifference = difference(sellerReceivable, buyerPayable);
      pairs.push({
        sellerCompanyId: seller.company.id,
        buyerCompanyId: buyer.company.id,
        sellerRevenue,
        buyerCost,
        sellerReceivable,
        buyerPayable,
        revenueDifference,
        balanceDifference,
        status: revenueDifference === 0 && balanceDifference === 0 ? 'matched' : 'mismatch',
        sampleMoveIds: [...sellerBook.sampleMoveIds(buyerSide), ...(sellerSide ? buyerBook.sampleMoveIds(sellerSide) : [])].slice(0, 20),
      });
    }
  }
  return pairs;
}

/** a − b, null when either side is unknown (missing rate). */
export function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}
