import { computeCta, type CtaResult } from '../../../shared/fx/translate';
import { addMonths, type MonthKey } from '../../../shared/period/period';
import type { CtaRow } from '../../../shared/reports/types';
import { BS_CLASSES, PNL_CATEGORIES, type BsClass } from './classification';
import type { CompanyData } from './company-inputs';
import type { Translator } from './translator';

/** Balance-sheet classes whose sum is net assets (equity and off-balance excluded). */
export const NET_ASSET_CLASSES: readonly BsClass[] = BS_CLASSES.filter((cls) => cls !== 'equity' && cls !== 'off_balance');

/** Net assets of a company at a month-end in its own currency (debit-positive). */
export function netAssetsFunctional(c: CompanyData, m: MonthKey): number {
  return NET_ASSET_CLASSES.reduce((s, cls) => s + c.ledger.bsClosing(cls, m), 0);
}

/** The translation-reserve schedule of the translated companies, computed lazily per month-end. */
export interface CtaSchedule {
  /** CTA of one company (by translator index) at a month-end. */
  of(index: number, month: MonthKey): CtaResult;
  /** One row per company at a month-end, with the month's movement. */
  rows(month: MonthKey): CtaRow[];
}

/** CTA of one translated company at a month-end (see shared/fx/translate): amounts already translated pass with factor 1. */
function computeCompanyCta(t: Translator, month: MonthKey): CtaResult {
  const ledger = t.company.ledger;
  const months = ledger.activeMonths().filter((m) => m <= month);
  const passThrough = (translated: number | null): { balance: number; factor: string | null } => ({
    balance: translated ?? 0,
    factor: translated === null ? null : '1',
  });
  const closing = t.closing(month);
  return computeCta({
    netAssetRows: NET_ASSET_CLASSES.map((cls) => t.balance(ledger.bsClosing(cls, month), month) ?? 0),
    closingFactor: closing === null ? null : '1',
    equityMovements: months.map((m) => passThrough(t.flow(ledger.bsMovement('equity', m), m))),
    pnlMonths: months.flatMap((m) => PNL_CATEGORIES.map((cat) => passThrough(t.pnl(cat, m)))),
    decimals: { from: 0, to: 0 },
  });
}

/** Builds the memoised CTA schedule of the translators (one computation per company and month-end). */
export function ctaSchedule(translators: readonly Translator[]): CtaSchedule {
  const memo = translators.map(() => new Map<MonthKey, CtaResult>());
  const of = (index: number, month: MonthKey): CtaResult => {
    const cache = memo[index];
    const t = translators[index];
    if (!cache || !t) throw new Error(`no translator ${index}`);
    let result = cache.get(month);
    if (!result) {
      result = computeCompanyCta(t, month);
      cache.set(month, result);
    }
    return result;
  };
  return {
    of,
    rows: (m) =>
      translators.map((t, i) => {
        const now = of(i, m);
        const before = of(i, addMonths(m, -1));
        const c = t.company;
        return {
          companyId: c.company.id,
          currency: c.company.currency,
          netAssetsFunctional: c.ledger.activeMonths().length === 0 ? 0 : netAssetsFunctional(c, m),
          translatedNetAssets: now.translatedNetAssets,
          translatedEquityAtHistorical: now.translatedEquityAtHistorical,
          translatedRetainedEarnings: now.translatedRetainedEarnings,
          cta: now.cta,
          ctaMovementMonth: now.cta === null || before.cta === null ? null : now.cta - before.cta,
        };
      }),
  };
}
