import { describe, expect, it } from 'vitest';
import { formatAmount } from '../../shared/boardpack/format';
import { settingTimeZone } from '../../shared/period/timezone';
import { createLocaleFormat, supportedLocale } from './locale-format';

describe('createLocaleFormat', () => {
  it('formats amounts with the locale\'s marks and the board pack\'s conventions', () => {
    const de = createLocaleFormat('de-DE', 'Europe/Brussels');
    expect(de.amount(123_456_789, 'EUR')).toBe('1.234.567,89');
    expect(de.amount(-123_456_789, 'EUR', 'k')).toBe('(1.235)');
    expect(de.amount(0, 'EUR')).toBe('\u2013');
    expect(de.amount(1_234_567, 'JPY')).toBe('1.234.567');
    expect(de.figure(0.1234, 'percent', 'EUR')).toBe('12,3%');
    expect(de.figure(null, 'percent', 'EUR', 'units', 'n/a')).toBe('n/a');
    expect(de.change(-0.3, 12, 'points')).toBe('-0,3 pp');
    expect(de.number(1234.56)).toBe('1.234,6');
    expect(createLocaleFormat('fr-FR').amount(123_456_789, 'EUR')).toBe('1\u202f234\u202f567,89');
  });

  it('keeps the en-GB text identical to the PDF and Excel text', () => {
    const gb = createLocaleFormat('en-GB');
    for (const minor of [0, 1, -1, 123_456_789, -987_654_321_00]) {
      for (const scale of ['units', 'k', 'm'] as const) {
        expect(gb.amount(minor, 'EUR', scale)).toBe(formatAmount(minor, { scale, currencyDecimals: 2 }));
      }
    }
  });

  it('shows moments in the Settings timezone, with its name on request', () => {
    const de = createLocaleFormat('de-DE', 'Europe/Brussels');
    // 07:30 UTC on 25 Nov 2026 is 08:30 in Brussels (CET, UTC+1).
    expect(de.dateTime('2026-11-25T07:30:00.000Z')).toBe('25.11.2026, 08:30');
    expect(de.dateTime('2026-11-25 07:30:00', { withZone: true })).toBe('25.11.2026, 08:30 (Europe/Brussels)');
    // In July Brussels is on summer time (UTC+2).
    expect(de.dateTime(Date.UTC(2026, 6, 1, 6, 0))).toBe('01.07.2026, 08:00');
    const gb = createLocaleFormat('en-GB', 'Pacific/Auckland');
    expect(gb.dateTime('2026-11-25T07:30:00Z', { withZone: true })).toBe('25 Nov 2026, 20:30 (Pacific/Auckland)');
  });

  it('formats calendar dates without shifting them and months in the locale\'s words', () => {
    expect(createLocaleFormat('de-DE', 'Pacific/Honolulu').date('2026-11-01')).toBe('01.11.2026');
    expect(createLocaleFormat('en-GB', 'Pacific/Kiritimati').date('2026-11-01')).toBe('1 Nov 2026');
    expect(createLocaleFormat('de-DE').month('2026-03')).toBe('März 2026');
    expect(createLocaleFormat('fr-FR').month('2026-11')).toBe('novembre 2026');
    expect(createLocaleFormat('en-GB').month('not a period')).toBe('not a period');
    expect(createLocaleFormat('en-GB').dateTime('garbage')).toBe('garbage');
  });

  it('falls back to en-GB and the machine zone for settings Intl rejects', () => {
    const machine = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(supportedLocale('not a locale!')).toBe('en-GB');
    expect(supportedLocale(null)).toBe('en-GB');
    expect(supportedLocale('de-DE')).toBe('de-DE');
    expect(settingTimeZone('Not/AZone')).toBe(machine);
    expect(settingTimeZone(null)).toBe(machine);
    expect(settingTimeZone('Europe/Brussels')).toBe('Europe/Brussels');
    const fallback = createLocaleFormat('??', 'Mars/Olympus');
    expect(fallback.locale).toBe('en-GB');
    expect(fallback.amount(123_456, 'EUR')).toBe('1,234.56');
  });
});
