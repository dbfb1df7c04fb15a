import { useMemo, type ReactNode } from 'react';
import { useSettings } from '../features/workspace/queries';
import { LocaleContext } from './LocaleContext';
import { createLocaleFormat } from './locale-format';

/** Feeds every screen the Settings locale and timezone; a saved change re-renders them through the settings query. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const settings = useSettings();
  const locale = settings.data?.locale ?? null;
  const timeZone = settings.data?.timezone ?? null;
  const format = useMemo(() => createLocaleFormat(locale, timeZone), [locale, timeZone]);
  return <LocaleContext.Provider value={format}>{children}</LocaleContext.Provider>;
}
