import type { AmountScale, Figure } from './model';

/** Minor units -> the number a chart axis shows in the pack's unit (EUR k = major / 1000), 1 decimal kept. */
export function chartAmount(minor: Figure, currencyDecimals: number, scale: AmountScale): number | null {
  if (minor === null) return null;
  const divisor = 10 ** currencyDecimals * (scale === 'k' ? 1_000 : scale === 'm' ? 1_000_000 : 1);
  return Math.round((minor / divisor) * 10) / 10;
}
