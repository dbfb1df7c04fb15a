import { createContext, useContext } from 'react';
import { createLocaleFormat, type LocaleFormat } from './locale-format';

/** Outside a provider (isolated components, the first paint) screens format as the default locale. */
export const LocaleContext = createContext<LocaleFormat>(createLocaleFormat(null, null));

/** The formatters of the Settings locale and timezone: amount, figure, percent, change, number, date, dateTime, month. */
export function useLocaleFormat(): LocaleFormat {
  return useContext(LocaleContext);
}
