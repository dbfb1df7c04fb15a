/**
 * Pure KPI formulas (definitions from board-pack.md §2). Inputs are integer minor units;
 * ratios are returned rounded (days 2 dp, fractions 6 dp) or null when undefined.
 */
import { ratio, type Minor } from '../money/money';
import type { DateKey } from '../period/period';
import type { AgingBucket } from './types';

const MS_PER_DAY = 86_400_000;

function epochDay(date: DateKey): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / MS_PER_DAY);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: DateKey, to: DateKey): number {
  return epochDay(to) - epochDay(from);
}

/**
 * Aging bucket of an open item as of a date, by days past its due date (inclusive bounds):
 * current = not yet due (≤ 0 days), 1–30, 31–60, 61–90, 90+ (> 90).
 */
export function agingBucket(asOf: DateKey, dueDate: DateKey): AgingBucket {
  const overdue = daysBetween(dueDate, asOf);
  if (overdue <= 0) return 'current';
  if (overdue <= 30) return 'd1_30';
  if (overdue <= 60) return 'd31_60';
  if (overdue <= 90) return 'd61_90';
  return 'd90_plus';
}

/** Rounds days to 2 decimals (null passes through). */
function days2(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

/** DSO, simple method: AR at period end / credit sales of the period × days in the period. */
export function dsoSimple(receivables: Minor, creditSales: Minor, periodDays: number): number | null {
  if (creditSales <= 0) return null;
  return days2(ratio(receivables * periodDays, creditSales, 6));
}

/** One month of credit sales, for the countback method. */
export interface MonthSales {
  sales: Minor;
  days: number;
}

/**
 * DSO, countback method: walk back from the latest month, consuming each month's credit sales from
 * the remaining AR and adding its days; the last month consumed contributes a fraction.
 * Example (board-pack.md): AR 212k, sales 100k/80k/70k latest first, 30-day months → 30 + 30 + 32/70×30 = 73.71.
 * Returns null when there is no positive AR to explain or sales run out before the AR is consumed.
 */
export function dsoCountback(receivables: Minor, monthsLatestFirst: readonly MonthSales[]): number | null {
  if (receivables <= 0) return receivables === 0 ? 0 : null;
  let remaining = receivables;
  let days = 0;
  for (const month of monthsLatestFirst) {
    if (month.sales <= 0) {
      days += month.days;
      continue;
    }
    if (remaining <= month.sales) {
      return days2(days + (remaining / month.sales) * month.days);
    }
    remaining -= month.sales;
    days += month.days;
  }
  return null;
}

/** DPO: AP at period end / cost base (COGS or purchases) of the period × days. */
export function dpo(payables: Minor, costBase: Minor, periodDays: number): number | null {
  if (costBase <= 0) return null;
  return days2(ratio(payables * periodDays, costBase, 6));
}

/** Gross margin as a fraction of net revenue (null on zero revenue). */
export function grossMarginPct(netRevenue: Minor, grossMargin: Minor): number | null {
  return ratio(grossMargin, netRevenue, 6);
}

/** Days of supply: on-hand value (or quantity) / average daily consumption over the window. */
export function daysOfSupply(onHand: number, consumedInWindow: number, windowDays: number): number | null {
  if (consumedInWindow <= 0 || windowDays <= 0) return null;
  return days2(ratio(onHand * windowDays, consumedInWindow, 6));
}

/**
 * Budget variance signed Better/(Worse): for revenue-like lines actual − budget, for cost-like
 * lines budget − actual, so a positive number is always favourable.
 */
export function betterWorse(actual: Minor, budget: Minor, nature: 'revenue' | 'cost'): Minor {
  return nature === 'revenue' ? actual - budget : budget - actual;
}
