import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl } from './url-policy';

describe('isAppUrl', () => {
  it.each([
    ['app://boardpack/index.html', true],
    ['app://boardpack/', true],
    ['app://evil/index.html', false],
    ['app://boardpack.evil.com/', false],
    ['app://user:pw@boardpack/', false],
    ['https://boardpack/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s -> %s', (url, expected) => expect(isAppUrl(url)).toBe(expected));
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://www.odoo.com/documentation', true],
    ['http://www.odoo.com/', false],
    ['https://user:pw@example.com/', false],
    ['file:///tmp/x', false],
    ['javascript:alert(1)', false],
    ['smb://share/x', false],
    ['https://', false],
  ])('%s -> %s', (url, expected) => expect(isSafeExternalUrl(url)).toBe(expected));
});
