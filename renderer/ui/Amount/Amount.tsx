import type { AmountScale, ValueUnit } from '../../../shared/boardpack/model';
import { useLocaleFormat } from '../../locale/LocaleContext';
import classes from './Amount.module.css';

/**
 * Every amount on screen: minor units in, the board pack's own formatting out (tabular figures,
 * negatives in parentheses, zero as a dash) with the Settings locale's separators, so the screen
 * prints the PDF's text, only with the reader's thousands and decimal marks.
 */
export function Amount({ minor, currency, scale = 'units', withCurrency = false }: { minor: number | null; currency: string; scale?: AmountScale; withCurrency?: boolean }) {
  const format = useLocaleFormat();
  if (minor === null) return <span className={classes.amount}>n/a</span>;
  return (
    <span className={classes.amount} data-negative={minor < 0 || undefined} data-minor={minor}>
      {format.amount(minor, currency, scale)}
      {withCurrency && ` ${currency}${scale === 'k' ? 'k' : scale === 'm' ? 'm' : ''}`}
    </span>
  );
}

/** Any KPI figure (amount, percent, days, count, multiple) with the same conventions. */
export function Figure({ value, unit, currency, scale = 'units' }: { value: number | null; unit: ValueUnit; currency: string; scale?: AmountScale }) {
  const format = useLocaleFormat();
  if (unit === 'amount') return <Amount minor={value} currency={currency} scale={scale} withCurrency />;
  return (
    <span className={classes.amount} data-value={value ?? undefined}>
      {format.figure(value, unit, currency, scale, 'n/a')}
    </span>
  );
}
