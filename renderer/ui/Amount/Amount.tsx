import { currencyDecimals } from '../../../shared/boardpack/build';
import { formatAmount, formatFigure } from '../../../shared/boardpack/format';
import type { AmountScale, ValueUnit } from '../../../shared/boardpack/model';
import classes from './Amount.module.css';

/**
 * Every amount on screen: minor units in, the board pack's own formatting out (tabular figures,
 * negatives in parentheses, zero as a dash), so the screen and the PDF print the same text.
 */
export function Amount({ minor, currency, scale = 'units', withCurrency = false }: { minor: number | null; currency: string; scale?: AmountScale; withCurrency?: boolean }) {
  if (minor === null) return <span className={classes.amount}>n/a</span>;
  const text = formatAmount(minor, { scale, currencyDecimals: currencyDecimals(currency) });
  return (
    <span className={classes.amount} data-negative={minor < 0 || undefined} data-minor={minor}>
      {text}
      {withCurrency && ` ${currency}${scale === 'k' ? 'k' : scale === 'm' ? 'm' : ''}`}
    </span>
  );
}

/** Any KPI figure (amount, percent, days, count, multiple) with the same conventions. */
export function Figure({ value, unit, currency, scale = 'units' }: { value: number | null; unit: ValueUnit; currency: string; scale?: AmountScale }) {
  if (unit === 'amount') return <Amount minor={value} currency={currency} scale={scale} withCurrency />;
  return (
    <span className={classes.amount} data-value={value ?? undefined}>
      {formatFigure(value, unit, { scale, currencyDecimals: currencyDecimals(currency) }, 'n/a')}
    </span>
  );
}
