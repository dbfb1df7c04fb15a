import { currencyDecimals } from '../../shared/boardpack/build';
import { formatAmount, formatChange, formatFigure, formatPercent, localeSeparators, type NumberSeparators } from '../../shared/boardpack/format';
import type { AmountScale, Figure, ValueUnit } from '../../shared/boardpack/model';
import { settingTimeZone } from '../../shared/period/timezone';

/** The locale the app starts with before Settings answer (and the one the PDF and Excel texts use). */
export const DEFAULT_LOCALE = 'en-GB';

/** Something a date can be read from: a Date, epoch milliseconds, ISO 8601, or Odoo's UTC 'YYYY-MM-DD HH:MM:SS'. */
export type DateInput = Date | number | string;

/** Every number and date formatter a screen needs, bound to one locale and one timezone. */
export interface LocaleFormat {
  /** The BCP 47 tag in use (a tag Intl rejects falls back to {@link DEFAULT_LOCALE}). */
  locale: string;
  /** The IANA zone date-times are shown in: the Settings timezone, else the machine's (as the scheduler does). */
  timeZone: string;
  separators: NumberSeparators;
  /** Minor units -> the board pack's text with the locale's marks: "1.234,56", "(12)", "–". */
  amount(minor: number, currency: string, scale?: AmountScale): string;
  /** Any KPI figure by unit; `empty` is what a missing value shows. */
  figure(value: Figure, unit: ValueUnit, currency: string, scale?: AmountScale, empty?: string): string;
  /** 0.123 -> "12.3%" / "12,3%". */
  percent(fraction: number, decimals?: number): string;
  /** A KPI tile's change ("+4.2%", "-0.3 pp") in the locale. */
  change(change: Figure, base: Figure, unit: ValueUnit): string;
  /** A plain number (a chart value already in display units, a count) with exactly `decimals` decimals: 1234.5 -> "1.234,5". */
  number(value: number, decimals?: number): string;
  /** A calendar date: "25 Nov 2026" / "25.11.2026". A bare 'YYYY-MM-DD' is that day, whatever the zone. */
  date(value: DateInput): string;
  /** A moment in {@link timeZone}; `withZone` appends the zone's name so nobody guesses which clock it is. */
  dateTime(value: DateInput, options?: { withZone?: boolean }): string;
  /** A period 'YYYY-MM' -> "November 2026" / "November 2026" / "novembre 2026". */
  month(period: string): string;
}

const ODOO_DATETIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const PERIOD = /^(\d{4})-(\d{2})$/;

/** A tag Intl accepts, else the default: a bad stored setting must not blank every screen. */
export function supportedLocale(locale: string | null | undefined): string {
  if (!locale) return DEFAULT_LOCALE;
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? new Intl.NumberFormat(locale).resolvedOptions().locale : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** Reads a moment; Odoo's zone-less timestamps are UTC by contract. */
function toDate(value: DateInput): Date {
  if (typeof value !== 'string') return new Date(value);
  const odoo = ODOO_DATETIME.exec(value);
  return new Date(odoo ? `${odoo[1]}T${odoo[2]}Z` : value);
}

/** Builds the formatters for one locale and zone; cheap enough to rebuild when Settings change. */
export function createLocaleFormat(localeSetting: string | null | undefined, timeZoneSetting?: string | null): LocaleFormat {
  const locale = supportedLocale(localeSetting);
  const timeZone = settingTimeZone(timeZoneSetting);
  const separators = localeSeparators(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const calendarDateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const monthFormat = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const invalid = (value: DateInput) => (typeof value === 'string' ? value : '');
  return {
    locale,
    timeZone,
    separators,
    amount: (minor, currency, scale = 'units') => formatAmount(minor, { scale, currencyDecimals: currencyDecimals(currency), separators }),
    figure: (value, unit, currency, scale = 'units', empty = '') => formatFigure(value, unit, { scale, currencyDecimals: currencyDecimals(currency), separators }, empty),
    percent: (fraction, decimals = 1) => formatPercent(fraction, decimals, separators),
    change: (change, base, unit) => formatChange(change, base, unit, separators),
    number: (value, decimals = 1) => new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value),
    date(value) {
      if (typeof value === 'string' && DATE_ONLY.test(value)) return calendarDateFormat.format(new Date(`${value}T00:00:00Z`));
      const date = toDate(value);
      return Number.isNaN(date.getTime()) ? invalid(value) : dateFormat.format(date);
    },
    dateTime(value, options) {
      const date = toDate(value);
      if (Number.isNaN(date.getTime())) return invalid(value);
      const text = dateTimeFormat.format(date);
      return options?.withZone ? `${text} (${timeZone})` : text;
    },
    month(period) {
      const match = PERIOD.exec(period);
      if (!match) return period;
      return monthFormat.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
    },
  };
}
