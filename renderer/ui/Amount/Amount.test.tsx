import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LocaleContext } from '../../locale/LocaleContext';
import { createLocaleFormat } from '../../locale/locale-format';
import { Amount, Figure } from './Amount';

const inLocale = (locale: string, node: ReactNode) => renderToStaticMarkup(<LocaleContext.Provider value={createLocaleFormat(locale, 'UTC')}>{node}</LocaleContext.Provider>);
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('Amount and Figure follow the locale in context', () => {
  it('prints de-DE and fr-FR marks and keeps the engine value in data-minor', () => {
    const html = inLocale('de-DE', <Amount minor={-123_456_789} currency="EUR" withCurrency />);
    expect(text(html)).toBe('(1.234.567,89) EUR');
    expect(html).toContain('data-minor="-123456789"');
    expect(text(inLocale('fr-FR', <Amount minor={123_456_789} currency="EUR" scale="k" withCurrency />))).toBe('1\u202f235 EURk');
    expect(text(inLocale('de-DE', <Figure value={0.1234} unit="percent" currency="EUR" />))).toBe('12,3%');
    expect(text(inLocale('de-DE', <Figure value={null} unit="days" currency="EUR" />))).toBe('n/a');
  });

  it('prints the PDF\'s en text without a provider', () => {
    expect(text(renderToStaticMarkup(<Amount minor={123_456_789} currency="EUR" />))).toBe('1,234,567.89');
    expect(text(renderToStaticMarkup(<Amount minor={0} currency="EUR" />))).toBe('\u2013');
  });
});
